/**
 * Who holds a meeting and who is expected at it: the team, the bloc or the commune chosen on
 * the form, checked against the actor's subtree and the meeting's kind, and the roster of
 * its current members (the attendance checklist).
 */
import type { Actor } from "../auth/actor";
import { organisationWhereFor, petitionWhereFor, unitWhereFor } from "../auth/scope";
import { db, type Tx } from "../db/client";
import type { MeetingKind, MembershipRole } from "../generated/prisma/enums";
import { compareMembers, membershipRoleLabel, AFFILIATION_LABELS } from "../organisations/labels";
import { currentMembershipWhere } from "../organisations/members";
import { OPEN_STATUSES } from "../petitions/status";
import { unitFullName } from "../units/labels";
import { isOwnUnitKind, OWN_UNIT_LEVELS, type MeetingTarget } from "./labels";

const UNIT_SELECT = { id: true, level: true, typeLabel: true, name: true, parentId: true, validFrom: true, validTo: true } as const;

export interface ResolvedTarget {
  kind: MeetingKind;
  organisation: { id: number; kind: "BLOC" | "TEAM"; name: string; establishedOn: Date | null; dissolvedOn: Date | null } | null;
  /** The meeting's unit: the team's village, the bloc's commune, or the chosen unit. */
  unit: { id: number; level: string; typeLabel: string; name: string; parentId: number | null; validFrom: Date | null; validTo: Date | null };
  /** What the form and the list call it: "Tổ dân vận thôn Đình", "Thị trấn Lập Thạch". */
  label: string;
  /** A field visit's visiting unit: the actor's home unit (decision 053). */
  visitor: { id: number; label: string } | null;
}

/**
 * The target of a meeting of this kind, inside the actor's subtree, or null (not found, or
 * not one this kind of meeting can belong to).
 */
export async function resolveTarget(tx: Tx, actor: Actor, kind: MeetingKind, target: MeetingTarget): Promise<ResolvedTarget | null> {
  if (isOwnUnitKind(kind)) {
    // A province's or district's own conference or briefing: on the actor's own unit only (decision 053).
    if (target.kind !== "unit" || target.id !== actor.unit.id) return null;
    const unit = await tx.unit.findFirst({ where: { AND: [{ id: target.id }, unitWhereFor(actor)], level: { in: [...OWN_UNIT_LEVELS] } }, select: UNIT_SELECT });
    return unit && { kind, organisation: null, unit, label: unitFullName(unit), visitor: null };
  }
  if (kind === "FIELD_VISIT") {
    // A visit to a commune or village of the actor's reach, never to their own unit.
    if (target.kind !== "unit" || target.id === actor.unit.id) return null;
    const unit = await tx.unit.findFirst({ where: { AND: [{ id: target.id }, unitWhereFor(actor)], level: { in: ["COMMUNE", "VILLAGE"] } }, select: UNIT_SELECT });
    return unit && { kind, organisation: null, unit, label: unitFullName(unit), visitor: { id: actor.unit.id, label: unitFullName(actor.unit) } };
  }
  if (target.kind === "org") {
    if (kind === "QUARTERLY_BRIEFING") return null;
    const org = await tx.organisation.findFirst({
      where: { AND: [{ id: target.id }, organisationWhereFor(actor)] },
      select: { id: true, kind: true, name: true, establishedOn: true, dissolvedOn: true, unit: { select: UNIT_SELECT } },
    });
    if (!org) return null;
    if ((kind === "TEAM_MONTHLY" && org.kind !== "TEAM") || (kind === "BLOC" && org.kind !== "BLOC")) return null;
    const { unit, ...organisation } = org;
    return { kind, organisation, unit, label: org.name, visitor: null };
  }
  if (kind === "TEAM_MONTHLY" || kind === "BLOC") return null;
  const unit = await tx.unit.findFirst({
    where: { AND: [{ id: target.id }, unitWhereFor(actor)], level: { in: kind === "QUARTERLY_BRIEFING" ? ["COMMUNE"] : ["COMMUNE", "VILLAGE"] } },
    select: UNIT_SELECT,
  });
  if (!unit) return null;
  return { kind, organisation: null, unit, label: unitFullName(unit), visitor: null };
}

/** Whether the target existed on the meeting's day (the team not yet dissolved, the village not yet merged…). */
export function targetOpenOn(t: ResolvedTarget, day: Date): boolean {
  const within = (from: Date | null, to: Date | null) => (!from || from <= day) && (!to || to >= day);
  return within(t.unit.validFrom, t.unit.validTo) && (!t.organisation || within(t.organisation.establishedOn, t.organisation.dissolvedOn));
}

