import Link from "@/components/link";

/** Blocs or teams named as links to their pages, separated by semicolons (a merger's sources, a unit's earlier ones). */
export function OrganisationLinks({ items }: { items: readonly { id: number; name: string }[] }) {
  return items.map((o, i) => (
    <span key={o.id}>
      {i > 0 && "; "}
      <Link href={`/organisations/${o.id}`} className="text-brand-700 underline underline-offset-2">
        {o.name}
      </Link>
    </span>
  ));
}
