import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Stat } from "@/components/stat";
import { requireActor } from "@/lib/auth/current";
import { redirect } from "next/navigation";
import { AGENCY_HOME } from "@/lib/agency-accounts/list-params";
import { allows, isAgencyDuties } from "@/lib/auth/roles";
import { petitionListHref } from "@/lib/petitions/list";
import { OPEN_STATUSES } from "@/lib/petitions/status";
import { formatNumber } from "@/lib/format";
import { homeSummaryFor } from "@/lib/home/queries";
import type { Locale } from "@/lib/i18n/config";
import { isoDay, todayInVietnam } from "@/lib/time";
import { officeName, unitFullName } from "@/lib/units/labels";
import { dutiesLabel, homeTasks } from "@/lib/users/duty-label";

const LEVEL_STATS = [
  ["PROVINCE", "provinces"],
  ["DISTRICT", "districts"],
  ["COMMUNE", "communes"],
  ["VILLAGE", "villages"],
] as const;

export default async function HomePage() {
  const actor = await requireActor();
  // An agency's account has one page: its petitions (decision 064).
  if (isAgencyDuties(actor.duties)) redirect(AGENCY_HOME);
  const [t, locale, summary] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>, homeSummaryFor(actor)]);
  const n = (value: number) => formatNumber(value, locale);
  // The petition counts open their lists (issue 14), for those who may read them.
  const lists = allows(actor, "petition:read:subtree");
  return (
    <div className="space-y-6">
      <section aria-labelledby="greeting" className="rounded-xl border border-stone-200 bg-white p-6">
        <h1 id="greeting" className="text-2xl font-semibold">
          {t("home.greeting", { name: actor.displayName })}
        </h1>
        <dl className="mt-4 grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-stone-600">{t("home.role")}</dt>
            <dd className="font-medium" data-testid="role">
              {dutiesLabel(actor.duties, (key) => t(`roles.${key}`))}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t("home.unit")}</dt>
            <dd className="font-medium" data-testid="workplace">{officeName(actor.unit, isoDay(todayInVietnam()))}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t("home.where")}</dt>
            <dd className="font-medium">
              {t(`levels.${actor.unit.level}`)} · {unitFullName(actor.unit)}
              {actor.unit.code ? ` (${actor.unit.code})` : ""}
            </dd>
          </div>
        </dl>
        <p className="mt-4 text-stone-700">
          <span className="font-medium">{t("home.tasksTitle")}: </span>
          {homeTasks(actor.duties)
            .map((task) => t(`tasks.${task}`))
            .join(" ")}
        </p>
        <Link href={`/units/${actor.unit.id}`} className="mt-4 inline-block font-medium text-brand-700 underline underline-offset-2">
          {t("home.openUnit")}
        </Link>
      </section>

      <section aria-labelledby="scope-title">
        <h2 id="scope-title" className="mb-3 text-lg font-semibold">
          {t("home.scopeTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {LEVEL_STATS.filter(([level]) => summary.unitsByLevel[level]).map(([level, key]) => (
            <Stat key={level} label={t(`home.${key}`)} value={n(summary.unitsByLevel[level] ?? 0)} />
          ))}
          <Stat label={t("home.blocs")} value={n(summary.blocs)} />
          <Stat label={t("home.teams")} value={n(summary.teams)} />
          <Stat label={t("home.openPetitions")} value={n(summary.openPetitions)} href={lists ? petitionListHref({ status: [...OPEN_STATUSES] }) : undefined} />
          <Stat
            label={t("home.overduePetitions")}
            value={n(summary.overduePetitions)}
            tone={summary.overduePetitions ? "alert" : "default"}
            href={lists ? petitionListHref({ overdue: true }) : undefined}
          />
          {summary.awaitingTakeOver !== null && (
            // Escalated petitions waiting for this level to take them over (decision 054).
            <Stat
              label={t("home.awaitingTakeOver")}
              value={n(summary.awaitingTakeOver)}
              tone={summary.awaitingTakeOver ? "alert" : "default"}
              href={petitionListHref({ awaiting: true })}
            />
          )}
          <Stat label={t("home.meetingsThisMonth")} value={n(summary.meetingsThisMonth)} />
          {summary.teamsNotMetThisMonth !== null && (
            // Opens the compliance page of the month, which names them (issue 14).
            <Stat label={t("home.teamsNotMetThisMonth")} value={n(summary.teamsNotMetThisMonth)} href="/meetings/compliance" />
          )}
        </dl>
      </section>
    </div>
  );
}
