import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { coverageFor } from "@/lib/organisations/coverage";
import { createOrganisation as found, dissolveOrganisation, mergeOrganisation, mergeTargetsFor } from "@/lib/organisations/lifecycle";
import { createOrganisationSchema, dissolveOrganisationFormSchema, mergeOrganisationFormSchema } from "@/lib/organisations/schemas";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createOrganisation, createUser, uid, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";

/**
 * Issue 15 §4: blocs and teams are founded, dissolved and merged on screens (decision 050). Dates:
 * `dissolvedOn` is the first day an organisation no longer stands; its members' terms end the day before.
 */

/** A user of the unit with the duties of one of the ready-made roles (decision 049). */
const seat = (unit: Tree["nation"], preset: "ADMIN" | "DISTRICT_STAFF" | "COMMUNE_SECRETARY" | "VIEWER"): Actor => actorAt(unit, preset);

const day = (s: string) => new Date(`${s}T00:00:00Z`);

let tree: Tree;
let staff: Actor;
/** Who logged the meetings (a meeting names its author). */
let authorId: number;

beforeAll(async () => {
  tree = await buildTree();
  staff = seat(tree.districtA, "DISTRICT_STAFF");
  authorId = (await createUser(tree.districtA)).id;
});

async function expectRefusal(promise: Promise<unknown>, code: ActionError["code"], reason?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
  if (reason) expect((error as ActionError).message).toBe(reason);
}

