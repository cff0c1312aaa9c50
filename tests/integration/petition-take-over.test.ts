/**
 * Issue 15, part 2 (decision 054): an escalated petition goes up to the supervising level of its unit, whose
 * petition staff take it over and follow it to the end, on the same record (one code, one timeline); the level
 * that escalated it keeps reading it. Written before the change: escalating was final free text.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getPetitionPage } from "@/lib/petitions/detail";
import { createPetition } from "@/lib/petitions/intake";
import { listPetitions, parsePetitionFilters } from "@/lib/petitions/list";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { scopeSummary } from "@/lib/home/queries";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createField, createUser, uid, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";

/** Today's shape: communes directly under the province. */
async function buildTwoTierTree() {
  const s = uid();
  const nation = await insertUnit(db, { parentId: null, level: "NATION", typeLabel: "Cả nước", name: `Việt Nam ${s}` });
  const province = await insertUnit(db, { parentId: nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: `Lai Châu ${s}`, code: "12", validFrom: new Date("2025-07-01") });
  const otherProvince = await insertUnit(db, { parentId: nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: `Điện Biên ${s}`, code: "11" });
  const commune = await insertUnit(db, { parentId: province.id, level: "COMMUNE", typeLabel: "Xã", name: `Bình Lư ${s}`, code: "03390", validFrom: new Date("2025-07-01") });
  const village = await insertUnit(db, { parentId: commune.id, level: "VILLAGE", typeLabel: "Bản", name: `Nà Cà ${s}` });
  return { nation, province, otherProvince, commune, village };
}

let two: Awaited<ReturnType<typeof buildTwoTierTree>>;
let three: Tree;
let fieldId: number;
let communeAgency: number;
let provinceAgency: number;
let communeUser: Actor;
let provinceStaff: Actor;
let provinceLeader: Actor;
let otherProvinceStaff: Actor;

beforeAll(async () => {
  two = await buildTwoTierTree();
  three = await buildTree();
  fieldId = (await createField()).id; // 15 working days to resolve, 5 to assign
  communeAgency = (await db.agency.create({ data: { unitId: two.commune.id, name: "UBND xã Bình Lư" } })).id;
  provinceAgency = (await db.agency.create({ data: { unitId: two.province.id, name: "Sở Nông nghiệp và Môi trường" } })).id;
  communeUser = actorAt(two.commune, "COMMUNE_COMMITTEE", (await createUser(two.commune, "COMMUNE_COMMITTEE")).id);
  // Province staff with the petition duty: the duty takes over, whatever the level (decision 049).
  provinceStaff = actorAt(two.province, ["PETITIONS", "READING"], (await createUser(two.province, ["PETITIONS", "READING"])).id);
  provinceLeader = actorAt(two.province, "PROVINCE_LEADER", (await createUser(two.province, "PROVINCE_LEADER")).id);
  otherProvinceStaff = actorAt(two.otherProvince, ["PETITIONS", "READING"], (await createUser(two.otherProvince, ["PETITIONS", "READING"])).id);
});

async function newPetition(actor: Actor, unitId: number, receivedOn = "2026-03-02") {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn,
    channel: "RECEPTION",
    petitionerKind: "GROUP",
    petitionerName: "Các hộ dân bản Nà Cà",
    unitId: String(unitId),
    fieldId: String(fieldId),
    content: "Đề nghị bồi thường đất rừng bị thu hồi để làm đường tỉnh lộ, vượt thẩm quyền của xã.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(actor, parsed.data);
}

