import { formatDate } from "@/lib/format";
import { todayInVietnam } from "@/lib/time";
import { listOrder, petitionListHref, type PetitionFilters, type PetitionPage, type PetitionSort } from "@/lib/petitions/list";
import { PetitionTableView, type SortLink } from "./petition-table-view";

const href = (filters: PetitionFilters, change: Partial<PetitionFilters>) => petitionListHref({ ...filters, cursor: undefined, ...change });

/**
 * The list of a page of petitions: its links and days worked out here, drawn by PetitionTableView
 * from that data (decision 036). `orderNote` says how a search's results are ordered, when best
 * match first.
 */
export function PetitionTable({
  page,
  filters,
  emptyMessage,
  orderNote,
  datedLabel,
}: {
  page: PetitionPage;
  filters: PetitionFilters;
  emptyMessage: string;
  orderNote: string | null;
  /** What the rows' `dated` moment is ("Ngày giải quyết"), for a list of a period of resolutions, reopenings or escalations. */
  datedLabel: string;
}) {
  if (page.items.length === 0) {
    return <p className="rounded-xl border border-stone-200 bg-white p-6 text-stone-600">{emptyMessage}</p>;
  }
  const order = listOrder(filters);
  const sortLink = (column: PetitionSort): SortLink => {
    const active = order === column;
    return {
      href: href(filters, { sort: column, dir: active && filters.dir === "desc" ? "asc" : "desc" }),
      sort: active ? (filters.dir === "asc" ? "ascending" : "descending") : "none",
    };
  };
  return (
    <>
      {orderNote && (
        <p className="text-sm text-stone-700" data-testid="order-note">
          {orderNote}
        </p>
      )}
      <PetitionTableView
        rows={page.items.map((p) => ({
          id: p.id,
          code: p.code,
          received: formatDate(p.receivedOn),
          petitionerName: p.petitionerName,
          excerpt: p.excerpt,
          fieldName: p.fieldName,
          unitName: p.unitName,
          parentName: p.parentName,
          agencyName: p.agencyName,
          due: p.dueOn ? formatDate(p.dueOn) : null,
          dueFor: p.dueFor,
          overdue: p.overdue,
          status: p.status,
          resolution: p.resolution,
          dated: p.dated ? formatDate(todayInVietnam(p.dated)) : null,
        }))}
        datedLabel={filters.dateOf === "received" ? null : datedLabel}
        sorts={{ code: sortLink("code"), receivedOn: sortLink("receivedOn"), dueOn: sortLink("dueOn") }}
        first={filters.cursor ? href(filters, {}) : null}
        next={page.nextCursor ? href(filters, { cursor: page.nextCursor }) : null}
      />
    </>
  );
}