const village = (communeId = tree.communeA.id) => insertUnit(db, { parentId: communeId, level: "VILLAGE", typeLabel: "Thôn", name: `Mới ${uid()}` });
const commune = () => insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Mới ${uid()}`, code: `7${uid().slice(0, 4)}` });

describe("founding a bloc or a team", () => {
  it("founds the team of a village that has none, named after it, with an audit row", async () => {
    const v = await village();
    const created = await found(staff, { unitId: v.id, kind: "TEAM", establishedOn: day("2026-02-01") });
    const org = await db.organisation.findUniqueOrThrow({ where: { id: created.id } });
    expect(org).toMatchObject({ kind: "TEAM", unitId: v.id, name: `Tổ dân vận Thôn ${v.name}`, establishedOn: day("2026-02-01"), dissolvedOn: null });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "organisation.create", entityId: String(org.id) } });
    expect(log).toMatchObject({ unitId: v.id, data: expect.objectContaining({ kind: "TEAM", establishedOn: "2026-02-01" }) });
    // counted from its first day
    expect((await coverageFor(v.id, day("2026-01-31"))).villagesWithTeam).toBe(0);
    expect((await coverageFor(v.id, day("2026-02-01"))).villagesWithTeam).toBe(1);
  });

  it("founds a bloc on a commune; one standing organisation of a kind per unit (DUPLICATE)", async () => {
    const c = await commune();
    await found(staff, { unitId: c.id, kind: "BLOC", establishedOn: day("2026-01-01") });
    await expectRefusal(found(staff, { unitId: c.id, kind: "BLOC", establishedOn: day("2026-03-01") }), "DUPLICATE");
    expect(await db.organisation.count({ where: { unitId: c.id } })).toBe(1);
    // the database refuses a second standing one too, whoever writes it
    await expect(db.organisation.create({ data: { kind: "BLOC", unitId: c.id, name: "Thừa" } })).rejects.toThrow();
  });

  it("founds a new one after the old one was dissolved, not before it stopped; the old one stays as history", async () => {
    const v = await village();
    const { org: old } = await createOrganisation(v, "TEAM", ["Nguyễn Văn Cũ"], { establishedOn: day("2020-01-01") });
    await dissolveOrganisation(staff, { organisationId: old.id, version: 0, lastDay: day("2026-03-31") });
    await expectRefusal(found(staff, { unitId: v.id, kind: "TEAM", establishedOn: day("2026-03-31") }), "INVALID_STATE", "beforePrevious");
    const created = await found(staff, { unitId: v.id, kind: "TEAM", establishedOn: day("2026-04-01") });
    const teams = await db.organisation.findMany({ where: { unitId: v.id }, orderBy: { id: "asc" } });
    expect(teams.map((t) => [t.id, t.dissolvedOn])).toEqual([
      [old.id, day("2026-04-01")],
      [created.id, null],
    ]);
  });

  it("refuses the wrong level, a closed unit, a day before the unit's first; out of reach and without the permission is NOT_FOUND", async () => {
    const v = await village();
    await expectRefusal(found(staff, { unitId: v.id, kind: "BLOC", establishedOn: day("2026-01-01") }), "INVALID_STATE", "wrongLevel");
    await expectRefusal(found(staff, { unitId: tree.communeA.id, kind: "TEAM", establishedOn: day("2026-01-01") }), "INVALID_STATE", "wrongLevel");
    const closed = await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: `Đóng ${uid()}`, validTo: day("2025-12-31") });
    await expectRefusal(found(staff, { unitId: closed.id, kind: "TEAM", establishedOn: day("2025-01-01") }), "INVALID_STATE", "unitClosed");
    const young = await insertUnit(db, { parentId: tree.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: `Trẻ ${uid()}`, validFrom: day("2026-07-01") });
    await expectRefusal(found(staff, { unitId: young.id, kind: "TEAM", establishedOn: day("2026-06-30") }), "INVALID_STATE", "beforeUnit");
    await expectRefusal(found(staff, { unitId: tree.villageB1.id, kind: "TEAM", establishedOn: day("2026-01-01") }), "NOT_FOUND");
    await expectRefusal(found(staff, { unitId: 2_000_000_000, kind: "TEAM", establishedOn: day("2026-01-01") }), "NOT_FOUND");
    await expectRefusal(found(seat(tree.districtA, "COMMUNE_SECRETARY"), { unitId: v.id, kind: "TEAM", establishedOn: day("2026-01-01") }), "NOT_FOUND");
    await expectRefusal(found(seat(tree.districtA, "VIEWER"), { unitId: v.id, kind: "TEAM", establishedOn: day("2026-01-01") }), "NOT_FOUND");
    expect(await db.organisation.count({ where: { unitId: { in: [v.id, closed.id, young.id, tree.villageB1.id] } } })).toBe(0);
  });

  it("two founders at once make one team", async () => {
    const v = await village();
    const results = await Promise.allSettled([1, 2, 3].map(() => found(staff, { unitId: v.id, kind: "TEAM", establishedOn: day("2026-01-01") })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as ActionError).code).toBe("DUPLICATE");
    expect(await db.organisation.count({ where: { unitId: v.id } })).toBe(1);
  });
});

describe("dissolving", () => {
  it("sets the first day gone, ends the current members' terms on the last day, keeps past members and meetings", async () => {
    const v = await village();
    const { org, members } = await createOrganisation(v, "TEAM", ["Lê Văn Trưởng", "Phạm Thị Hai"], { establishedOn: day("2020-01-01") });
    const past = await db.membership.create({ data: { organisationId: org.id, cadreId: members[1].id, role: "MEMBER", representing: "OTHER", termStart: day("2020-01-01"), termEnd: day("2021-01-01") } });
    const meeting = await db.meeting.create({ data: { kind: "TEAM_MONTHLY", organisationId: org.id, unitId: v.id, heldOn: day("2026-03-05"), place: "Nhà văn hoá", chair: "Lê Văn Trưởng", createdById: authorId } });
    const result = await dissolveOrganisation(staff, { organisationId: org.id, version: 0, lastDay: day("2026-04-30") });
    expect(result.membershipsEnded).toBe(2);
    const after = await db.organisation.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({ dissolvedOn: day("2026-05-01"), version: 1, mergedIntoId: null });
    const terms = await db.membership.findMany({ where: { organisationId: org.id }, orderBy: { id: "asc" } });
    expect(terms.map((m) => m.termEnd)).toEqual([day("2026-04-30"), day("2026-04-30"), day("2021-01-01")]);
    expect((await db.membership.findUniqueOrThrow({ where: { id: past.id } })).termEnd).toEqual(day("2021-01-01"));
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).organisationId).toBe(org.id);
    expect(await db.auditLog.findFirst({ where: { action: "organisation.dissolve", entityId: String(org.id) } })).toMatchObject({ data: expect.objectContaining({ lastDay: "2026-04-30", membershipsEnded: 2 }) });
    // stands on its last day, not after
    expect((await coverageFor(v.id, day("2026-04-30"))).villagesWithTeam).toBe(1);
    expect((await coverageFor(v.id, day("2026-05-01"))).villagesWithTeam).toBe(0);
  });

  it("refuses twice, a stale version, a day before it was established or before a member's term begins", async () => {
    const v = await village();
    const { org, members } = await createOrganisation(v, "TEAM", ["Lê Văn Một"], { establishedOn: day("2024-01-01") });
    await expectRefusal(dissolveOrganisation(staff, { organisationId: org.id, version: 3, lastDay: day("2026-01-31") }), "CONFLICT");
    await expectRefusal(dissolveOrganisation(staff, { organisationId: org.id, version: 0, lastDay: day("2023-12-31") }), "INVALID_STATE", "beforeEstablished");
    await db.membership.create({ data: { organisationId: org.id, cadreId: members[0].id, role: "MEMBER", representing: "OTHER", termStart: day("2026-06-01") } });
    await expectRefusal(dissolveOrganisation(staff, { organisationId: org.id, version: 0, lastDay: day("2026-05-31") }), "INVALID_STATE", "membersLater");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).dissolvedOn).toBeNull();
    await dissolveOrganisation(staff, { organisationId: org.id, version: 0, lastDay: day("2026-06-30") });
    await expectRefusal(dissolveOrganisation(staff, { organisationId: org.id, version: 1, lastDay: day("2026-07-31") }), "INVALID_STATE", "alreadyDissolved");
  });

  it("answers NOT_FOUND out of reach and without the permission, changing nothing", async () => {
    const { org } = await createOrganisation(tree.villageB1, "TEAM", ["Ngoài Tầm"]);
    await expectRefusal(dissolveOrganisation(staff, { organisationId: org.id, version: 0, lastDay: day("2026-01-31") }), "NOT_FOUND");
    const v = await village();
    const { org: mine } = await createOrganisation(v, "TEAM", ["Trong Tầm"]);
    await expectRefusal(dissolveOrganisation(seat(tree.districtA, "COMMUNE_SECRETARY"), { organisationId: mine.id, version: 0, lastDay: day("2026-01-31") }), "NOT_FOUND");
    expect((await db.organisation.findMany({ where: { id: { in: [org.id, mine.id] } } })).map((o) => o.dissolvedOn)).toEqual([null, null]);
  });
});

describe("merging", () => {
  it("moves the current members into the other team from the day, dissolves the first, which keeps its meetings", async () => {
    const [v1, v2] = [await village(), await village()];
    const a = await createOrganisation(v1, "TEAM", ["Đỗ Văn Trưởng A", "Vũ Thị Thành Viên"], { establishedOn: day("2020-01-01") });
    const b = await createOrganisation(v2, "TEAM", ["Hoàng Văn Trưởng B"], { establishedOn: day("2020-01-01") });
    // a cadre already in both stays once in B
    await db.membership.create({ data: { organisationId: b.org.id, cadreId: a.members[1].id, role: "MEMBER", representing: "OTHER", termStart: day("2022-01-01") } });
    const meeting = await db.meeting.create({ data: { kind: "TEAM_MONTHLY", organisationId: a.org.id, unitId: v1.id, heldOn: day("2026-02-05"), place: "Nhà văn hoá", chair: "Đỗ Văn Trưởng A", createdById: authorId } });
    expect((await mergeTargetsFor(staff, a.org)).map((t) => t.id)).toContain(b.org.id);

    const result = await mergeOrganisation(staff, { organisationId: a.org.id, version: 0, targetId: b.org.id, effectiveOn: day("2026-04-01") });
    expect(result).toMatchObject({ id: a.org.id, targetId: b.org.id, membershipsCarried: 1 });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: a.org.id } })).toMatchObject({ dissolvedOn: day("2026-04-01"), mergedIntoId: b.org.id });
    expect((await db.membership.findMany({ where: { organisationId: a.org.id } })).map((m) => m.termEnd)).toEqual([day("2026-03-31"), day("2026-03-31")]);
    const inB = await db.membership.findMany({ where: { organisationId: b.org.id }, orderBy: { id: "asc" } });
    // B's head stays the head; A's head joins as deputy from the day
    expect(inB.map((m) => [m.cadreId, m.role, m.termStart, m.termEnd])).toEqual([
      [b.members[0].id, "HEAD", day("2020-01-01"), null],
      [a.members[1].id, "MEMBER", day("2022-01-01"), null],
      [a.members[0].id, "DEPUTY", day("2026-04-01"), null],
    ]);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).organisationId).toBe(a.org.id);
    expect(await db.auditLog.findFirst({ where: { action: "organisation.merge", entityId: String(a.org.id) } })).toMatchObject({
      data: expect.objectContaining({ intoId: b.org.id, effectiveOn: "2026-04-01", membershipsCarried: 1 }),
    });
    // the members counted in A up to its last day, in B from the merger's day
    expect([(await coverageFor(v1.id, day("2026-03-31"))).members, (await coverageFor(v2.id, day("2026-03-31"))).members]).toEqual([2, 2]);
    expect([(await coverageFor(v1.id, day("2026-04-01"))).members, (await coverageFor(v2.id, day("2026-04-01"))).members]).toEqual([0, 3]);
    expect(await rollupSnapshot()).toEqual(await rebuiltRollupSnapshot());
  });

  it("a head arriving where there is none stays head", async () => {
    const [v1, v2] = [await village(), await village()];
    const a = await createOrganisation(v1, "TEAM", ["Trưởng Đi"], { establishedOn: day("2020-01-01") });
    const b = await createOrganisation(v2, "TEAM", [], { establishedOn: day("2020-01-01") });
    await mergeOrganisation(staff, { organisationId: a.org.id, version: 0, targetId: b.org.id, effectiveOn: day("2026-04-01") });
    expect((await db.membership.findFirstOrThrow({ where: { organisationId: b.org.id } })).role).toBe("HEAD");
  });

  it("refuses itself, a bloc into a team, a dissolved one, a stale version, a day not after its founding; out of reach is NOT_FOUND", async () => {
    const [v1, v2] = [await village(), await village()];
    const a = await createOrganisation(v1, "TEAM", ["Một"], { establishedOn: day("2026-01-01") });
    const b = await createOrganisation(v2, "TEAM", ["Hai"], { establishedOn: day("2020-01-01") });
    const bloc = await createOrganisation(await commune(), "BLOC", ["Ba"]);
    const outside = await createOrganisation(await village(tree.communeB.id), "TEAM", ["Bốn"]);
    const merge = (organisationId: number, targetId: number, effectiveOn = day("2026-04-01"), version = 0) => mergeOrganisation(staff, { organisationId, version, targetId, effectiveOn });
    await expectRefusal(merge(a.org.id, a.org.id), "INVALID_STATE", "sameOrganisation");
    await expectRefusal(merge(a.org.id, bloc.org.id), "INVALID_STATE", "kindDiffers");
    await expectRefusal(merge(a.org.id, b.org.id, day("2026-01-01")), "INVALID_STATE", "beforeEstablished");
    await expectRefusal(merge(a.org.id, b.org.id, day("2026-04-01"), 7), "CONFLICT");
    await expectRefusal(merge(a.org.id, outside.org.id), "NOT_FOUND");
    await expectRefusal(merge(outside.org.id, a.org.id), "NOT_FOUND");
    await expectRefusal(mergeOrganisation(seat(tree.districtA, "VIEWER"), { organisationId: a.org.id, version: 0, targetId: b.org.id, effectiveOn: day("2026-04-01") }), "NOT_FOUND");
    await dissolveOrganisation(staff, { organisationId: b.org.id, version: 0, lastDay: day("2026-02-28") });
    await expectRefusal(merge(a.org.id, b.org.id), "INVALID_STATE", "alreadyDissolved");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: a.org.id } })).dissolvedOn).toBeNull();
    expect(await db.membership.count({ where: { organisationId: a.org.id, termEnd: { not: null } } })).toBe(0);
  });
});

describe("the forms' schemas take any input without throwing", () => {
  const junk: unknown[] = [undefined, null, "", " ", "abc", "-1", "1.5", "99999999999", "2026-02-30", "0000-01-01", "2026-13-01", "\u0000", "<script>", ["1", "2"], {}];
  const good: Record<string, unknown> = { unitId: "1", kind: "TEAM", establishedOn: "2026-01-01", organisationId: "1", version: "0", lastDay: "2026-01-01", targetId: "2", effectiveOn: "2026-01-01", confirm: "on" };
  it("refuses junk in every field but the version (an empty one reads as 0), and takes a good form", () => {
    for (const schema of [createOrganisationSchema, dissolveOrganisationFormSchema, mergeOrganisationFormSchema]) {
      expect(schema.safeParse(good).success).toBe(true);
      for (const field of Object.keys(schema.shape).filter((f) => f !== "version")) {
        for (const value of junk) expect(schema.safeParse({ ...good, [field]: value }).success, `${field}=${JSON.stringify(value)}`).toBe(false);
      }
    }
  });
});
