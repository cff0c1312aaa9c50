/**
 * The rollups against the base tables over randomised data: petitions entered and walked
 * through random workflow steps (reopenings included) at random dates, edits, meetings
 * added, moved and deleted, teams established and dissolved, cadres' trainings added,
 * changed and deleted, cadres moved and deleted, a village closed, a village moved and a
 * merger recorded, through the app's own write paths where it has them (and single and
 * many-row statements where it has none). Then the rollups must equal a rebuild from
 * scratch, and every unit's dashboard, in both views, must equal a row-by-row count made
 * with the test's own record of where each unit was when.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { isActionError, parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { addTraining, deleteTraining, updateCadre } from "@/lib/cadres/mutations";
import { addTrainingSchema, deleteTrainingSchema, updateCadreSchema } from "@/lib/cadres/schemas";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { liveFigures } from "@/lib/dashboards/live";
import { readCadresTrained, readCoverage } from "@/lib/dashboards/read";
import { monthsOf, parsePeriod } from "@/lib/dashboards/period";
import { db } from "@/lib/db/client";
import type { Affiliation, MembershipRole, Satisfaction } from "@/lib/generated/prisma/enums";
import { coverageFor } from "@/lib/organisations/coverage";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { editPetition, takeStep } from "@/lib/petitions/steps";
import { rateAsCitizen } from "@/lib/lookup/lookup";
import { availableSteps } from "@/lib/petitions/workflow";
import { addDaysUtc, isoDay, todayInVietnam } from "@/lib/time";
import { recordMerger } from "@/lib/units/merger/record";
import { insertUnit } from "@/lib/units/tree";
import { closeVillage, moveVillage } from "@/lib/units/villages";
import { Random } from "@/prisma/seed/random";
import { loadBase, oracleKpis, type PathDuring } from "../support/dashboard-oracle";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";
import { PRESETS } from "@/lib/auth/roles";

const NOW = new Date();
const TODAY = todayInVietnam(NOW);
const monthStart = (back: number) => new Date(Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth() - back, 1));
const WINDOW_START = monthStart(13);
const MERGER_ON = monthStart(5);
const PERIOD = parsePeriod(isoDay(WINDOW_START), isoDay(new Date(Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth() + 1, 0))));
const lastDay = (month: string) => isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)));

const rng = new Random(0x0714);
let tree: Tree;
let admin: Actor;
let fields: number[];
let agencies: Map<number, number>; // district id → agency id
const units: { id: number; level: string; ancestorIds: number[] }[] = [];
/** Where moved units were: unit id → { path before, last day on it }. Kept by the test, not read from the database. */
const moves = new Map<number, { path: number[]; until: string }[]>();

const day = (d: Date) => isoDay(d);
const randomDay = (from: Date, to: Date) => addDaysUtc(from, rng.int(0, Math.max(0, Math.round((to.getTime() - from.getTime()) / 86_400_000))));

// Cadres and their trainings draw from a generator of their own, so the petitions and meetings stay as they were.
const trainingRng = new Random(0x0031);
/** Trainings start from well before the window, so that a period's cadres have earlier months to tell apart. */
const TRAINING_START = monthStart(20);
const trainingDay = () => addDaysUtc(TRAINING_START, trainingRng.int(0, Math.round((TODAY.getTime() - TRAINING_START.getTime()) / 86_400_000)));
/** What the test did to cadres and trainings, to check that it did it. */
const done = { cadresMoved: 0, cadresDeleted: [] as number[], unitsMovedWithTrainedCadres: 0 };

async function trainingFor(cadreId: number, startOn: Date) {
  const input = await parseInput(addTrainingSchema, { cadreId: String(cadreId), course: "Bồi dưỡng nghiệp vụ dân vận", organiser: "Ban Dân vận Huyện ủy", startOn: day(startOn), endOn: "" });
  if (!input.ok) throw new Error(JSON.stringify(input.fieldErrors));
  await addTraining(admin, input.data);
}

