import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import type { Page } from "@/lib/api/cursor";
import { formatDate } from "@/lib/format";
import { meetingFiltersToParams, type MeetingFilters, type MeetingListItem } from "@/lib/meetings/list";

function href(filters: MeetingFilters, cursor?: string): string {
  const query = meetingFiltersToParams({ ...filters, cursor }).toString();
  return query ? `/meetings?${query}` : "/meetings";
}

/** The list as cards: one column on a phone, more on wider screens; keyset pages. */
export async function MeetingList({ page, filters, emptyMessage }: { page: Page<MeetingListItem>; filters: MeetingFilters; emptyMessage: string }) {
  const t = await getTranslations("meetings");
  if (page.items.length === 0) return <p className="rounded-xl border border-stone-200 bg-white p-6 text-stone-600">{emptyMessage}</p>;
  return (
    <div className="space-y-3">
      <ul className="grid gap-2 md:grid-cols-2">
        {page.items.map((m) => (
          <li key={m.id} className="rounded-xl border border-stone-200 bg-white p-3">
            <div className="flex items-start justify-between gap-2">
              <Link href={`/meetings/${m.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
                {m.heldBy}
              </Link>
              <time dateTime={m.heldOn.toISOString().slice(0, 10)} className="shrink-0 text-sm font-medium">{formatDate(m.heldOn)}</time>
            </div>
            <p className="text-sm text-stone-700">
              {t(`kinds.${m.kind}`)}
              {m.visitorName && ` · ${t("form.visitor")} ${m.visitorName}`}
            </p>
            <p className="mt-1 text-xs text-stone-600">
              {m.parentName ? `${m.unitName} · ${m.parentName}` : m.unitName}
              {m.place && ` · ${m.place}`}
            </p>
            <p className="mt-1 text-sm">
              {t("list.present", { present: m.present, total: m.expected })} · {t("list.raisedCount", { count: m.raised })}
            </p>
          </li>
        ))}
      </ul>
      <nav aria-label={t("list.pagination")} className="flex flex-wrap gap-3">
        {filters.cursor && (
          <Link href={href(filters)} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            ← {t("list.firstPage")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={href(filters, page.nextCursor)} className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            {t("list.nextPage")} →
          </Link>
        )}
      </nav>
    </div>
  );
}
