/** What the "log a meeting" form shows for a chosen kind and team, bloc or unit. */
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import type { MeetingKind } from "../generated/prisma/enums";
import { currentMembershipWhere } from "../organisations/members";
import { petitionFieldOptions } from "../petitions/options";
import { todayInVietnam } from "../time";
import { unitFullName } from "../units/labels";
import { isOwnUnitKind, parseTarget } from "./labels";
import { openPetitionsOf, raisedUnitChoices, resolveTarget, rosterOf, type ResolvedTarget } from "./targets";

/** The usual place: the village's cultural house, or the commune party committee's hall. */
function usualPlace(t: ResolvedTarget): string {
  if (isOwnUnitKind(t.kind)) return "";
  if (t.kind === "FIELD_VISIT") return unitFullName(t.unit);
  return t.unit.level === "VILLAGE" ? `Nhà văn hóa ${unitFullName(t.unit)}` : `Hội trường Đảng ủy ${unitFullName(t.unit)}`;
}

export async function getMeetingForm(actor: Actor, kind: MeetingKind, rawTarget: string, now = new Date()) {
  const target = parseTarget(rawTarget);
  if (!target) return null;
  const resolved = await resolveTarget(db, actor, kind, target);
  if (!resolved) return null;
  const today = todayInVietnam(now);
  const [roster, openPetitions, raisedUnits, fields, head] = await Promise.all([
    rosterOf(db, resolved, today),
    // A province's or district's own meeting carries no area's petitions; a field visit does (to urge them on).
    isOwnUnitKind(kind) ? [] : openPetitionsOf(db, actor, resolved.unit.id),
    raisedUnitChoices(db, resolved),
    petitionFieldOptions(),
    // The chair is usually the head of the team or bloc: the commune's bloc for a briefing, the village's team.
    // Not for a province's or district's own meeting, nor a field visit (its chair leads the visitors).
    isOwnUnitKind(kind) || kind === "FIELD_VISIT" ? null : db.membership.findFirst({
      where: {
        role: "HEAD",
        ...currentMembershipWhere(today),
        organisation: resolved.organisation
          ? { id: resolved.organisation.id }
          : { unitId: resolved.unit.id, kind: resolved.unit.level === "COMMUNE" ? "BLOC" : "TEAM", dissolvedOn: null },
      },
      select: { cadre: { select: { fullName: true } } },
    }),
  ]);
  return { target: resolved, visitor: resolved.visitor?.label ?? null, roster, openPetitions, raisedUnits, fields, defaults: { place: usualPlace(resolved), chair: head?.cadre.fullName ?? "" } };
}