export interface RosterEntry {
  cadreId: number;
  fullName: string;
  /** "Tổ trưởng · Bí thư chi bộ", and for a briefing the team it comes from. */
  role: string;
}

type MembershipRow = { role: MembershipRole; representing: keyof typeof AFFILIATION_LABELS; cadre: { id: number; fullName: string }; organisation: { kind: "BLOC" | "TEAM"; name: string } };

/**
 * The attendance checklist: the organisation's current members; for a meeting of a commune
 * (the quarterly briefing), the bloc's members and, from each of its villages' teams, the party
 * cell secretary (team head), the village head and the front committee head; for a village,
 * its team's members.
 */
export async function rosterOf(tx: Tx, t: ResolvedTarget, today: Date): Promise<RosterEntry[]> {
  // A province's or district's own meeting: its own cadres; a field visit: the visiting unit's, who may go.
  const staffOf = isOwnUnitKind(t.kind) ? t.unit.id : t.visitor?.id;
  if (staffOf !== undefined) return unitStaff(tx, staffOf);
  const current = { ...currentMembershipWhere(today), cadre: { endedOn: null } };
  let rows: MembershipRow[];
  const select = { role: true, representing: true, cadre: { select: { id: true, fullName: true } }, organisation: { select: { kind: true, name: true } } } as const;
  if (t.organisation) {
    rows = await tx.membership.findMany({ where: { organisationId: t.organisation.id, ...current }, select });
  } else if (t.unit.level === "VILLAGE") {
    rows = await tx.membership.findMany({ where: { organisation: { unitId: t.unit.id, kind: "TEAM", dissolvedOn: null }, ...current }, select });
  } else {
    rows = await tx.membership.findMany({
      where: {
        AND: [
          current,
          {
            OR: [
              { organisation: { unitId: t.unit.id, kind: "BLOC", dissolvedOn: null } },
              {
                organisation: { kind: "TEAM", dissolvedOn: null, unit: { parentId: t.unit.id, validTo: null } },
                OR: [{ role: "HEAD" }, { representing: { in: ["VILLAGE_HEAD", "FATHERLAND_FRONT"] } }],
              },
            ],
          },
        ],
      },
      select,
    });
  }
  const seen = new Set<number>();
  const sorted = rows
    .map((r) => ({ ...r, fullName: r.cadre.fullName }))
    .sort((a, b) => (a.organisation.kind === b.organisation.kind ? 0 : a.organisation.kind === "BLOC" ? -1 : 1) || a.organisation.name.localeCompare(b.organisation.name, "vi") || compareMembers(a, b));
  const out: RosterEntry[] = [];
  for (const r of sorted) {
    if (seen.has(r.cadre.id)) continue;
    seen.add(r.cadre.id);
    const role = `${membershipRoleLabel(r.organisation.kind, r.role)} · ${AFFILIATION_LABELS[r.representing]}`;
    out.push({ cadreId: r.cadre.id, fullName: r.cadre.fullName, role: t.organisation ? role : `${role} · ${r.organisation.name}` });
  }
  return out;
}

/** The cadres registered at a unit itself (not below it), serving today: at most ROSTER_MAX, by name. */
const ROSTER_MAX = 300;
async function unitStaff(tx: Tx, unitId: number): Promise<RosterEntry[]> {
  const rows = await tx.cadre.findMany({ where: { unitId, endedOn: null }, select: { id: true, fullName: true, position: true }, take: ROSTER_MAX, orderBy: { id: "asc" } });
  const collator = new Intl.Collator("vi");
  return rows.map((c) => ({ cadreId: c.id, fullName: c.fullName, role: c.position ?? "" })).sort((a, b) => collator.compare(a.fullName, b.fullName) || a.cadreId - b.cadreId);
}

/**
 * The places a raised petition may belong to: the village itself, or the commune and its villages.
 * None for a province's or district's own meeting: petitions are entered where they arise (decision 053).
 */
export async function raisedUnitChoices(tx: Tx, t: ResolvedTarget): Promise<{ id: number; label: string }[]> {
  if (t.unit.level !== "VILLAGE" && t.unit.level !== "COMMUNE") return [];
  if (t.unit.level === "VILLAGE") return [{ id: t.unit.id, label: unitFullName(t.unit) }];
  const villages = await tx.unit.findMany({ where: { parentId: t.unit.id, level: "VILLAGE", validTo: null }, select: { id: true, typeLabel: true, name: true } });
  const collator = new Intl.Collator("vi");
  return [{ id: t.unit.id, label: `${unitFullName(t.unit)} (chung)` }, ...villages.map((v) => ({ id: v.id, label: unitFullName(v) })).sort((a, b) => collator.compare(a.label, b.label))];
}

