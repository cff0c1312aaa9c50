import Link from "@/components/link";

/**
 * A sortable column's header for a server-rendered list: a link to the list sorted by it (the other way when it is
 * the current order), `aria-sort` on the current one and its arrow. `href` gets the direction the link asks for.
 */
export function SortHeader({
  label,
  ariaLabel,
  current,
  dir,
  firstDir = "asc",
  href,
}: {
  label: string;
  /** The link's accessible name, e.g. "Sắp xếp theo …". */
  ariaLabel: string;
  /** Whether the list is sorted by this column now. */
  current: boolean;
  /** The list's current direction. */
  dir: "asc" | "desc";
  /** The direction a first click asks for. */
  firstDir?: "asc" | "desc";
  href: (dir: "asc" | "desc") => string;
}) {
  const next = current ? (dir === "asc" ? "desc" : "asc") : firstDir;
  return (
    <th scope="col" className="py-2 pr-3" aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href(next)} className="underline-offset-2 hover:underline" aria-label={ariaLabel}>
        {label}
        {current && <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
}