/** Cadres at random communes and villages, with zero to four trainings each: some through the form, the rest in one statement. */
async function cadresWithTrainings(count: number) {
  const places = units.filter((u) => u.level === "VILLAGE" || u.level === "COMMUNE");
  const made = [];
  for (let i = 0; i < count; i++) {
    made.push(await db.cadre.create({ data: { fullName: "Lê Văn Học", searchName: "le van hoc", gender: "MALE", unitId: trainingRng.pick(places).id } }));
  }
  const bulk: { cadreId: number; course: string; organiser: string; startOn: Date }[] = [];
  for (const cadre of made) {
    let last: Date | null = null;
    for (let n = trainingRng.int(0, 4); n > 0; n--) {
      // Now and then a second course in the month of the one before.
      const startOn: Date = last && trainingRng.chance(0.25) ? addDaysUtc(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1)), trainingRng.int(0, 27)) : trainingDay();
      if (trainingRng.chance(0.4)) await trainingFor(cadre.id, startOn);
      else bulk.push({ cadreId: cadre.id, course: "Tập huấn công tác dân vận", organiser: "Ban Dân vận Tỉnh ủy", startOn });
      last = startOn;
    }
  }
  await db.trainingRecord.createMany({ data: trainingRng.shuffle(bulk) });
  return made.map((c) => c.id);
}

/** Moves a cadre through the cadre form. */
async function moveCadre(cadreId: number, unitId: number) {
  const c = await db.cadre.findUniqueOrThrow({ where: { id: cadreId } });
  const input = await parseInput(updateCadreSchema, { id: String(c.id), version: String(c.version), fullName: c.fullName, gender: c.gender ?? "MALE", unitId: String(unitId) });
  if (!input.ok) throw new Error(JSON.stringify(input.fieldErrors));
  await updateCadre(admin, input.data);
  done.cadresMoved++;
}

