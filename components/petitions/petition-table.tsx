import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { filtersToParams, type PetitionFilters, type PetitionPage, type PetitionSort } from "@/lib/petitions/list";
import { StatusBadge } from "./status-badge";

function href(filters: PetitionFilters, change: Partial<PetitionFilters>): string {
  const query = filtersToParams({ ...filters, cursor: undefined, ...change }).toString();
  return query ? `/petitions?${query}` : "/petitions";
}

/** The list: a table on wide screens, cards on a phone; overdue rows stand out in both. */
export async function PetitionTable({ page, filters, emptyMessage }: { page: PetitionPage; filters: PetitionFilters; emptyMessage: string }) {
  const t = await getTranslations("petitions");
  if (page.items.length === 0) {
    return <p className="rounded-xl border border-stone-200 bg-white p-6 text-stone-600">{emptyMessage}</p>;
  }
  const sortHeader = (column: PetitionSort, label: string, first = false) => {
    const active = filters.sort === column;
    const dir = active && filters.dir === "desc" ? "asc" : "desc";
    return (
      <th scope="col" className={`py-2 pr-3 ${first ? "pl-4" : ""}`} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : "none"}>
        <Link href={href(filters, { sort: column, dir })} className="inline-flex items-center gap-1 underline-offset-2 hover:underline" aria-label={t("sortBy", { column: label })}>
          {label}
          <span aria-hidden="true">{active ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        </Link>
      </th>
    );
  };
  return (
    <div className="space-y-3">
      <div className="hidden overflow-x-auto rounded-xl border border-stone-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
            <tr>
              {sortHeader("code", t("code"), true)}
              {sortHeader("receivedOn", t("receivedOn"))}
              <th scope="col" className="py-2 pr-3">{t("content")}</th>
              <th scope="col" className="py-2 pr-3">{t("unit")}</th>
              <th scope="col" className="py-2 pr-3">{t("agency")}</th>
              {sortHeader("dueOn", t("dueOn"))}
              <th scope="col" className="py-2 pr-3">{t("status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {page.items.map((p) => (
              <tr key={p.id} className={`align-top ${p.overdue ? "bg-red-50" : ""}`}>
                <th scope="row" className={`py-2 pr-3 pl-3 font-medium whitespace-nowrap ${p.overdue ? "border-l-4 border-red-600" : "border-l-4 border-transparent"}`}>
                  <Link href={`/petitions/${p.id}`} className="text-brand-700 underline underline-offset-2">{p.code}</Link>
                </th>
                <td className="py-2 pr-3 whitespace-nowrap">{formatDate(p.receivedOn)}</td>
                <td className="py-2 pr-3">
                  <p className="font-medium">{p.petitionerName ?? t("anonymous")}</p>
                  <p className="text-stone-700">{p.excerpt}</p>
                  <p className="text-xs text-stone-600">{p.fieldName}</p>
                </td>
                <td className="py-2 pr-3">
                  {p.unitName}
                  {p.parentName && <span className="block text-xs text-stone-600">{p.parentName}</span>}
                </td>
                <td className="py-2 pr-3">{p.agencyName ?? "—"}</td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {p.dueOn ? formatDate(p.dueOn) : "—"}
                  {p.overdue && <span className="mt-1 block w-fit rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t("overdueBadge")}</span>}
                </td>
                <td className="py-2 pr-3"><StatusBadge status={p.status} resolution={p.resolution} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 md:hidden">
        {page.items.map((p) => (
          <li key={p.id} className={`rounded-xl border bg-white p-3 ${p.overdue ? "border-l-4 border-red-600 bg-red-50" : "border-stone-200"}`}>
            <div className="flex items-start justify-between gap-2">
              <Link href={`/petitions/${p.id}`} className="font-semibold text-brand-700 underline underline-offset-2">{p.code}</Link>
              <StatusBadge status={p.status} resolution={p.resolution} />
            </div>
            <p className="mt-1 text-sm">{p.excerpt}</p>
            <p className="mt-1 text-xs text-stone-600">
              {formatDate(p.receivedOn)} · {p.unitName} · {p.fieldName}
            </p>
            {p.dueOn && (
              <p className={`mt-1 text-xs ${p.overdue ? "font-semibold text-red-800" : "text-stone-600"}`}>
                {t("dueOn")}: {formatDate(p.dueOn)} {p.overdue && `· ${t("overdueBadge")}`}
              </p>
            )}
          </li>
        ))}
      </ul>
      <nav aria-label={t("pagination")} className="flex flex-wrap gap-3">
        {filters.cursor && (
          <Link href={href(filters, {})} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            ← {t("firstPage")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={href(filters, { cursor: page.nextCursor })} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            {t("nextPage")} →
          </Link>
        )}
      </nav>
    </div>
  );
}
