import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SheetForm, type SheetFormCriterion } from "@/components/scoring/sheet-form";
import { requirePermission } from "@/lib/auth/current";
import { formatDateTime, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { reportPeriodLabel } from "@/lib/periodic-reports/period";
import { saveSheetAction } from "@/lib/scoring/actions";
import { autoInputsFor, scorableVillage } from "@/lib/scoring/mutations";
import { parseScoringParams, scoringQuery } from "@/lib/scoring/params";
import { sheetOf } from "@/lib/scoring/queries";
import { autoPoints } from "@/lib/scoring/rules";
import { parseId } from "@/lib/forms/fields";
import { isoDay, todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("scoring"))("sheet.title") };
}

/** A village's scoring sheet for a period (decision 078): scored by a commune or district in reach; out of reach 404. */
export default async function SheetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("scoring:score:subtree");
  const raw = await searchParams;
  const today = todayInVietnam();
  const { period } = parseScoringParams(raw, today);
  const villageId = parseId(Array.isArray(raw.village) ? raw.village[0] : raw.village);
  const village = villageId ? await scorableVillage(actor, villageId, period) : null;
  if (!village) notFound();
  const [t, locale, { sheet, template }, inputs] = await Promise.all([getTranslations("scoring"), getLocale().then(toLocale), sheetOf(village, period), autoInputsFor(village.id, period)]);
  const num = (v: number) => formatNumber(v, locale, Number.isInteger(v) ? 0 : 2);
  const back = `/scoring?${scoringQuery({ unit: village.parentId, period: period.key })}`;
  const header = (
    <header>
      <p className="text-sm">
        <Link href={back} className="text-brand-700 hover:underline">
          ← {t("sheet.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("sheet.heading", { village: unitFullName(village) })}</h1>
      <p className="text-stone-700">{t("periodLabel", { period: reportPeriodLabel(period) })}</p>
    </header>
  );
  if (!village.stood) {
    return (
      <div className="space-y-4">
        {header}
        <p className="rounded-md bg-amber-50 p-4 text-amber-900">{t("sheet.notStanding")}</p>
      </div>
    );
  }
  if (period.from > isoDay(today)) {
    return (
      <div className="space-y-4">
        {header}
        <p className="rounded-md bg-amber-50 p-4 text-amber-900">{t("villages.notStarted")}</p>
      </div>
    );
  }
  if (!template) {
    return (
      <div className="space-y-4">
        {header}
        <p className="rounded-md bg-amber-50 p-4 text-amber-900">{t("sheet.noTemplate")}</p>
      </div>
    );
  }
  const source = (auto: NonNullable<SheetFormCriterion["auto"]>) =>
    auto === "TEAM_MEETINGS" ? t("sheet.meetingsSource", { held: inputs.teamsHeld, expected: inputs.teamsExpected }) : t("sheet.petitionsSource", { onTime: inputs.resolvedOnTime, resolved: inputs.resolved });
  const sections = template.sections.map((s) => ({
    title: s.title,
    criteria: s.criteria.map(
      (c): SheetFormCriterion => ({
        key: c.key,
        label: c.label,
        max: c.max,
        maxText: num(c.max),
        weightText: num(c.weight),
        auto: c.auto,
        // An automatic criterion shows what it fills now (saving fills it again).
        value: c.auto ? num(autoPoints(c.auto, c.max, inputs)) : sheet?.scores[c.key] !== undefined ? String(sheet.scores[c.key]).replace(".", ",") : "",
        source: c.auto ? source(c.auto) : undefined,
      }),
    ),
  }));
  return (
    <div className="max-w-3xl space-y-4">
      {header}
      <p className="text-sm text-stone-700">
        {t("sheet.template", { name: template.name, version: template.version })}
        {sheet && ` · ${t("sheet.current", { total: num(sheet.total), max: num(sheet.maxTotal), percent: num(sheet.percent), time: formatDateTime(sheet.updatedAt) })}`}
      </p>
      <SheetForm action={saveSheetAction} villageId={village.id} period={period.key} version={sheet?.version ?? 0} sections={sections} note={sheet?.note ?? ""} />
    </div>
  );
}