async function step(actor: Actor, raw: Record<string, unknown>, now?: Date) {
  const parsed = await parseInput(stepSchema, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
  if (!parsed.ok) throw Object.assign(new Error(JSON.stringify(parsed.fieldErrors)), { code: "VALIDATION" });
  return takeStep(actor, parsed.data, now);
}

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const waiting = (actor: Actor) => listPetitions(actor, parsePetitionFilters({ awaiting: "1" }), new Date("2026-03-20T03:00:00Z"));

describe("taking over an escalated petition", () => {
  it("a commune escalates to its province, whose petition staff take it over and follow it to the end; the commune keeps reading it", async () => {
    const { id } = await newPetition(communeUser, two.village.id);
    let r = await step(communeUser, { petitionId: id, version: 0, step: "assign", agencyId: communeAgency }, new Date("2026-03-04T03:00:00Z"));
    r = await step(communeUser, { petitionId: id, version: r.version, step: "escalate", note: "Vượt thẩm quyền của xã: đất do tỉnh thu hồi." }, new Date("2026-03-10T03:00:00Z"));
    expect(r.status).toBe("ESCALATED");

    // It waits for the province, named by the tree: the list's filter and the home page show it there.
    let p = await db.petition.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({ status: "ESCALATED", awaitingUnitId: two.province.id, handlingUnitId: null });
    expect((await waiting(provinceStaff)).items.map((i) => i.id)).toContain(id);
    expect((await waiting(communeUser)).items.map((i) => i.id)).not.toContain(id);
    expect((await waiting(otherProvinceStaff)).items.map((i) => i.id)).not.toContain(id);
    expect((await scopeSummary(provinceStaff)).awaitingTakeOver).toBeGreaterThanOrEqual(1);
    expect((await scopeSummary(communeUser)).awaitingTakeOver).toBeNull();
    expect((await getPetitionPage(provinceStaff, id))?.steps).toContain("takeOver");
    expect((await getPetitionPage(communeUser, id))?.steps).not.toContain("takeOver");

    // Nobody below, beside or without the petition duty takes it over.
    await expect(step(communeUser, { petitionId: id, version: r.version, step: "takeOver" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(step(provinceLeader, { petitionId: id, version: r.version, step: "takeOver" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(step(otherProvinceStaff, { petitionId: id, version: r.version, step: "takeOver" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Taken over on Monday 16/03/2026: the province's clock starts then (5 working days to assign).
    r = await step(provinceStaff, { petitionId: id, version: r.version, step: "takeOver", note: "Ban giao Sở xác minh." }, new Date("2026-03-16T03:00:00Z"));
    expect(r.status).toBe("RECEIVED");
    p = await db.petition.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({ code: p.code, awaitingUnitId: null, handlingUnitId: two.province.id, agencyId: null, closedAt: null });
    expect(day(p.dueOn)).toBe("2026-03-23");
    expect(p.takenOverAt?.toISOString()).toBe("2026-03-16T03:00:00.000Z");
    expect((await waiting(provinceStaff)).items.map((i) => i.id)).not.toContain(id);

    // The lower level follows it but no longer handles it; it may still comment.
    const seen = await getPetitionPage(communeUser, id);
    expect(seen?.petition.code).toBe(p.code);
    expect(seen?.steps).toEqual(["comment"]);
    await expect(step(communeUser, { petitionId: id, version: r.version, step: "assign", agencyId: communeAgency })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await step(communeUser, { petitionId: id, version: r.version, step: "comment", note: "Xã sẵn sàng phối hợp." });

    // The province assigns its own agency (the resolution's 15 working days run from the take-over), and ends it.
    expect((await getPetitionPage(provinceStaff, id))?.agencies.map((a) => a.id)).toContain(provinceAgency);
    r = await step(provinceStaff, { petitionId: id, version: r.version, step: "assign", agencyId: provinceAgency }, new Date("2026-03-17T03:00:00Z"));
    expect(day((await db.petition.findUniqueOrThrow({ where: { id } })).dueOn)).toBe("2026-04-06");
    r = await step(provinceStaff, { petitionId: id, version: r.version, step: "start" });
    r = await step(provinceStaff, { petitionId: id, version: r.version, step: "resolve", resolution: "SETTLED", note: "Đã bồi thường bổ sung." }, new Date("2026-04-01T03:00:00Z"));
    r = await step(provinceStaff, { petitionId: id, version: r.version, step: "reply", replyText: "Đã trả lời bằng văn bản số 45", satisfaction: "SATISFIED" }, new Date("2026-04-02T03:00:00Z"));
    expect(r.status).toBe("CLOSED");

    // One record, one timeline: who escalated and why, who took it over and when.
    const events = await db.petitionEvent.findMany({ where: { petitionId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.toStatus, e.actorId])).toEqual([
      ["CREATED", "RECEIVED", communeUser.userId],
      ["ASSIGNED", "ASSIGNED", communeUser.userId],
      ["ESCALATED", "ESCALATED", communeUser.userId],
      ["TAKEN_OVER", "RECEIVED", provinceStaff.userId],
      ["COMMENTED", "RECEIVED", communeUser.userId],
      ["ASSIGNED", "ASSIGNED", provinceStaff.userId],
      ["STATUS_CHANGED", "IN_PROGRESS", provinceStaff.userId],
      ["STATUS_CHANGED", "RESOLVED", provinceStaff.userId],
      ["REPLIED", "CLOSED", provinceStaff.userId],
    ]);
    expect(events[2].note).toBe("Vượt thẩm quyền của xã: đất do tỉnh thu hồi.");
    expect(events[2].data).toMatchObject({ toUnitId: two.province.id });
    expect(events[3].at.toISOString()).toBe("2026-03-16T03:00:00.000Z");
    expect(events[3].data).toMatchObject({ unitId: two.province.id, dueOn: "2026-03-23" });
    const audits = await db.auditLog.findMany({ where: { entity: "Petition", entityId: String(id), action: { not: "petition.personal-data.read" } }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(audits.map((a) => a.action)).toEqual([
      "petition.create",
      "petition.assign",
      "petition.escalate",
      "petition.takeOver",
      "petition.comment",
      "petition.assign",
      "petition.start",
      "petition.resolve",
      "petition.reply",
    ]);
    // Counted escalated once, at its escalation, and resolved by the province: the rollups equal a rebuild.
    expect(await rollupSnapshot()).toEqual(await rebuiltRollupSnapshot());
  });

  it("while districts stand, a district's escalation goes to its province, a commune's to its district", async () => {
    const district = actorAt(three.districtA, "DISTRICT_STAFF", (await createUser(three.districtA)).id);
    const commune = actorAt(three.communeA, "COMMUNE_COMMITTEE", (await createUser(three.communeA, "COMMUNE_COMMITTEE")).id);
    const a = await newPetition(district, three.villageA1.id);
    await step(district, { petitionId: a.id, version: 0, step: "escalate", note: "Liên quan đến quy hoạch của tỉnh." });
    expect(await db.petition.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ awaitingUnitId: three.province.id });
    const b = await newPetition(commune, three.villageA2.id);
    await step(commune, { petitionId: b.id, version: 0, step: "escalate", note: "Cần huyện chỉ đạo." });
    expect(await db.petition.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ awaitingUnitId: three.districtA.id });
    // The district takes over the commune's, and may send it on up to the province.
    let r = await step(district, { petitionId: b.id, version: 1, step: "takeOver" });
    r = await step(district, { petitionId: b.id, version: r.version, step: "escalate", note: "Vượt thẩm quyền của huyện." });
    const p = await db.petition.findUniqueOrThrow({ where: { id: b.id } });
    expect(p).toMatchObject({ status: "ESCALATED", awaitingUnitId: three.province.id, handlingUnitId: three.districtA.id });
    // The commune no longer handles what the district took over.
    await expect(step(commune, { petitionId: b.id, version: r.version, step: "takeOver" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rollupSnapshot()).toEqual(await rebuiltRollupSnapshot());
  });

  it("a province with no level above it in the app names where it sends the petition, which ends there", async () => {
    const { id } = await newPetition(provinceStaff, two.village.id);
    await expect(step(provinceStaff, { petitionId: id, version: 0, step: "escalate", note: "Vượt thẩm quyền của tỉnh." })).rejects.toMatchObject({ code: "INVALID_STATE" });
    const r = await step(provinceStaff, { petitionId: id, version: 0, step: "escalate", escalatedTo: "Ban Tuyên giáo và Dân vận Trung ương", note: "Vượt thẩm quyền của tỉnh." });
    expect(r.status).toBe("ESCALATED");
    expect(await db.petition.findUniqueOrThrow({ where: { id } })).toMatchObject({ awaitingUnitId: null, escalatedTo: "Ban Tuyên giáo và Dân vận Trung ương" });
    await expect(step(provinceStaff, { petitionId: id, version: r.version, step: "takeOver" })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("the take-over step fed junk never answers an internal error", async () => {
    const { id } = await newPetition(communeUser, two.village.id);
    await step(communeUser, { petitionId: id, version: 0, step: "escalate", note: "Vượt thẩm quyền." });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ petitionId: fc.oneof(fc.constant(String(id)), fc.string()), version: fc.oneof(fc.constant("1"), fc.string()), note: fc.string({ maxLength: 3000 }), escalatedTo: fc.string() }),
        async (raw) => {
          for (const kind of ["takeOver", "escalate"]) {
            try {
              await step(provinceStaff, { ...raw, step: kind });
            } catch (error) {
              expect(["VALIDATION", "NOT_FOUND", "CONFLICT", "INVALID_STATE"]).toContain((error as { code?: string }).code);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
