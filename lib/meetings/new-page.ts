/**
 * What /meetings/new shows (pages/meetings/new.tsx): first the kind and the team, bloc or
 * commune to choose, as plain links; once both are chosen, the form with that roster and those
 * open petitions. Plain data, so the page's props stay serialisable.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import type { MeetingKind, PetitionStatus } from "../generated/prisma/enums";
import { isoDay, todayInVietnam } from "../time";
import { monthPeriod, villagesWithoutTeamMeeting } from "./compliance";
import { getMeetingForm } from "./form";
import { unitFullName } from "../units/labels";
import { isOwnUnitKind, kindsFor, OWN_UNIT_LEVELS, targetValue } from "./labels";
import { targetChoices, visitChoices } from "./targets";

export interface TargetOption {
  value: string;
  label: string;
  /** For a team's monthly meeting: whether the team still owes this month's. */
  owing?: boolean;
}

export type NewMeetingView =
  | { step: "choose"; kind: MeetingKind | null; kinds: MeetingKind[]; targetUnavailable: boolean; groups: { commune: string; options: TargetOption[] }[] }
  | {
      step: "form";
      kind: MeetingKind;
      target: string;
      /** A new key per showing; a draft restored on the device brings back its own. */
      idempotencyKey: string;
      today: string;
      heldBy: string;
      /** A field visit's visiting unit. */
      visitor: string | null;
      defaults: { place: string; chair: string };
      roster: { cadreId: number; fullName: string; role: string }[];
      openPetitions: { id: number; code: string; status: PetitionStatus; unitName: string; excerpt: string }[];
      raisedUnits: { id: number; label: string }[];
      fields: { id: number; name: string }[];
    };

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export async function newMeetingView(actor: Actor, query: Partial<Record<string, string | string[]>>, now = new Date()): Promise<NewMeetingView> {
  const rawKind = one(query.kind);
  const kinds = kindsFor(actor.unit.level);
  const kind = (kinds as readonly string[]).includes(rawKind ?? "") ? (rawKind as MeetingKind) : null;
  const target = one(query.target);
  const today = todayInVietnam(now);

  if (kind && target) {
    const form = await getMeetingForm(actor, kind, target, now);
    if (form) {
      return {
        step: "form",
        kind,
        target,
        idempotencyKey: randomUUID(),
        today: isoDay(today),
        heldBy: form.target.label,
        visitor: form.visitor,
        defaults: form.defaults,
        roster: form.roster,
        openPetitions: form.openPetitions.map(({ id, code, status, unitName, excerpt }) => ({ id, code, status, unitName, excerpt })),
        raisedUnits: form.raisedUnits,
        fields: form.fields.map(({ id, name }) => ({ id, name })),
      };
    }
  }
  if (!kind) return { step: "choose", kind, kinds, targetUnavailable: false, groups: [] };
  if (isOwnUnitKind(kind)) {
    // Only the actor's own province or district (decision 053).
    const own = (OWN_UNIT_LEVELS as readonly string[]).includes(actor.unit.level);
    const label = unitFullName(actor.unit);
    return { step: "choose", kind, kinds, targetUnavailable: Boolean(target), groups: own ? [{ commune: label, options: [{ value: targetValue({ kind: "unit", id: actor.unit.id }), label }] }] : [] };
  }
  if (kind === "FIELD_VISIT") {
    const places = await visitChoices(actor);
    const groups = places
      .map((g) => ({
        commune: g.commune.label,
        options: [...(g.commune.id === actor.unit.id ? [] : [{ value: targetValue({ kind: "unit", id: g.commune.id }), label: g.commune.label }]), ...g.villages.map((v) => ({ value: targetValue({ kind: "unit", id: v.id }), label: v.label }))],
      }))
      .filter((g) => g.options.length > 0);
    return { step: "choose", kind, kinds, targetUnavailable: Boolean(target), groups };
  }

  const [choices, notMet] = await Promise.all([
    targetChoices(actor),
    // Which teams still owe this month's meeting, shown beside each.
    kind === "TEAM_MONTHLY" ? villagesWithoutTeamMeeting(actor.unit.id, monthPeriod(today.getUTCFullYear(), today.getUTCMonth() + 1), 5000) : [],
  ]);
  const owing = new Set(notMet.map((v) => targetValue({ kind: "org", id: v.organisationId })));
  const groups = choices
    .map((g) => {
      const commune: TargetOption = { value: targetValue({ kind: "unit", id: g.commune.id }), label: g.commune.label };
      const bloc: TargetOption[] = g.bloc ? [{ value: targetValue({ kind: "org", id: g.bloc.id }), label: g.bloc.name }] : [];
      const teams: TargetOption[] = g.teams.map((tm) => {
        const value = targetValue({ kind: "org", id: tm.id });
        return { value, label: tm.name, ...(kind === "TEAM_MONTHLY" ? { owing: owing.has(value) } : {}) };
      });
      const options = kind === "TEAM_MONTHLY" ? teams : kind === "BLOC" ? bloc : kind === "QUARTERLY_BRIEFING" ? [commune] : [commune, ...bloc, ...teams];
      return { commune: g.commune.label, options };
    })
    .filter((g) => g.options.length > 0);
  return { step: "choose", kind, kinds, targetUnavailable: Boolean(target), groups };
}
