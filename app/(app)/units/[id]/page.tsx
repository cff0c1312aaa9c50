import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Stat } from "@/components/stat";
import { CloseVillageForm, CreateVillageForm, MoveVillageForm, RenameVillageForm } from "@/components/units/village-forms";
import { CreateOrganisationForm } from "@/components/organisations/lifecycle-forms";
import { OrganisationLinks } from "@/components/organisations/organisation-links";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { formatDate, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { organisationsOfUnit } from "@/lib/organisations/lifecycle";
import { percent } from "@/lib/percent";
import { isoDay, todayInVietnam } from "@/lib/time";
import { unitPageCoverage } from "@/lib/units/coverage";
import { unitFullName } from "@/lib/units/labels";
import { countAwaitingPlacement } from "@/lib/units/merger/placement";
import { getUnitInScope, moveTargetsFor, parseAsOf } from "@/lib/units/queries";
import { parseId } from "@/lib/forms/fields";

type Succession = { kind: "FULL" | "PARTIAL"; effectiveOn: Date; unit: { id: number; typeLabel: string; name: string; inScope: boolean } };

export default async function UnitPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("organisation:read:subtree");
  const rawAsOf = (await searchParams).asOf;
  const today = todayInVietnam();
  const chosen = parseAsOf(rawAsOf);
  const asOfInvalid = rawAsOf !== undefined && rawAsOf !== "" && chosen === null;
  const viewDate = chosen ?? today;
  const id = parseId((await params).id);
  if (id === null) notFound();
  const unit = await getUnitInScope(actor, id, { asOf: viewDate });
  if (!unit) notFound();
  const t = await getTranslations();
  const closed = unit.validTo !== null;
  const team = unit.organisations.find((o) => o.kind === "TEAM");
  const bloc = unit.organisations.find((o) => o.kind === "BLOC");
  const isoViewDate = viewDate.toISOString().slice(0, 10);
  // A split commune's villages left under it (decision 005): how many still await placement.
  const awaiting = unit.level === "COMMUNE" && closed && unit.successors.some((s) => s.kind === "PARTIAL") ? await countAwaitingPlacement(actor, unit.id) : 0;
  return (
    <div className="space-y-4">
      <nav aria-label={t("unit.breadcrumb")} className="text-sm text-stone-600">
        <ol className="flex flex-wrap gap-1">
          {unit.path.map((a) => (
            <li key={a.id} className="after:ml-1 after:content-['›']">
              {a.inScope ? (
                <Link href={`/units/${a.id}`} className="underline underline-offset-2 hover:text-stone-900">
                  {unitFullName(a)}
                </Link>
              ) : (
                <span>{unitFullName(a)}</span>
              )}
            </li>
          ))}
          <li aria-current="page" className="font-medium text-stone-900">
            {unitFullName(unit)}
          </li>
        </ol>
      </nav>
      <section className="rounded-xl border border-stone-200 bg-white p-6">
        <h1 className="text-2xl font-semibold">{unitFullName(unit)}</h1>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div>
            <dt className="inline text-stone-600">{t("unit.code")}: </dt>
            <dd className="inline font-medium">{unit.code ?? t("unit.noCode")}</dd>
          </div>
          <div>
            <dt className="inline text-stone-600">{t(`levels.${unit.level}`)}</dt>
          </div>
          {unit.validFrom && (
            <div>
              <dt className="inline text-stone-600">{t("unit.validFrom")}: </dt>
              <dd className="inline">{formatDate(unit.validFrom)}</dd>
            </div>
          )}
          <div>
            <dd className={closed ? "text-red-800" : "text-green-800"}>
              {closed ? `${t("unit.closed")} (${formatDate(unit.validTo)})` : t("unit.current")}
            </dd>
          </div>
          {team && (
            <div>
              <dd>
                <Link href={`/organisations/${team.id}`} className="text-brand-700 underline underline-offset-2">
                  {t("unit.hasTeam")}
                </Link>
              </dd>
            </div>
          )}
          {bloc && (
            <div>
              <dd>
                <Link href={`/organisations/${bloc.id}`} className="text-brand-700 underline underline-offset-2">
                  {t("unit.hasBloc")}
                </Link>
              </dd>
            </div>
          )}
        </dl>
        {awaiting > 0 && (
          <p className="mt-3">
            {allows(actor, "unit:manage:subtree") ? (
              <Link href={`/admin/units/placement#commune-${unit.id}`} className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900 underline">
                {t("mergers.badge", { count: awaiting })}
              </Link>
            ) : (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t("mergers.badge", { count: awaiting })}</span>
            )}
          </p>
        )}
        <SuccessionList label={t("unit.mergedInto")} items={unit.successors} />
        <SuccessionList label={t("unit.mergedFrom")} items={unit.predecessors} />
      </section>
      <CoverageSection unit={unit} viewDate={viewDate} />
      {allows(actor, "meeting:read:subtree") && (
        <section aria-labelledby="unit-meetings-title" className="rounded-xl border border-stone-200 bg-white p-6">
          <h2 id="unit-meetings-title" className="text-lg font-semibold">{t("unit.meetingsTitle")}</h2>
          {/* Field visits to this unit, and those its staff made (decision 053), in the meeting list. */}
          <ul className="mt-2 flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-6">
            <li>
              <Link href={`/meetings?unit=${unit.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">{t("unit.meetingsHere")}</Link>
            </li>
            {(unit.level === "COMMUNE" || unit.level === "VILLAGE") && (
              <li>
                <Link href={`/meetings?unit=${unit.id}&kind=FIELD_VISIT`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">{t("unit.visitsHere")}</Link>
              </li>
            )}
            {unit.level !== "VILLAGE" && (
              <li>
                <Link href={`/meetings?kind=FIELD_VISIT&visitor=${unit.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">{t("unit.visitsMade")}</Link>
              </li>
            )}
          </ul>
        </section>
      )}
      {allows(actor, "organisation:manage:subtree") && !closed && (unit.level === "COMMUNE" || unit.level === "VILLAGE") && (
        <OrganisationPanel unit={unit} today={today} actor={actor} />
      )}
      {allows(actor, "village:manage:subtree") && !closed && (unit.level === "COMMUNE" || unit.level === "VILLAGE") && (
        <VillageAdminPanel unit={unit} today={today} actor={actor} />
      )}
      <section aria-labelledby="children-title" className="rounded-xl border border-stone-200 bg-white p-6">
        <h2 id="children-title" className="text-lg font-semibold">
          {t("unit.children")} <span className="font-normal text-stone-600">({t("unit.count", { count: unit.children.length })})</span>
        </h2>
        <form method="get" action={`/units/${unit.id}`} className="mt-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="unit-as-of" className="block text-sm font-medium">
              {t("unit.asOfLabel")}
            </label>
            <input id="unit-as-of" type="date" name="asOf" defaultValue={isoViewDate} className="mt-1 block rounded-md border border-stone-300 px-3 py-2 text-base" />
          </div>
          <button type="submit" className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-50">
            {t("unit.asOfSubmit")}
          </button>
          <Link href={`/units/${unit.id}`} className="py-2 text-brand-700 underline underline-offset-2">
            {t("unit.today")}
          </Link>
        </form>
        {asOfInvalid && (
          <p role="alert" className="mt-2 text-sm text-red-800">
            {t("unit.asOfInvalid")}
          </p>
        )}
        <p className="mt-2 text-sm text-stone-600">{t("unit.asOfShowing", { date: formatDate(viewDate) })}</p>
        {unit.children.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("unit.noChildren")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-100">
            {unit.children.map((child) => (
              <li key={child.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/units/${child.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {unitFullName(child)}
                </Link>
                <span className="flex flex-wrap gap-2 text-sm text-stone-600">
                  {child.code && <span>{child.code}</span>}
                  {child._count.children > 0 && <span>{t("unit.count", { count: child._count.children })}</span>}
                  {child.organisations.some((o) => o.kind === "TEAM") && <span>{t("unit.hasTeam")}</span>}
                  {child.organisations.some((o) => o.kind === "BLOC") && <span>{t("unit.hasBloc")}</span>}
                  {child.validTo && <span className="text-red-800">{t("unit.closed")}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** "Đã sáp nhập vào: Xã X (toàn bộ) từ dd/mm/yyyy"; a unit outside the actor's scope is text, not a link. */
async function SuccessionList({ label, items }: { label: string; items: Succession[] }) {
  if (items.length === 0) return null;
  const t = await getTranslations("unit");
  return (
    <p className="mt-3 text-sm">
      <span className="text-stone-600">{label}: </span>
      {items.map((item, i) => {
        const name = unitFullName(item.unit);
        return (
          <span key={item.unit.id}>
            {i > 0 && "; "}
            {t.rich("succession", {
              name,
              kind: t(`kind${item.kind}`),
              date: formatDate(item.effectiveOn),
              unit: (chunks) =>
                item.unit.inScope ? (
                  <Link href={`/units/${item.unit.id}`} className="text-brand-700 underline underline-offset-2">
                    {chunks}
                  </Link>
                ) : (
                  <span>{chunks}</span>
                ),
            })}
          </span>
        );
      })}
    </p>
  );
}

/** Add villages to a current commune; rename, move or close a current village. Shown to "village:manage:subtree". */
async function VillageAdminPanel({
  unit,
  today,
  actor,
}: {
  unit: { id: number; level: string; typeLabel: string; name: string; version: number };
  today: Date;
  actor: Parameters<typeof moveTargetsFor>[0];
}) {
  const t = await getTranslations("villages");
  const targets = unit.level === "VILLAGE" ? await moveTargetsFor(actor, unit.id) : [];
  return (
    <section aria-labelledby="village-admin-title" className="space-y-5 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <h2 id="village-admin-title" className="text-lg font-semibold">
        {t("panelTitle")}
      </h2>
      {unit.level === "COMMUNE" ? (
        <CreateVillageForm communeId={unit.id} />
      ) : (
        <>
          <RenameVillageForm villageId={unit.id} version={unit.version} typeLabel={unit.typeLabel} name={unit.name} />
          <MoveVillageForm
            villageId={unit.id}
            version={unit.version}
            fullName={unitFullName(unit)}
            targets={targets.map((c) => ({ id: c.id, label: c.code ? `${unitFullName(c)} (${c.code})` : unitFullName(c) }))}
          />
          <CloseVillageForm villageId={unit.id} version={unit.version} fullName={unitFullName(unit)} today={today.toISOString().slice(0, 10)} />
        </>
      )}
    </section>
  );
}

/**
 * "Độ phủ tổ chức": the coverage figures reports quote, each against its 100% target. A closed unit shows
 * them as they stood on its last day (or on the day asked, if earlier).
 */
async function CoverageSection({ unit, viewDate }: { unit: { id: number; validTo: Date | null }; viewDate: Date }) {
  // The unit was returned by getUnitInScope, so its subtree is inside the actor's scope.
  const [t, locale, { asOf, coverage }] = await Promise.all([getTranslations("coverage"), getLocale() as Promise<Locale>, unitPageCoverage(unit, viewDate)]);
  const n = (value: number) => formatNumber(value, locale);
  const ratios = [
    ["villagesWithTeam", coverage.villagesWithTeam, coverage.villages],
    ["teamHeadsPartyCellSecretary", coverage.teamHeadsPartyCellSecretary, coverage.teamHeads],
    ["blocsHeadedByStandingDeputy", coverage.blocsHeadedByStandingDeputy, coverage.blocs],
  ] as const;
  return (
    <section aria-labelledby="coverage-title" className="rounded-xl border border-stone-200 bg-white p-6">
      <h2 id="coverage-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("asOf", { date: formatDate(asOf) })}</p>
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {ratios.map(([key, part, whole]) => {
          const share = percent(part, whole);
          if (share === null) return null;
          return (
            <Stat
              key={key}
              label={t(key)}
              value={`${n(part)}/${n(whole)} · ${formatNumber(share, locale, 1)}%`}
              tone={part < whole ? "alert" : "default"}
            />
          );
        })}
        <Stat label={t("members")} value={n(coverage.members)} />
      </dl>
    </section>
  );
}

/**
 * "Khối, tổ dân vận của đơn vị": the standing bloc (commune) or team (village) with a link, or none
 * and the form that founds one (decision 050); how many came before. Shown to "organisation:manage:subtree".
 */
async function OrganisationPanel({ unit, today, actor }: { unit: { id: number; level: string }; today: Date; actor: Parameters<typeof organisationsOfUnit>[0] }) {
  const t = await getTranslations("orgLifecycle");
  const kind = unit.level === "COMMUNE" ? "BLOC" : "TEAM";
  const all = (await organisationsOfUnit(actor, unit.id)).filter((o) => o.kind === kind);
  const standing = all.find((o) => o.dissolvedOn === null);
  const previous = all.filter((o) => o.dissolvedOn !== null);
  return (
    <section aria-labelledby="org-panel-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <h2 id="org-panel-title" className="text-lg font-semibold">
        {t("panelTitle")}
      </h2>
      {/* A live region: founding replaces the form with the new organisation, and this line says so. */}
      {standing ? (
        <p role="status">
          {t("standing")}{" "}
          <Link href={`/organisations/${standing.id}`} className="font-medium text-brand-700 underline underline-offset-2">
            {standing.name}
          </Link>
        </p>
      ) : (
        <p role="status" className="text-stone-700">
          {t(kind === "BLOC" ? "noneBloc" : "noneTeam")}
        </p>
      )}
      {previous.length > 0 && (
        <p className="text-sm text-stone-600">
          {t("previous", { count: previous.length })}{" "}
          <OrganisationLinks items={previous} />
        </p>
      )}
      {!standing && (
        // The form proposes today, or the day the previous one stopped when that is later (the earliest allowed).
        <CreateOrganisationForm unitId={unit.id} kind={kind} today={isoDay(previous[0]?.dissolvedOn && previous[0].dissolvedOn > today ? previous[0].dissolvedOn : today)} />
      )}
    </section>
  );
}
