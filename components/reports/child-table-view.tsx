"use client";

import Link from "@/components/link";

/** A column of the table: its heading, the link that sorts by it, and whether it sorts now. */
export interface ChildTableColumn {
  key: string;
  label: string;
  sortLabel: string;
  href: string;
  sort: "ascending" | "descending" | "none";
}

/** A child unit's row: its name (a drill-down link) and its figures, already formatted. */
export interface ChildTableRow {
  id: number;
  name: string;
  href: string;
  closed: string | null;
  /** Below the on-time threshold (the row stands out), or too few resolved petitions to judge by. */
  standing: "below" | "tooFew" | null;
  cells: string[];
  /** By figure: the petition list that figure counts (lib/dashboards/links.ts), or null. */
  links: (string | null)[];
  /** The unit's periodic report of the period (completeness and timeliness), when the period is one reports are written for. */
  report?: { label: string; standing: string; href: string | null };
}

/**
 * The child units' table as the browser draws it, from figures the server has formatted
 * (ChildTable). A client component so that the page carries the table once as HTML and once as
 * this data, not twice as markup: the nation's 63 provinces × 16 figures are 1,000 cells, and
 * as server markup each was written into the page's RSC payload as an element of its own, then
 * read back to render the HTML (decision 036).
 */
export function ChildTableView({
  caption,
  columns,
  rows,
  total,
  standingLabels,
  belowColumn,
  reportColumn,
}: {
  caption: string;
  columns: ChildTableColumn[];
  rows: ChildTableRow[];
  total: { label: string; cells: string[] };
  standingLabels: { below: string; tooFew: string };
  /** The figure a row below the threshold stands out by (the on-time rate). */
  belowColumn: string;
  /** The heading of the periodic reports' column, when the rows carry their report. */
  reportColumn?: string;
}) {
  const [first, ...figures] = columns;
  const heading = (c: ChildTableColumn, className: string) => (
    <th key={c.key} scope="col" aria-sort={c.sort} className={`px-2 py-2 align-bottom font-medium ${className}`}>
      <Link href={c.href} className="hover:underline print:no-underline" aria-label={c.sortLabel}>
        {c.label}
        {c.sort !== "none" && <span aria-hidden="true">{c.sort === "ascending" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
  return (
    // The cells and their links take their look from the table, not each a class list of its own: the nation's
    // 63 rows × 14 figures wrote the same classes into the page a thousand times.
    <table
      className="min-w-full text-sm print:text-[8pt] [&_td]:px-2 [&_td]:py-2 [&_td]:text-right [&_td]:tabular-nums [&_td_a]:underline [&_td_a]:decoration-stone-300 [&_td_a]:underline-offset-4 [&_td_a:hover]:decoration-stone-700 [&_tbody_tr]:border-t [&_tbody_tr]:border-stone-100 [&_tbody_th]:sticky [&_tbody_th]:left-0 [&_tbody_th]:px-2 [&_tbody_th]:py-2 [&_tbody_th]:text-left [&_tbody_th]:font-medium [&_tbody_th_a]:text-brand-700 [&_tbody_th_a]:underline-offset-2 [&_tbody_th_a:hover]:underline print:[&_tbody_th_a]:text-black"
      data-testid="child-table"
    >
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-stone-50 text-left">
        <tr>
          {heading(first, "sticky left-0 z-10 min-w-40 bg-stone-50")}
          {figures.map((c) => heading(c, "text-right"))}
          {reportColumn && (
            <th scope="col" className="px-2 py-2 align-bottom font-medium">
              {reportColumn}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const below = row.standing === "below";
          return (
            <tr key={row.id} className={below ? "bg-red-50" : undefined} data-unit={row.id} data-below={below || undefined} data-too-few={row.standing === "tooFew" || undefined}>
              <th scope="row" className={below ? "bg-red-50" : "bg-white"}>
                <Link href={row.href}>
                  {row.name}
                </Link>
                {row.closed && <span className="block text-xs font-normal text-stone-600">{row.closed}</span>}
                {row.standing && <span className={`block text-xs font-normal ${below ? "text-red-800" : "text-stone-600"}`}>{standingLabels[row.standing]}</span>}
              </th>
              {figures.map((c, i) => (
                <td key={c.key} className={below && c.key === belowColumn ? "font-semibold text-red-800" : undefined} data-kpi={c.key}>
                  {row.links[i] ? (
                    <Link href={row.links[i]}>
                      {row.cells[i]}
                    </Link>
                  ) : (
                    row.cells[i]
                  )}
                </td>
              ))}
              {reportColumn && (
                <td className="!text-left" data-report-standing={row.report?.standing}>
                  {row.report?.href ? <Link href={row.report.href}>{row.report.label}</Link> : row.report?.label}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
      <tfoot className="border-t-2 border-stone-300 bg-stone-50 font-semibold">
        <tr>
          <th scope="row" className="sticky left-0 bg-stone-50 px-2 py-2 text-left">
            {total.label}
          </th>
          {figures.map((c, i) => (
            <td key={c.key} data-kpi={c.key}>
              {total.cells[i]}
            </td>
          ))}
          {reportColumn && <td />}
        </tr>
      </tfoot>
    </table>
  );
}
