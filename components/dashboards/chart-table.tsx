/**
 * The table alternative of a chart: the same numbers in a real table (caption, column
 * and row headers), behind "Xem dạng bảng". A <details> works without JavaScript and is
 * announced as expandable; the table is in the HTML from the server, also for printing.
 */
export interface ChartTableProps {
  summary: string;
  caption: string;
  /** Header of the row-header column ("Tháng"), then of each value column. */
  columns: string[];
  /** Each row: its header (the month, the status) and its formatted values. */
  rows: { key: string; header: string; cells: string[] }[];
  /** An optional last row, such as the total. */
  footer?: { header: string; cells: string[] };
}

export function ChartTable({ summary, caption, columns, rows, footer }: ChartTableProps) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer py-2 font-medium text-brand-700 underline underline-offset-2">{summary}</summary>
      <div className="overflow-x-auto">
        <table className="mt-1 w-full text-left">
          <caption className="pb-1 text-left text-stone-600">{caption}</caption>
          <thead className="border-b border-stone-200 bg-stone-50">
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={`px-2 py-1.5 ${i > 0 ? "text-right" : ""}`}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="px-2 py-1.5 font-normal whitespace-nowrap">
                  {r.header}
                </th>
                {r.cells.map((c, i) => (
                  <td key={i} className="px-2 py-1.5 text-right tabular-nums">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {footer && (
            <tfoot className="border-t border-stone-300 font-semibold">
              <tr>
                <th scope="row" className="px-2 py-1.5">
                  {footer.header}
                </th>
                {footer.cells.map((c, i) => (
                  <td key={i} className="px-2 py-1.5 text-right tabular-nums">
                    {c}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </details>
  );
}