/** Trainings added, changed (day, month, cadre) and deleted; cadres moved and deleted; singly and many in a statement. */
async function trainingWrites() {
  const trained = async () => (await db.trainingRecord.findMany({ orderBy: { id: "asc" }, select: { id: true, cadreId: true, startOn: true } }));
  // Where the cadre form may put a cadre: a commune or village open today.
  const current = await db.unit.findMany({ where: { ancestorIds: { has: tree.nation.id }, level: { in: ["COMMUNE", "VILLAGE"] }, validTo: null }, orderBy: { id: "asc" }, select: { id: true } });
  let records = await trained();
  // Added: at a random day, or in a month the cadre already has.
  for (const r of trainingRng.sample(records, 10)) {
    await trainingFor(r.cadreId, trainingRng.chance(0.5) ? trainingDay() : addDaysUtc(new Date(Date.UTC(r.startOn.getUTCFullYear(), r.startOn.getUTCMonth(), 1)), trainingRng.int(0, 27)));
  }
  records = await trained();
  // Changed one at a time: another day of the month, another month, another cadre.
  for (const r of trainingRng.sample(records, 8)) {
    const startOn = trainingRng.chance(0.3) ? new Date(Date.UTC(r.startOn.getUTCFullYear(), r.startOn.getUTCMonth(), 1 + ((r.startOn.getUTCDate() + 10) % 28))) : trainingDay();
    await db.trainingRecord.update({ where: { id: r.id }, data: { startOn } });
  }
  const other = trainingRng.pick(records);
  await db.trainingRecord.update({ where: { id: trainingRng.pick(records).id }, data: { cadreId: other.cadreId } });
  // Changed many in one statement, over several cadres; a second statement changes only the text of others.
  const shifted = trainingRng.sample(records, 12).map((r) => r.id);
  await db.$executeRaw`UPDATE "TrainingRecord" SET "startOn" = "startOn" + 35 WHERE id = ANY(${shifted}::int[])`;
  await db.trainingRecord.updateMany({ where: { id: { in: trainingRng.sample(records, 6).map((r) => r.id) } }, data: { result: "Khá" } });
  // Deleted through the form, and many in one statement.
  records = await trained();
  for (const r of trainingRng.sample(records, 5)) {
    const input = await parseInput(deleteTrainingSchema, { id: String(r.id), confirm: "on" });
    if (!input.ok) throw new Error(JSON.stringify(input.fieldErrors));
    await deleteTraining(admin, input.data);
  }
  records = await trained();
  const dropped = trainingRng.sample(records, 6).map((r) => r.id);
  await db.trainingRecord.deleteMany({ where: { id: { in: dropped } } });

  // Cadres moved through the form; then several in one statement that also edits cadres it does not move.
  records = await trained();
  const withTrainings = [...new Set(records.map((r) => r.cadreId))];
  for (const id of trainingRng.sample(withTrainings, 4)) await moveCadre(id, trainingRng.pick(current).id);
  const moving = trainingRng.sample(withTrainings, 5);
  const touched = [...moving, ...trainingRng.sample(withTrainings, 5)];
  const target = trainingRng.pick(current).id;
  await db.$executeRaw`UPDATE "Cadre" SET "unitId" = CASE WHEN id = ANY(${moving}::int[]) THEN ${target}::int ELSE "unitId" END, position = 'Ủy viên' WHERE id = ANY(${touched}::int[])`;
  done.cadresMoved += moving.length;
  // A cadre moved and trained in one transaction.
  const mover = trainingRng.pick(withTrainings);
  await db.$transaction([
    db.cadre.update({ where: { id: mover }, data: { unitId: trainingRng.pick(current).id } }),
    db.trainingRecord.create({ data: { cadreId: mover, course: "Bồi dưỡng kỹ năng", organiser: "Trường Chính trị tỉnh", startOn: trainingDay() } }),
  ]);
  done.cadresMoved++;

  // Cadres deleted (their trainings go with them): one, two in a statement, one just after a training was added in the same transaction.
  const free = (await db.cadre.findMany({ where: { id: { in: withTrainings }, memberships: { none: {} }, attendances: { none: {} }, user: null }, orderBy: { id: "asc" }, select: { id: true } })).map((c) => c.id);
  const [alone, pairA, pairB, last] = trainingRng.sample(free, 4);
  await db.cadre.delete({ where: { id: alone } });
  await db.cadre.deleteMany({ where: { id: { in: [pairA, pairB] } } });
  await db.$transaction([
    db.trainingRecord.create({ data: { cadreId: last, course: "Bồi dưỡng", organiser: "Ban Dân vận Huyện ủy", startOn: trainingDay() } }),
    db.cadre.delete({ where: { id: last } }),
  ]);
  done.cadresDeleted.push(alone, pairA, pairB, last);
}

async function petitionAt(unitId: number, receivedOn: Date) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(), receivedOn: day(receivedOn), channel: "RECEPTION", petitionerKind: "PERSON", petitionerName: "Trần Văn Bình",
    unitId: String(unitId), fieldId: String(rng.pick(fields)), content: "Đề nghị nạo vét kênh mương nội đồng.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return (await createPetition(admin, parsed.data, new Date(receivedOn.getTime() + 3 * 3_600_000))).id;
}

