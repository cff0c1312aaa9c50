import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { requirePermission } from "@/lib/auth/current";
import type { MeetingKind } from "@/lib/generated/prisma/enums";
import { monthPeriod, villagesWithoutTeamMeeting } from "@/lib/meetings/compliance";
import { getMeetingForm } from "@/lib/meetings/form";
import { MEETING_KINDS, targetValue } from "@/lib/meetings/labels";
import { targetChoices } from "@/lib/meetings/targets";
import { isoDay, todayInVietnam } from "@/lib/time";

export async function generateMetadata() {
  return { title: (await getTranslations("meetings"))("new.title") };
}

const linkClass = "flex min-h-12 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-50";

/**
 * Logging a meeting in two steps, both plain links and forms (no JavaScript needed): choose
 * the kind and the team, bloc or commune; then the form with that roster and those open petitions.
 */
export default async function NewMeetingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("meeting:create:subtree");
  const q = await searchParams;
  const kind = (MEETING_KINDS as readonly string[]).includes(String(q.kind)) ? (q.kind as MeetingKind) : undefined;
  const target = typeof q.target === "string" ? q.target : undefined;
  const t = await getTranslations("meetings");
  const tp = await getTranslations("petitions");

  if (kind && target) {
    const form = await getMeetingForm(actor, kind, target);
    if (form) {
      return (
        <div className="mx-auto max-w-2xl space-y-4">
          <h1 className="text-2xl font-semibold">{t("new.title")}</h1>
          {/* A new key per page load; a draft restored on the device brings back its own. */}
          <MeetingForm
            idempotencyKey={randomUUID()}
            today={isoDay(todayInVietnam())}
            kind={kind}
            kindLabel={t(`kinds.${kind}`)}
            target={target}
            heldBy={form.target.label}
            defaults={form.defaults}
            roster={form.roster}
            openPetitions={form.openPetitions.map((p) => ({ id: p.id, code: p.code, statusLabel: tp(`statuses.${p.status}`), unitName: p.unitName, excerpt: p.excerpt }))}
            raisedUnits={form.raisedUnits}
            fields={form.fields.map((f) => ({ id: f.id, name: f.name }))}
          />
        </div>
      );
    }
  }

  const today = todayInVietnam();
  const [choices, notMet] = await Promise.all([
    kind ? targetChoices(actor) : [],
    // Which teams still owe this month's meeting, shown beside each.
    kind === "TEAM_MONTHLY" ? villagesWithoutTeamMeeting(actor.unit.id, monthPeriod(today.getUTCFullYear(), today.getUTCMonth() + 1), 5000) : [],
  ]);
  const owing = new Set(notMet.map((v) => targetValue({ kind: "org", id: v.organisationId })));
  type Option = { value: string; label: string };
  const optionsFor = (g: (typeof choices)[number]): Option[] => {
    const commune: Option = { value: targetValue({ kind: "unit", id: g.commune.id }), label: g.commune.label };
    const bloc: Option[] = g.bloc ? [{ value: targetValue({ kind: "org", id: g.bloc.id }), label: g.bloc.name }] : [];
    const teams: Option[] = g.teams.map((tm) => ({ value: targetValue({ kind: "org", id: tm.id }), label: tm.name }));
    if (kind === "TEAM_MONTHLY") return teams;
    if (kind === "BLOC") return bloc;
    if (kind === "QUARTERLY_BRIEFING") return [commune];
    return [commune, ...bloc, ...teams];
  };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("new.title")}</h1>
      {kind && target && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{t("new.targetUnavailable")}</p>
      )}
      <section aria-labelledby="mn-kind" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="mn-kind" className="text-lg font-semibold">{t("new.chooseKind")}</h2>
        <ul className="space-y-2">
          {MEETING_KINDS.map((k) => (
            <li key={k}>
              <Link href={`/meetings/new?kind=${k}`} aria-current={k === kind ? "true" : undefined} className={`${linkClass} ${k === kind ? "border-brand-700 bg-brand-50 ring-2 ring-brand-700" : ""}`}>
                <span>
                  {t(`kinds.${k}`)}
                  <span className="block text-sm font-normal text-stone-600">{t(`kindHints.${k}`)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {kind && (
        <section aria-labelledby="mn-target" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="mn-target" className="text-lg font-semibold">{t(`new.chooseTarget.${kind}`)}</h2>
          {choices.length === 0 && <p className="text-stone-600">{t("new.noTargets")}</p>}
          {choices.map((g) => {
            const options = optionsFor(g);
            if (options.length === 0) return null;
            return (
              <div key={g.commune.id}>
                {choices.length > 1 && <h3 className="font-medium text-stone-700">{g.commune.label}</h3>}
                <ul className="mt-1 space-y-2">
                  {options.map((o) => (
                    <li key={o.value}>
                      <Link href={`/meetings/new?kind=${kind}&target=${o.value}`} className={linkClass}>
                        <span>
                          {o.label}
                          {kind === "TEAM_MONTHLY" && (
                            <span className={`block text-sm font-normal ${owing.has(o.value) ? "text-amber-800" : "text-green-800"}`}>
                              {owing.has(o.value) ? t("new.notMetThisMonth") : t("new.metThisMonth")}
                            </span>
                          )}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      )}
    </div>
  );
}