export const AGENDA_PETITIONS_SHOWN = 30;

/** The open petitions of the area, oldest first: carried into the agenda so that none is forgotten. */
export async function openPetitionsOf(tx: Tx, actor: Actor, unitId: number) {
  const rows = await tx.petition.findMany({
    where: { AND: [petitionWhereFor(actor), { unit: { ancestorIds: { has: unitId } } }, { status: { in: [...OPEN_STATUSES] } }] },
    orderBy: [{ receivedOn: "asc" }, { id: "asc" }],
    take: AGENDA_PETITIONS_SHOWN,
    select: { id: true, code: true, status: true, receivedOn: true, dueOn: true, content: true, unit: { select: { typeLabel: true, name: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    status: p.status,
    receivedOn: p.receivedOn,
    dueOn: p.dueOn,
    unitName: unitFullName(p.unit),
    excerpt: p.content.length > 140 ? `${p.content.slice(0, 137)}…` : p.content,
  }));
}

/** The teams, blocs and communes the actor may log a meeting for, grouped by commune (today's tree). */
export async function targetChoices(actor: Actor) {
  const orgs = await db.organisation.findMany({
    where: { AND: [organisationWhereFor(actor), { dissolvedOn: null, unit: { validTo: null } }] },
    select: { id: true, kind: true, name: true, unit: { select: { id: true, level: true, typeLabel: true, name: true, parentId: true } } },
    take: 5000,
  });
  const communeIds = new Set<number>();
  for (const o of orgs) communeIds.add(o.kind === "BLOC" ? o.unit.id : (o.unit.parentId ?? o.unit.id));
  const communes = await db.unit.findMany({ where: { id: { in: [...communeIds] }, level: "COMMUNE" }, select: { id: true, typeLabel: true, name: true } });
  const collator = new Intl.Collator("vi");
  return communes
    .map((c) => ({
      commune: { id: c.id, label: unitFullName(c) },
      bloc: orgs.find((o) => o.kind === "BLOC" && o.unit.id === c.id) ?? null,
      teams: orgs.filter((o) => o.kind === "TEAM" && o.unit.parentId === c.id).sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .sort((a, b) => collator.compare(a.commune.label, b.commune.label))
    .map((g) => ({ commune: g.commune, bloc: g.bloc && { id: g.bloc.id, name: g.bloc.name }, teams: g.teams.map((t) => ({ id: t.id, name: t.name, villageId: t.unit.id })) }));
}

const VISIT_COMMUNES_SHOWN = 2000;
const VISIT_VILLAGES_SHOWN = 5000;

/**
 * The communes and villages a field visit may go to: those standing today (or on the last day of an
 * ended unit), in the actor's reach, but their own unit; grouped by commune (decision 053).
 */
export async function visitChoices(actor: Actor): Promise<{ commune: { id: number; label: string }; villages: { id: number; label: string }[] }[]> {
  // A unit that has ended (a district before the reform) visited the places standing on its last day.
  const own = await db.unit.findUnique({ where: { id: actor.unit.id }, select: { validTo: true } });
  const standing = own?.validTo ? { OR: [{ validTo: null }, { validTo: { gte: own.validTo } }] } : { validTo: null };
  const communes = await db.unit.findMany({
    where: { AND: [unitWhereFor(actor), { level: "COMMUNE" }, standing] },
    select: { id: true, typeLabel: true, name: true },
    orderBy: { id: "asc" },
    take: VISIT_COMMUNES_SHOWN,
  });
  const villages = communes.length
    ? await db.unit.findMany({
        where: { AND: [{ parentId: { in: communes.map((c) => c.id) }, level: "VILLAGE" }, standing] },
        select: { id: true, typeLabel: true, name: true, parentId: true },
        orderBy: { id: "asc" },
        take: VISIT_VILLAGES_SHOWN,
      })
    : [];
  const collator = new Intl.Collator("vi");
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  return communes
    .map((c) => ({
      commune: { id: c.id, label: unitFullName(c) },
      villages: villages.filter((v) => v.parentId === c.id).map((v) => ({ id: v.id, label: unitFullName(v) })).sort(byLabel),
    }))
    .sort((a, b) => byLabel(a.commune, b.commune));
}
