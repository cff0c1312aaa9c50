import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { MeetingFilterForm } from "@/components/meetings/filter-form";
import { MeetingList } from "@/components/meetings/meeting-list";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { listMeetings, meetingFiltersToParams, parseMeetingFilters } from "@/lib/meetings/list";
import { choiceText, filterDay } from "@/lib/choices/types";
import { resolveUnitChoice } from "@/lib/choices/units";

export async function generateMetadata() {
  return { title: (await getTranslations("meetings"))("title") };
}

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("meeting:read:subtree");
  const raw = await searchParams;
  const parsed = parseMeetingFilters(raw);
  // The area is chosen on demand (decision 029): only the chosen unit is read here.
  // Units as of the list's period: a commune under its own district then, or its province after the reform.
  const area = await resolveUnitChoice(actor, parsed.unit, choiceText(raw.unitText), { today: filterDay(parsed) });
  const filters = { ...parsed, unit: area.selected?.id, cursor: area.text !== null ? undefined : parsed.cursor };
  const [page, t] = await Promise.all([listMeetings(actor, filters), getTranslations("meetings")]);
  const { cursor: _cursor, ...rest } = filters;
  const filtered = meetingFiltersToParams({ ...rest, dir: undefined, limit: undefined }).toString() !== "";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex flex-wrap gap-2">
          {allows(actor, "meeting:create:subtree") && (
            <Link href="/meetings/new" className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
              {t("new.title")}
            </Link>
          )}
          <Link href="/meetings/compliance" className="rounded-md border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-50">
            {t("compliance.title")}
          </Link>
        </div>
      </div>
      <MeetingFilterForm filters={filters} area={area} hrefFor={(id) => `/meetings?${meetingFiltersToParams({ ...rest, unit: id })}`} />
      <MeetingList page={page} filters={filters} emptyMessage={filtered ? t("list.empty") : t("list.emptyAll")} />
    </div>
  );
}