/** Takes up to `count` random steps on a petition, each a few days after the previous one (never past now). */
async function walk(id: number, count: number) {
  for (let i = 0; i < count; i++) {
    const p = await db.petition.findUniqueOrThrow({ where: { id }, include: { unit: { select: { ancestorIds: true } } } });
    const last = await db.petitionEvent.findFirstOrThrow({ where: { petitionId: id }, orderBy: { at: "desc" } });
    const at = new Date(Math.min(last.at.getTime() + rng.int(1, 30 * 24) * 3_600_000, NOW.getTime() - 60_000));
    if (at <= last.at) return;
    // The nation's admin handles every petition and takes over any that waits (decision 054).
    const steps = availableSteps(PRESETS.ADMIN, p, false, { handles: true, takesOver: true }).filter((s) => s !== "comment" && (s !== "merge" || rng.chance(0.2)) && (s !== "reject" || rng.chance(0.3)));
    if (!steps.length) return;
    const step = rng.pick(steps);
    if (step === "edit") {
      await editPetition(admin, { petitionId: id, version: p.version, receivedOn: p.receivedOn, channel: p.channel, petitionerKind: p.petitionerKind, petitionerName: p.petitionerName, petitionerPhone: p.petitionerPhone, petitionerAddress: p.petitionerAddress, fieldId: rng.pick(fields), content: p.content } as never, at);
      continue;
    }
    const district = p.unit.ancestorIds[2];
    const extra: Record<string, string> = {
      assign: { agencyId: String(agencies.get(district)) },
      resolve: { resolution: rng.chance(0.7) ? "SETTLED" : "EXPLAINED", note: "Đã xử lý" },
      // "Không rõ" too: rated later by staff (`rate`) or by the citizen on the lookup page (decision 058).
      reply: { replyText: "Đã trả lời", satisfaction: rng.pick<Satisfaction | "UNKNOWN">(["SATISFIED", "PARTLY", "NOT_SATISFIED", "UNKNOWN"]) },
      rate: { satisfaction: rng.pick<Satisfaction>(["SATISFIED", "PARTLY", "NOT_SATISFIED"]) },
      reject: { note: "Không thuộc thẩm quyền" },
      escalate: { escalatedTo: "Ban Dân vận Tỉnh ủy", note: "Vượt thẩm quyền" },
      reopen: { note: "Công dân chưa đồng ý" },
    }[step as string] as Record<string, string>;
    if (step === "rate" && rng.chance(0.5)) {
      // The citizen's own tap on /tra-cuu: counted as staff's is.
      await rateAsCitizen(id, extra.satisfaction as Satisfaction, at);
      continue;
    }
    let fields_ = { petitionId: String(id), version: String(p.version), step, ...extra };
    if (step === "merge") {
      const target = await db.petition.findFirst({ where: { id: { not: id }, status: { not: "MERGED" } }, orderBy: { id: "asc" }, select: { code: true } });
      if (!target) continue;
      fields_ = { ...fields_, targetCode: target.code } as typeof fields_;
    }
    const input = await parseInput(stepSchema, fields_);
    if (!input.ok) throw new Error(`${step}: ${JSON.stringify(input.fieldErrors)}`);
    try {
      // Half the escalations are a district's: up to its province, to wait there for a take-over (decision 054).
      const district = [tree.districtA, tree.districtB].find((d) => d.id === p.unit.ancestorIds[2]);
      const actor = step === "escalate" && district && rng.chance(0.5) ? actorAt(district, "DISTRICT_STAFF", admin.userId) : admin;
      await takeStep(actor, input.data, at);
    } catch (error) {
      if (!isActionError(error)) throw error;
    }
  }
}

/** Assigned, resolved, replied with "Không rõ", then rated: by the citizen, or by staff told in person. */
async function ratedLater(id: number, byCitizen: boolean) {
  const p = await db.petition.findUniqueOrThrow({ where: { id }, include: { unit: { select: { ancestorIds: true } } } });
  const created = await db.petitionEvent.findFirstOrThrow({ where: { petitionId: id }, orderBy: { at: "desc" } });
  const at = (days: number) => new Date(created.at.getTime() + days * 24 * 3_600_000);
  const steps: Record<string, string>[] = [
    { step: "assign", agencyId: String(agencies.get(p.unit.ancestorIds[2])) },
    { step: "resolve", resolution: "SETTLED", note: "Đã xử lý" },
    { step: "reply", replyText: "Đã trả lời", satisfaction: "UNKNOWN" },
  ];
  let version = p.version;
  for (const [i, fields_] of steps.entries()) {
    const input = await parseInput(stepSchema, { petitionId: String(id), version: String(version), ...fields_ });
    if (!input.ok) throw new Error(JSON.stringify(input.fieldErrors));
    version = (await takeStep(admin, input.data, at(i + 1))).version;
  }
  const satisfaction = rng.pick<Satisfaction>(["SATISFIED", "PARTLY", "NOT_SATISFIED"]);
  if (byCitizen) expect(await rateAsCitizen(id, satisfaction, at(5))).toBe(true);
  else await takeStep(admin, { petitionId: id, version, step: "rate", satisfaction }, at(5));
}

