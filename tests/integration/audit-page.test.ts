/**
 * The audit page's reads (lib/audit/queries.ts): inside the admin's reach, filtered by user,
 * action, record and time, keyset pages newest first, and every filter served by an index.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { auditPersonalDataRead } from "@/lib/audit/log";
import { auditPageSql, listAuditEntries, parseAuditFilters, type AuditFilters } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createUser, uid, type Tree } from "../support/factories";

let tree: Tree;
let nationalAdmin: Actor;
let provinceAdmin: Actor;
let staffA: { id: number; username: string };
let otherProvinceStaff: { id: number; username: string };
let nationalUser: { id: number; username: string };

const filters = (params: Record<string, string> = {}): AuditFilters => parseAuditFilters(params);

/** Every row of the list, following the cursors. */
async function all(actor: Actor, params: Record<string, string> = {}, limit = 50) {
  const out = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listAuditEntries(actor, filters({ ...params, ...(cursor ? { cursor } : {}) }), limit);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

beforeAll(async () => {
  tree = await buildTree();
  const otherProvince = await insertUnit(db, { parentId: tree.nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: `Lai Châu ${uid()}`, code: "12" });
  nationalUser = await createUser(tree.nation, "ADMIN");
  nationalAdmin = actorAt(tree.nation, "ADMIN", nationalUser.id);
  provinceAdmin = actorAt(tree.province, "ADMIN", (await createUser(tree.province, "ADMIN")).id);
  staffA = await createUser(tree.districtA);
  otherProvinceStaff = await createUser(otherProvince);
  // Rows with known times: staff A's three, one by the other province's staff, one by the
  // national admin, one without a user (a sign-in attempt for an unknown name).
  const at = (iso: string) => new Date(iso);
  await db.auditLog.createMany({
    data: [
      { at: at("2026-03-01T01:00:00Z"), actorId: staffA.id, action: "petition.create", entity: "Petition", entityId: "11", unitId: tree.villageA1.id },
      { at: at("2026-03-01T16:59:00Z"), actorId: staffA.id, action: "petition.assign", entity: "Petition", entityId: "11", unitId: tree.villageA1.id },
      { at: at("2026-03-01T17:00:00Z"), actorId: staffA.id, action: "auth.login", entity: "User", entityId: String(staffA.id) },
      { at: at("2026-03-02T02:00:00Z"), actorId: otherProvinceStaff.id, action: "petition.create", entity: "Petition", entityId: "12" },
      { at: at("2026-03-02T03:00:00Z"), actorId: nationalUser.id, action: "calendar.day.add", entity: "CalendarDay", entityId: "2026-04-30" },
      { at: at("2026-03-02T04:00:00Z"), actorId: null, action: "auth.login-failed", data: { username: "khong.co" } },
    ],
  });
  // A list read naming petitions 11 and 12 (so entityId is empty).
  await auditPersonalDataRead(db, { userId: staffA.id }, { entity: "Petition", ids: [11, 12], unitId: tree.districtA.id, via: "list" });
});

describe("the audit page's list", () => {
  it("shows a province admin only the rows of users of the province, newest first", async () => {
    const rows = await all(provinceAdmin);
    expect(rows.every((r) => r.actorId === staffA.id)).toBe(true);
    expect(rows.map((r) => r.action)).toEqual(["petition.personal-data.read", "auth.login", "petition.assign", "petition.create"]);
    expect(rows[1]).toMatchObject({ actorUsername: staffA.username, actorName: "Nguyễn Văn Thử" });
    expect(rows[3].unitName).toBe(`Thôn ${tree.villageA1.name}`);
  });

  it("shows a national admin every row, those without a user included", async () => {
    const rows = await all(nationalAdmin);
    expect(rows.map((r) => r.actorId)).toEqual(expect.arrayContaining([staffA.id, otherProvinceStaff.id, nationalUser.id, null]));
    expect(rows).toHaveLength(7);
  });

  it("pages by keyset without losing or repeating a row", async () => {
    const whole = await all(nationalAdmin);
    const paged = await all(nationalAdmin, {}, 2);
    expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
    const times = whole.map((r) => r.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by user, action, record (a list read included) and Vietnamese days", async () => {
    expect((await all(nationalAdmin, { user: otherProvinceStaff.username.toUpperCase() })).map((r) => r.actorId)).toEqual([otherProvinceStaff.id]);
    // A province admin asking for a user outside the province gets nothing.
    expect(await all(provinceAdmin, { user: otherProvinceStaff.username })).toEqual([]);
    expect((await all(nationalAdmin, { action: "petition.create" })).map((r) => r.entityId)).toEqual(["12", "11"]);
    const record = await all(nationalAdmin, { entity: "Petition", record: "12" });
    expect(record.map((r) => r.action)).toEqual(["petition.personal-data.read", "petition.create"]);
    expect((await all(nationalAdmin, { entity: "CalendarDay", record: "2026-04-30" })).map((r) => r.action)).toEqual(["calendar.day.add"]);
    // 1 March in Vietnam runs from 28/02 17:00 to 01/03 16:59:59 UTC.
    expect((await all(nationalAdmin, { from: "01/03/2026", to: "01/03/2026" })).map((r) => r.action)).toEqual(["petition.assign", "petition.create"]);
    expect((await all(nationalAdmin, { from: "2026-03-02", to: "2026-03-02" })).map((r) => r.action)).toEqual([
      "auth.login-failed",
      "calendar.day.add",
      "petition.create",
      "auth.login",
    ]);
  });

  it("drops what makes no sense instead of failing: a forged cursor, 31/02, an unknown entity", async () => {
    const parsed = parseAuditFilters({ cursor: "WyJnYXJiYWdlIiwxXQ", from: "31/02/2026", to: "0000-01-01", entity: "Secret", record: "1; DROP", user: "a\u0000b" });
    expect([parsed.from, parsed.to, parsed.entity, parsed.record, parsed.user]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(parsed.invalid).toEqual(expect.arrayContaining(["from", "to", "entity", "record", "user"]));
    expect((await listAuditEntries(nationalAdmin, parsed)).items).toHaveLength(7);
    // Cursors of the right shape that PostgreSQL could not take: year 0, an id past bigint.
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");
    for (const cursor of [forged(["0000-01-01T00:00:00Z", "1"]), forged(["2026-03-01T00:00:00Z", "9999999999999999999"])]) {
      expect((await listAuditEntries(nationalAdmin, parseAuditFilters({ cursor }))).items).toHaveLength(7);
    }
  });

  it("serves every filter from an index, never a scan of the whole table", async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /AuditLog_at_id_idx/],
      [{ user: staffA.username }, /AuditLog_actorId_at_id_idx/],
      [{ action: "auth.login" }, /AuditLog_action_at_id_idx/],
      // Two bitmaps ORed: the record's own rows, and the list reads naming it (at scale the GIN on data, AuditLog_data_idx).
      [{ entity: "Petition", record: "11" }, /BitmapOr[\s\S]*AuditLog_entity_entityId_idx[\s\S]*AuditLog_(data|action_at_id)_idx/],
      [{ entity: "CalendarDay", record: "2026-04-30" }, /AuditLog_entity_entityId_idx/],
      [{ from: "2026-03-01", to: "2026-03-02" }, /AuditLog_at_id_idx/],
    ];
    for (const actor of [nationalAdmin, provinceAdmin]) {
      for (const [params, index] of cases) {
        const plan = await db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
          return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${auditPageSql(actor, filters(params))}`;
        });
        const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
        expect(text, JSON.stringify(params)).not.toMatch(/Seq Scan on "AuditLog"/);
        if (actor === nationalAdmin) expect(text, JSON.stringify(params)).toMatch(index);
      }
    }
  });
});
