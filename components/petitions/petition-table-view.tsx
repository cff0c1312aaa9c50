"use client";

import { useTranslations } from "next-intl";
import Link from "@/components/link";
import type { PetitionStatus, ResolutionKind } from "@/lib/generated/prisma/enums";
import { StatusBadge } from "./status-badge";

/** A petition as the list shows it, its days already formatted (PetitionTable). */
export interface PetitionRow {
  id: number;
  code: string;
  received: string;
  petitionerName: string | null;
  excerpt: string;
  fieldName: string;
  unitName: string;
  parentName: string | null;
  agencyName: string | null;
  due: string | null;
  /** To assign the petition (no agency holds it yet) or to resolve it (decision 051). */
  dueFor: "ASSIGNMENT" | "RESOLUTION" | null;
  overdue: boolean;
  status: PetitionStatus;
  resolution: ResolutionKind | null;
  /** The day (Vietnam time) of the moment the list's period bounds, formatted; null for receipt. */
  dated: string | null;
}

/** A sortable column's link, and whether the list is sorted by it now. */
export interface SortLink {
  href: string;
  sort: "ascending" | "descending" | "none";
}

/**
 * The list as the browser draws it: a table on wide screens, cards on a phone; overdue rows stand out
 * in both. A client component drawn from the rows' data (decision 036): each petition is in the page
 * twice, and as server markup each was written into the RSC payload twice more.
 */
export function PetitionTableView({
  rows,
  sorts,
  first,
  next,
  datedLabel,
}: {
  rows: PetitionRow[];
  sorts: Record<"code" | "receivedOn" | "dueOn", SortLink>;
  /** What each row's `dated` day is, when the list's period bounds another day than receipt. */
  datedLabel: string | null;
  /** The first page's link, when this is not it; the next page's, when there is one. */
  first: string | null;
  next: string | null;
}) {
  const t = useTranslations("petitions");
  const sortHeader = (column: keyof typeof sorts, label: string, isFirst = false) => {
    const { href, sort } = sorts[column];
    return (
      <th scope="col" className={`py-2 pr-3 ${isFirst ? "pl-4" : ""}`} aria-sort={sort}>
        <Link href={href} className="inline-flex items-center gap-1 underline-offset-2 hover:underline" aria-label={t("sortBy", { column: label })}>
          {label}
          <span aria-hidden="true">{sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "↕"}</span>
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
            {rows.map((p) => (
              <tr key={p.id} className={`align-top ${p.overdue ? "bg-red-50" : ""}`}>
                <th scope="row" className={`py-2 pr-3 pl-3 font-medium whitespace-nowrap ${p.overdue ? "border-l-4 border-red-600" : "border-l-4 border-transparent"}`}>
                  <Link href={`/petitions/${p.id}`} className="text-brand-700 underline underline-offset-2">{p.code}</Link>
                </th>
                <td className="py-2 pr-3 whitespace-nowrap">{p.received}</td>
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
                  {p.due ?? "—"}
                  {p.due && p.dueFor === "ASSIGNMENT" && <span className="block text-xs text-stone-600">{t("dueFor.ASSIGNMENT")}</span>}
                  {p.overdue && <span className="mt-1 block w-fit rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t("overdueBadge")}</span>}
                </td>
                <td className="py-2 pr-3">
                  <StatusBadge status={p.status} resolution={p.resolution} />
                  {datedLabel && p.dated && <span className="mt-1 block text-xs whitespace-nowrap text-stone-700">{datedLabel}: {p.dated}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 md:hidden">
        {rows.map((p) => (
          <li key={p.id} className={`rounded-xl border bg-white p-3 ${p.overdue ? "border-l-4 border-red-600 bg-red-50" : "border-stone-200"}`}>
            <div className="flex items-start justify-between gap-2">
              <Link href={`/petitions/${p.id}`} className="font-semibold text-brand-700 underline underline-offset-2">{p.code}</Link>
              <StatusBadge status={p.status} resolution={p.resolution} />
            </div>
            <p className="mt-1 text-sm">{p.excerpt}</p>
            <p className="mt-1 text-xs text-stone-600">
              {p.received} · {p.unitName} · {p.fieldName}
            </p>
            {datedLabel && p.dated && (
              <p className="mt-1 text-xs text-stone-700">
                {datedLabel}: {p.dated}
              </p>
            )}
            {p.due && (
              <p className={`mt-1 text-xs ${p.overdue ? "font-semibold text-red-800" : "text-stone-600"}`}>
                {t(p.dueFor === "ASSIGNMENT" ? "dueFor.ASSIGNMENT" : "dueFor.RESOLUTION")}: {p.due} {p.overdue && `· ${t("overdueBadge")}`}
              </p>
            )}
          </li>
        ))}
      </ul>
      <nav aria-label={t("pagination")} className="flex flex-wrap gap-3">
        {first && (
          <Link href={first} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            ← {t("firstPage")}
          </Link>
        )}
        {next && (
          <Link href={next} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            {t("nextPage")} →
          </Link>
        )}
      </nav>
    </div>
  );
}