async function meetingsFor(month: Date, count: number) {
  const villages = units.filter((u) => u.level === "VILLAGE");
  for (let i = 0; i < count; i++) {
    const heldOn = randomDay(month, addDaysUtc(month, 27));
    if (heldOn > TODAY) continue;
    if (rng.chance(0.8)) {
      const village = rng.pick(villages);
      const team = await db.organisation.findFirst({ where: { unitId: village.id, kind: "TEAM" } });
      if (team) await db.meeting.create({ data: { kind: "TEAM_MONTHLY", organisationId: team.id, unitId: village.id, heldOn, createdById: admin.userId } });
    } else {
      const commune = rng.pick(units.filter((u) => u.level === "COMMUNE"));
      await db.meeting.create({ data: { kind: "QUARTERLY_BRIEFING", unitId: commune.id, heldOn, createdById: admin.userId } });
    }
  }
  // A province's conference and a field visit to a village: no team's or commune's meeting, so they count
  // for nothing, and the rollups must still equal a rebuild (decision 053).
  const visited = rng.pick(villages);
  if (month <= TODAY) {
    await db.meeting.createMany({
      data: [
        { kind: "CONFERENCE", unitId: tree.province.id, heldOn: month, createdById: admin.userId },
        { kind: "FIELD_VISIT", unitId: visited.id, visitorUnitId: tree.districtA.id, heldOn: month, followUp: "Đôn đốc tổ sinh hoạt", createdById: admin.userId },
      ],
    });
  }
}

async function reloadUnits() {
  units.splice(0, units.length, ...(await db.unit.findMany({ where: { ancestorIds: { has: tree.nation.id } }, select: { id: true, level: true, ancestorIds: true } })));
}

beforeAll(async () => {
  tree = await buildTree();
  const user = await createUser(tree.nation, "ADMIN");
  admin = actorAt(tree.nation, "ADMIN", user.id);
  fields = [(await createField()).id, (await createField()).id];
  agencies = new Map();
  for (const d of [tree.districtA, tree.districtB]) agencies.set(d.id, (await db.agency.create({ data: { unitId: d.id, name: `Phòng Kinh tế ${d.id}` } })).id);
  // A third commune in district B with two villages: the merger's successor.
  const communeC = await insertUnit(db, { parentId: tree.districtB.id, level: "COMMUNE", typeLabel: "Xã", name: `Hợp Nhất ${tree.nation.id}`, code: "09199" });
  await insertUnit(db, { parentId: communeC.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đông" });
  await insertUnit(db, { parentId: communeC.id, level: "VILLAGE", typeLabel: "Thôn", name: "Tây" });
  await insertUnit(db, { parentId: tree.communeB.id, level: "VILLAGE", typeLabel: "Thôn", name: "Nam" });
  await reloadUnits();
  for (const v of units.filter((u) => u.level === "VILLAGE")) {
    await db.organisation.create({
      data: { kind: "TEAM", unitId: v.id, name: `Tổ dân vận ${v.id}`, establishedOn: rng.chance(0.3) ? randomDay(WINDOW_START, TODAY) : null },
    });
  }

  // Phase 1: petitions and steps, meetings, before the merger.
  const ids: number[] = [];
  const placesBefore = units.filter((u) => u.level === "VILLAGE" || u.id === tree.communeB.id);
  for (let i = 0; i < 70; i++) ids.push(await petitionAt(rng.pick(placesBefore).id, randomDay(WINDOW_START, addDaysUtc(MERGER_ON, -1))));
  for (const id of ids) await walk(id, rng.int(0, 5));
  for (let m = 13; m >= 5; m--) await meetingsFor(monthStart(m), 6);

  // Members and heads of teams and blocs with random terms, before the merger (their units move).
  const orgs = await db.organisation.findMany({ orderBy: { id: "asc" } });
  for (const v of units.filter((u) => u.level === "COMMUNE")) {
    if (!orgs.some((o) => o.unitId === v.id)) orgs.push(await db.organisation.create({ data: { kind: "BLOC", unitId: v.id, name: `Khối dân vận ${v.id}` } }));
  }
  for (const org of orgs) {
    for (let i = rng.int(0, 3); i > 0; i--) {
      const cadre = await db.cadre.create({ data: { fullName: "Nguyễn Thị Lan", searchName: "nguyen thi lan", unitId: org.unitId } });
      const termStart = randomDay(WINDOW_START, TODAY);
      await db.membership.create({
        data: {
          organisationId: org.id, cadreId: cadre.id, termStart,
          role: rng.pick<MembershipRole>(["HEAD", "HEAD", "MEMBER", "DEPUTY"]),
          representing: rng.pick<Affiliation>(["PARTY_CELL_SECRETARY", "PARTY_STANDING_DEPUTY", "VILLAGE_HEAD", "WOMENS_UNION"]),
          termEnd: rng.chance(0.4) ? randomDay(termStart, addDaysUtc(TODAY, 60)) : null,
        },
      });
    }
  }
  // Cadres with trainings, before the units move.
  await cadresWithTrainings(40);
  done.unitsMovedWithTrainedCadres = await db.cadre.count({
    where: { trainings: { some: {} }, unit: { OR: [{ parentId: tree.communeB.id }, { id: tree.villageA2.id }] } },
  });

  // The merger: commune B goes whole into commune C on the first of a month, its villages move.
  for (const v of units.filter((u) => u.ancestorIds.includes(tree.communeB.id) && u.id !== tree.communeB.id)) moves.set(v.id, [{ path: v.ancestorIds, until: day(addDaysUtc(MERGER_ON, -1)) }]);
  await recordMerger(admin, { predecessors: [{ id: tree.communeB.id, kind: "FULL" }], successor: { id: communeC.id }, effectiveOn: MERGER_ON });
  // A village moves to the other commune of district A today.
  const communeA2 = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Tiên Lữ ${tree.nation.id}`, code: "08866" });
  const a2 = units.find((u) => u.id === tree.villageA2.id)!;
  moves.set(a2.id, [{ path: a2.ancestorIds, until: day(addDaysUtc(TODAY, -1)) }]);
  await moveVillage(admin, { villageId: a2.id, version: (await db.unit.findUniqueOrThrow({ where: { id: a2.id } })).version, targetCommuneId: communeA2.id });
  await reloadUnits();

  // Phase 2: more petitions, steps on old and new ones, meetings moved and deleted, teams changed, a village closed.
  const placesAfter = units.filter((u) => u.level === "VILLAGE");
  for (let i = 0; i < 40; i++) ids.push(await petitionAt(rng.pick(placesAfter).id, randomDay(MERGER_ON, TODAY)));
  for (const id of rng.shuffle(ids)) await walk(id, rng.int(0, 4));
  // Replies whose satisfaction was not known, rated afterwards: by the citizen on /tra-cuu and by staff (decision 058).
  for (let i = 0; i < 6; i++) await ratedLater(await petitionAt(rng.pick(placesAfter).id, randomDay(MERGER_ON, addDaysUtc(TODAY, -20))), i % 2 === 0);
  for (let m = 4; m >= 0; m--) await meetingsFor(monthStart(m), 6);
  const some = await db.meeting.findMany({ orderBy: { id: "asc" } });
  for (const mt of rng.sample(some, 8)) await db.meeting.delete({ where: { id: mt.id } });
  for (const mt of rng.sample(some.filter((x) => x.heldOn < monthStart(1)), 6)) {
    await db.meeting.update({ where: { id: mt.id }, data: { heldOn: addDaysUtc(mt.heldOn, rng.int(-40, 40)) } }).catch(() => undefined);
  }
  const teams = await db.organisation.findMany({ where: { kind: "TEAM" }, orderBy: { id: "asc" } });
  await db.organisation.update({ where: { id: teams[0].id }, data: { dissolvedOn: randomDay(WINDOW_START, TODAY) } });
  await db.organisation.update({ where: { id: teams[1].id }, data: { establishedOn: randomDay(WINDOW_START, TODAY) } });
  const memberships = await db.membership.findMany({ orderBy: { id: "asc" } });
  for (const m of rng.sample(memberships, 4)) await db.membership.update({ where: { id: m.id }, data: { termEnd: randomDay(m.termStart, TODAY) } });
  for (const m of rng.sample(memberships, 3)) await db.membership.delete({ where: { id: m.id } }).catch(() => undefined);
  await cadresWithTrainings(10);
  await trainingWrites();
  const closing = await db.unit.findFirstOrThrow({ where: { parentId: communeC.id, name: "Tây" } });
  await closeVillage(admin, { villageId: closing.id, version: closing.version, closedOn: randomDay(MERGER_ON, TODAY) });
  await reloadUnits();
}, 300_000);

describe("rollups over randomised data", () => {
  it("made the data the test meant to make", async () => {
    expect(await db.petitionEvent.count({ where: { kind: "REOPENED" } })).toBeGreaterThan(0);
    expect(await db.petition.count({ where: { resolution: "EXPLAINED" } })).toBeGreaterThan(0);
    // Replies rated afterwards, by the citizen (no actor) and by staff (decision 058).
    expect(await db.petitionEvent.count({ where: { kind: "RATED", actorId: null } })).toBeGreaterThan(0);
    expect(await db.petitionEvent.count({ where: { kind: "RATED", actorId: { not: null } } })).toBeGreaterThan(0);
    expect(await db.petition.count({ where: { unitId: tree.communeB.id } })).toBeGreaterThan(0);
    expect(await db.unitPathHistory.count()).toBeGreaterThan(0);
    expect(done.unitsMovedWithTrainedCadres).toBeGreaterThan(0);
    // Four cadres with trainings deleted, their trainings with them.
    expect(new Set(done.cadresDeleted).size).toBe(4);
    expect(await db.cadre.count({ where: { id: { in: done.cadresDeleted } } })).toBe(0);
    expect(done.cadresMoved).toBeGreaterThanOrEqual(10);
    // Cadres trained in several months, some of them twice in a month.
    const months = await db.$queryRaw<{ several: number; twice: number }[]>`
      SELECT count(*) FILTER (WHERE months > 1)::int AS several, count(*) FILTER (WHERE months < trainings)::int AS twice
      FROM (SELECT "cadreId", count(DISTINCT date_trunc('month', "startOn")) AS months, count(*) AS trainings FROM "TrainingRecord" GROUP BY 1) c`;
    expect(months[0].several).toBeGreaterThan(5);
    expect(months[0].twice).toBeGreaterThan(0);
  });

  it("equal a rebuild from the base tables after every kind of write", async () => {
    const kept = await rollupSnapshot();
    expect(kept.RollupPetition.length).toBeGreaterThan(0);
    // The walk escalated petitions up to a province and took some over (decision 054).
    expect(await db.petitionEvent.count({ where: { kind: "TAKEN_OVER" } })).toBeGreaterThan(0);
    expect(await rebuiltRollupSnapshot()).toEqual(kept);
  });

  it("give every unit, restated on today's units, the figures counted row by row", async () => {
    const base = await loadBase();
    const byId = new Map(base.units.map((u) => [u.id, u]));
    const communeC = units.find((u) => u.level === "COMMUNE" && byId.get(u.id)!.validTo === null && u.ancestorIds.includes(tree.districtB.id) && u.id !== tree.communeB.id)!;
    // Records made at the closed commune itself count at its successor; everything else along today's path.
    const restated: PathDuring = (id) => (id === tree.communeB.id ? communeC.ancestorIds : byId.get(id)!.ancestorIds);
    for (const u of units) {
      const d = (await dashboardFor(admin, u.id, PERIOD, "restated", NOW))!;
      expect(d.kpis, `unit ${u.id}`).toEqual(oracleKpis(base, u.id, PERIOD, day(TODAY), { pathDuring: restated }));
    }
    const live = (await liveFigures([tree.nation.id], PERIOD, day(TODAY))).get(tree.nation.id)!;
    const nation = (await dashboardFor(admin, tree.nation.id, PERIOD, "restated", NOW))!;
    expect(nation.kpis).toMatchObject({ received: live.received, resolved: live.resolved, explained: live.explained, overdue: live.overdue, reopened: live.reopened, teamMeetingsHeld: live.teamsHeld, teamMeetingsExpected: live.teamsExpected, briefingsHeld: live.briefingsHeld, cadresTrained: live.cadresTrained });
    expect(live.cadresTrained).toBeGreaterThan(0);
  }, 120_000);

  it("count every unit's cadres trained in any run of months as a row-by-row count does", async () => {
    const base = await loadBase();
    const ids = units.map((u) => u.id);
    const months = monthsOf(parsePeriod(isoDay(TRAINING_START), lastDay(isoDay(monthStart(0)))));
    let nonZero = 0;
    for (const length of [1, 2, 3, 7, 12]) {
      for (let i = 0; i + length <= months.length; i++) {
        const period = parsePeriod(months[i], lastDay(months[i + length - 1]));
        const got = await readCadresTrained(ids, period.from, period.to);
        for (const id of ids) {
          const expected = oracleKpis(base, id, period, day(TODAY)).cadresTrained;
          expect(got.get(id) ?? 0, `unit ${id} ${period.from}…${period.to}`).toBe(expected);
          if (expected) nonZero++;
        }
      }
    }
    expect(nonZero).toBeGreaterThan(100);
  });

  it("give every unit on any day the coverage figures of lib/organisations", async () => {
    expect(await db.membership.count({ where: { role: "HEAD" } })).toBeGreaterThan(0);
    for (const u of units) {
      for (const d of [WINDOW_START, MERGER_ON, addDaysUtc(MERGER_ON, -1), TODAY, addDaysUtc(TODAY, -20)]) {
        expect(await readCoverage(u.id, day(d)), `unit ${u.id} on ${day(d)}`).toEqual(await coverageFor(u.id, d));
      }
    }
  });

  it("give every unit, as the units were, the figures counted along the paths they had each month", async () => {
    const base = await loadBase();
    const byId = new Map(base.units.map((u) => [u.id, u]));
    const historical: PathDuring = (id, month) => moves.get(id)?.find((m) => lastDay(month) <= m.until)?.path ?? byId.get(id)!.ancestorIds;
    for (const u of units) {
      for (const period of [PERIOD, parsePeriod(isoDay(monthStart(6)), lastDay(isoDay(monthStart(6)))), parsePeriod(isoDay(monthStart(2)), lastDay(isoDay(monthStart(2))))]) {
        const d = (await dashboardFor(admin, u.id, period, "historical", NOW))!;
        expect(d.kpis, `unit ${u.id} ${period.from}`).toEqual(oracleKpis(base, u.id, period, day(TODAY), { pathDuring: historical }));
      }
    }
    // The closed commune still lists, as it was, the villages it had before the merger.
    const before = parsePeriod(isoDay(monthStart(6)), lastDay(isoDay(monthStart(6))));
    const closed = (await dashboardFor(admin, tree.communeB.id, before, "historical", NOW))!;
    expect(closed.children.map((c) => c.unit.id).sort()).toEqual([...moves].filter(([, m]) => m[0].path.includes(tree.communeB.id)).map(([id]) => id).sort());
    expect((await dashboardFor(admin, tree.communeB.id, before, "restated", NOW))!.children).toEqual([]);
  }, 180_000);
});
