import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { exportCadresFor, importTemplateBody, writeImportTemplateFor } from "@/lib/cadres/downloads";
import { parseCadreFilters } from "@/lib/cadres/filters";
import { IMPORT_COLUMNS } from "@/lib/cadres/import";
import { addTraining, createCadre, deleteTraining, endCadre, updateCadre } from "@/lib/cadres/mutations";
import { auditCadrePersonalDataRead, getCadre, listCadres } from "@/lib/cadres/queries";
import { cadreUnitOptions, cadreUnitPages } from "@/lib/cadres/unit-options";
import { importCadres } from "@/lib/cadres/upload";
import { db } from "@/lib/db/client";
import { unitTreeVersion } from "@/lib/units/tree-version";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createUser, uid, type Tree } from "../support/factories";

let tree: Tree;
let staffA: Actor;
let staffB: Actor;
let leader: Actor;
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const filters = (params: Record<string, string> = {}) => parseCadreFilters(params);

async function expectCode(promise: Promise<unknown>, code: ActionError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
}

function fields(overrides: Partial<Parameters<typeof createCadre>[1]> = {}) {
  return {
    fullName: `Nguyễn Văn Đức ${uid()}`,
    gender: "MALE" as const,
    birthYear: 1978,
    phone: "0912345678",
    isPartyMember: true,
    position: "Bí thư chi bộ",
    unitId: tree.villageA1.id,
    ...overrides,
  };
}

/** The actor's import template, as the route streams it. */
async function importTemplateFor(actor: Actor, communesPerPage?: number): Promise<Buffer> {
  const out = new PassThrough();
  const [, bytes] = await Promise.all([writeImportTemplateFor(actor, out, communesPerPage), buffer(out)]);
  return bytes;
}

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Cán bộ");
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  tree = await buildTree();
  staffA = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  staffB = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
  leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
});

describe("create and edit", () => {
  it("creates a cadre with an audit row; a second identical submission is a duplicate", async () => {
    const input = fields();
    const created = await createCadre(staffA, input);
    const row = await db.cadre.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ fullName: input.fullName, searchName: expect.stringMatching(/^nguyen van duc /), phone: "0912345678", birthYear: 1978, version: 0, endedOn: null });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "cadre.create", entityId: String(created.id) } });
    expect(log.actorId).toBe(staffA.userId);
    await expectCode(createCadre(staffA, input), "DUPLICATE");
    expect(await db.cadre.count({ where: { fullName: input.fullName } })).toBe(1);
  });

  it("refuses a unit outside the subtree, a district-level unit, and a role that cannot manage", async () => {
    await expectCode(createCadre(staffA, fields({ unitId: tree.villageB1.id })), "NOT_FOUND");
    await expectCode(createCadre(staffA, fields({ unitId: tree.districtA.id })), "NOT_FOUND");
    await expectCode(createCadre(leader, fields()), "NOT_FOUND");
  });

  it("edits with the version; a second save with the old version is refused and changes nothing", async () => {
    const { id } = await createCadre(staffA, fields());
    const first = await updateCadre(staffA, { ...fields({ fullName: "Trần Thị Hoa", gender: "FEMALE", phone: "0987654321", unitId: tree.communeA.id }), id, version: 0 });
    expect(first.version).toBe(1);
    const row = await db.cadre.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ fullName: "Trần Thị Hoa", searchName: "tran thi hoa", gender: "FEMALE", phone: "0987654321", unitId: tree.communeA.id, version: 1 });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "cadre.update", entityId: String(id) } });
    expect(log.data).toMatchObject({ changed: expect.arrayContaining(["fullName", "gender", "phone", "unitId"]) });
    expect(JSON.stringify(log.data)).not.toContain("0987654321");

    await expectCode(updateCadre(staffA, { ...fields({ fullName: "Lê Văn Ghi Đè" }), id, version: 0 }), "CONFLICT");
    expect((await db.cadre.findUniqueOrThrow({ where: { id } })).fullName).toBe("Trần Thị Hoa");
  });

  it("answers not found for a cadre of another district, in reads and writes", async () => {
    const { id } = await createCadre(staffB, fields({ unitId: tree.villageB1.id }));
    expect(await getCadre(staffA, id)).toBeNull();
    expect(await getCadre(staffB, id)).not.toBeNull();
    await expectCode(updateCadre(staffA, { ...fields(), id, version: 0 }), "NOT_FOUND");
    await expectCode(endCadre(staffA, { id, version: 0, endedOn: day("2026-01-01"), confirm: "on" }), "NOT_FOUND");
    await expectCode(addTraining(staffA, { cadreId: id, course: "Bồi dưỡng", organiser: "Huyện ủy", startOn: day("2026-01-01"), endOn: null, result: null }), "NOT_FOUND");
    expect((await listCadres(staffA, filters({ q: "", status: "all" }))).rows.map((r) => r.id)).not.toContain(id);
  });
});

describe("end a cadre", () => {
  it("ends the cadre and their running memberships in one go, leaving past ones alone", async () => {
    const { id } = await createCadre(staffA, fields());
    const team = await db.organisation.create({ data: { kind: "TEAM", unitId: tree.villageA1.id, name: `Tổ dân vận ${uid()}` } });
    const running = await db.membership.create({ data: { organisationId: team.id, cadreId: id, role: "HEAD", representing: "PARTY_CELL_SECRETARY", termStart: day("2025-01-01") } });
    const past = await db.membership.create({ data: { organisationId: team.id, cadreId: id, role: "MEMBER", representing: "OTHER", termStart: day("2023-01-01"), termEnd: day("2024-06-30") } });
    const result = await endCadre(staffA, { id, version: 0, endedOn: day("2026-03-31"), confirm: "on" });
    expect(result.endedMemberships).toBe(1);
    expect((await db.cadre.findUniqueOrThrow({ where: { id } })).endedOn).toEqual(day("2026-03-31"));
    expect((await db.membership.findUniqueOrThrow({ where: { id: running.id } })).termEnd).toEqual(day("2026-03-31"));
    expect((await db.membership.findUniqueOrThrow({ where: { id: past.id } })).termEnd).toEqual(day("2024-06-30"));
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "cadre.end", entityId: String(id) } });
    expect(log.data).toMatchObject({ endedOn: "2026-03-31", endedMembershipIds: [running.id] });
    await expectCode(endCadre(staffA, { id, version: 1, endedOn: day("2026-04-01"), confirm: "on" }), "INVALID_STATE");
    const page = await getCadre(staffA, id);
    expect(page?.memberships.map((m) => m.organisation.id)).toEqual([team.id, team.id]);
  });

  it("with a stale version ends nothing, memberships included", async () => {
    const { id } = await createCadre(staffA, fields());
    await updateCadre(staffA, { ...fields(), id, version: 0 });
    const team = await db.organisation.create({ data: { kind: "TEAM", unitId: tree.villageA2.id, name: `Tổ dân vận ${uid()}` } });
    const m = await db.membership.create({ data: { organisationId: team.id, cadreId: id, role: "MEMBER", representing: "OTHER", termStart: day("2025-01-01") } });
    await expectCode(endCadre(staffA, { id, version: 0, endedOn: day("2026-03-31"), confirm: "on" }), "CONFLICT");
    expect((await db.cadre.findUniqueOrThrow({ where: { id } })).endedOn).toBeNull();
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).termEnd).toBeNull();
  });
});

describe("training records", () => {
  it("adds and deletes a record, each audited", async () => {
    const { id } = await createCadre(staffA, fields());
    const added = await addTraining(staffA, { cadreId: id, course: "Nghiệp vụ dân vận", organiser: "Ban Dân vận Huyện ủy", startOn: day("2026-05-04"), endOn: day("2026-05-08"), result: "Giỏi" });
    expect((await getCadre(staffA, id))?.trainings).toEqual([
      { id: added.id, course: "Nghiệp vụ dân vận", organiser: "Ban Dân vận Huyện ủy", startOn: day("2026-05-04"), endOn: day("2026-05-08"), result: "Giỏi" },
    ]);
    await deleteTraining(staffA, { id: added.id, confirm: "on" });
    expect((await getCadre(staffA, id))?.trainings).toEqual([]);
    expect(await db.auditLog.count({ where: { entityId: String(id), action: { in: ["cadre.training.add", "cadre.training.delete"] } } })).toBe(2);
    await expectCode(deleteTraining(staffB, { id: added.id, confirm: "on" }), "NOT_FOUND");
  });
});

describe("list and search", () => {
  it("finds a cadre without accents, filters by unit subtree, status and party membership", async () => {
    const tag = uid();
    const duc = await createCadre(staffA, fields({ fullName: `Nguyễn Văn Đức ${tag}`, unitId: tree.villageA2.id, isPartyMember: false }));
    const hoa = await createCadre(staffA, fields({ fullName: `Bùi Thị Hòa ${tag}`, unitId: tree.communeA.id }));
    expect((await listCadres(staffA, filters({ q: `nguyen van duc ${tag}` }))).rows.map((r) => r.id)).toEqual([duc.id]);
    expect((await listCadres(staffA, filters({ q: `NGUYỄN VĂN ĐỨC ${tag}` }))).total).toBe(1);
    expect((await listCadres(staffA, filters({ q: tag, unit: String(tree.villageA2.id) }))).rows.map((r) => r.id)).toEqual([duc.id]);
    expect((await listCadres(staffA, filters({ q: tag, unit: String(tree.communeA.id) }))).total).toBe(2);
    expect((await listCadres(staffA, filters({ q: tag, party: "yes" }))).rows.map((r) => r.id)).toEqual([hoa.id]);
    // a unit outside the subtree filters to nothing rather than widening the scope
    expect((await listCadres(staffA, filters({ q: tag, unit: String(tree.communeB.id) }))).total).toBe(0);
    await endCadre(staffA, { id: hoa.id, version: 0, endedOn: day("2026-01-31"), confirm: "on" });
    expect((await listCadres(staffA, filters({ q: tag }))).rows.map((r) => r.id)).toEqual([duc.id]);
    expect((await listCadres(staffA, filters({ q: tag, status: "ended" }))).rows.map((r) => r.id)).toEqual([hoa.id]);
    // by unit: the commune ("xa …") sorts after the village ("thon …")
    expect((await listCadres(staffA, filters({ q: tag, status: "all", sort: "unit" }))).rows.map((r) => r.id)).toEqual([duc.id, hoa.id]);
    expect((await listCadres(staffA, filters({ q: tag, status: "all" }))).rows.map((r) => r.id)).toEqual([hoa.id, duc.id]);
  });

  it("pages by keyset with a total count, in either order; a cursor that is not one of ours starts over", async () => {
    const tag = uid();
    for (let i = 0; i < 5; i++) await createCadre(staffA, fields({ fullName: `Hoàng Văn ${tag} ${i}`, unitId: i % 2 ? tree.villageA2.id : tree.villageA1.id }));
    const walk = async (params: Record<string, string>) => {
      const names: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof listCadres>> = await listCadres(staffA, filters({ ...params, ...(cursor ? { cursor } : {}) }), 2);
        expect(page).toMatchObject({ total: 5, totalExact: true, first: pages === 0 });
        names.push(...page.rows.map((r) => r.fullName));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      return { names, pages };
    };
    expect(await walk({ q: tag })).toEqual({ names: [0, 1, 2, 3, 4].map((i) => `Hoàng Văn ${tag} ${i}`), pages: 3 });
    // by unit: the villages by name (Đình ${s} before Phú Thọ ${s}), then the names
    expect(await walk({ q: tag, sort: "unit" })).toEqual({ names: [0, 2, 4, 1, 3].map((i) => `Hoàng Văn ${tag} ${i}`), pages: 3 });
    const forged = await listCadres(staffA, filters({ q: tag, cursor: "WyJ4Il0" }), 2);
    expect(forged).toMatchObject({ first: true, total: 5 });
    expect(forged.rows.map((r) => r.fullName)).toEqual([`Hoàng Văn ${tag} 0`, `Hoàng Văn ${tag} 1`]);
  });

  it("reads a place's list the same whether its units go to the database as ids or through the unit tree", async () => {
    const tag = uid();
    for (let i = 0; i < 5; i++) await createCadre(staffA, fields({ fullName: `Lò Văn ${tag} ${i}`, unitId: i % 2 ? tree.villageA2.id : tree.communeA.id, isPartyMember: i % 3 === 0 }));
    const walk = async (actor: Actor, params: Record<string, string>, subtreeAsIds: number) => {
      const pages: { ids: number[]; total: number; totalExact: boolean }[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listCadres>> = await listCadres(actor, filters({ ...params, ...(cursor ? { cursor } : {}) }), 3, subtreeAsIds);
        pages.push({ ids: page.rows.map((r) => r.id), total: page.total, totalExact: page.totalExact });
        cursor = page.nextCursor;
      } while (cursor);
      return pages;
    };
    const cases: [Actor, Record<string, string>][] = [
      [staffA, {}],
      [staffA, { status: "all", sort: "unit" }],
      [staffA, { party: "yes" }],
      [staffA, { unit: String(tree.communeA.id), status: "all" }],
      [leader, {}],
      [leader, { sort: "unit", party: "no" }],
      [leader, { unit: String(tree.districtA.id) }],
    ];
    for (const [actor, params] of cases) {
      const asIds = await walk(actor, params, 10_000);
      const all = asIds.flatMap((p) => p.ids);
      expect(all.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect(asIds[0], JSON.stringify(params)).toMatchObject({ total: all.length, totalExact: true });
      expect(await walk(actor, params, 0), JSON.stringify(params)).toEqual(asIds);
    }
  });

  it("gives a province leader no phone or birth year, and the staff both", async () => {
    const { id } = await createCadre(staffA, fields());
    const asLeader = await listCadres(leader, filters({ status: "all" }));
    expect(asLeader.personal).toBe(false);
    expect(asLeader.rows.length).toBeGreaterThan(0);
    for (const row of asLeader.rows) {
      expect(row).not.toHaveProperty("phone");
      expect(row).not.toHaveProperty("birthYear");
    }
    const detail = await getCadre(leader, id);
    expect(detail).not.toBeNull();
    expect(detail).not.toHaveProperty("phone");
    expect((await getCadre(staffA, id))?.phone).toBe("0912345678");
  });

  it("audits a page view that showed personal data", async () => {
    await auditCadrePersonalDataRead(staffA, [1, 2, 3], "list", { page: 1 });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "cadre.personal-data.read", actorId: staffA.userId }, orderBy: { id: "desc" } });
    expect(log.data).toEqual({ ids: [1, 2, 3], via: "list", page: 1 });
  });
});

describe("import", () => {
  it("is all or nothing: one bad row and no cadre is saved; fixed, all are saved; the same file again is refused by row", async () => {
    const tag = uid();
    const village = `T${tree.villageA1.id}`;
    const good = [
      [`Lý Văn Nam ${tag}`, "Nam", 1970, "0912000001", "Có", "Trưởng thôn", village],
      [`Vũ Thị Lan ${tag}`, "Nữ", 1985, "+84 912 000 002", "", "", "08839"],
    ];
    const before = await db.cadre.count();
    const bad = await importCadres(staffA, await xlsx([...good, [`Đinh Văn Sai ${tag}`, "Nam", 1800, "", "", "", village]]), "can-bo.xlsx");
    expect(bad).toEqual({ status: "invalid", errors: [{ row: 4, column: "Năm sinh", message: expect.stringMatching(/Năm sinh «1800»/) }], more: 0 });
    expect(await db.cadre.count()).toBe(before);

    const outside = await importCadres(staffA, await xlsx([[`Cao Văn Xa ${tag}`, "Nam", 1970, "", "", "", `T${tree.villageB1.id}`]]), "can-bo.xlsx");
    expect(outside).toMatchObject({ status: "invalid", errors: [{ row: 2, column: "Mã đơn vị" }] });

    const ok = await importCadres(staffA, await xlsx(good), "can-bo.xlsx");
    expect(ok).toEqual({ status: "imported", count: 2 });
    expect(await db.cadre.count()).toBe(before + 2);
    const saved = await db.cadre.findMany({ where: { searchName: { contains: tag } }, orderBy: { id: "asc" } });
    expect(saved.map((c) => [c.fullName, c.phone, c.unitId])).toEqual([
      [`Lý Văn Nam ${tag}`, "0912000001", tree.villageA1.id],
      [`Vũ Thị Lan ${tag}`, "0912000002", tree.communeA.id],
    ]);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "cadre.import", actorId: staffA.userId } });
    expect(log.data).toMatchObject({ count: 2, cadreIds: saved.map((c) => c.id) });

    const again = await importCadres(staffA, await xlsx(good), "can-bo.xlsx");
    expect(again.status).toBe("invalid");
    if (again.status === "invalid") {
      expect(again.errors.map((e) => e.row)).toEqual([2, 3]);
      expect(again.errors[0].message).toMatch(/đã có trong danh sách/);
    }
    expect(await db.cadre.count()).toBe(before + 2);
  });

  it("refuses a file that is not an xlsx, and a role that cannot manage", async () => {
    const csv = await importCadres(staffA, new TextEncoder().encode("Họ và tên,Giới tính\nAn,Nam\n"), "can-bo.xlsx");
    expect(csv).toMatchObject({ status: "invalid", errors: [{ row: null, message: expect.stringMatching(/không đúng loại/) }] });
    await expectCode(importCadres(leader, await xlsx([["An", "Nam", "", "", "", "", "08839"]]), "x.xlsx"), "NOT_FOUND");
  });

  it("the template lists exactly the units of the subtree with their keys", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await importTemplateFor(staffA)) as unknown as ArrayBuffer);
    const keys: string[] = [];
    wb.getWorksheet("Đơn vị")!.eachRow((row, n) => n > 1 && keys.push(String(row.getCell(1).value)));
    expect(keys).toEqual((await cadreUnitOptions(staffA)).map((u) => u.key));
    expect(keys).toEqual(expect.arrayContaining(["08839", `T${tree.villageA1.id}`, `T${tree.villageA2.id}`]));
    expect(keys).not.toContain(`T${tree.villageB1.id}`);
  });

  it("the template is kept for the actor's unit until any statement writes a unit, whichever code sends it (decision 034)", async () => {
    const t = await buildTree();
    const staff = actorAt(t.districtA, "DISTRICT_STAFF", (await createUser(t.districtA)).id);
    const sent = async () => {
      const body = await importTemplateBody(staff);
      return { kept: body instanceof Uint8Array, bytes: body instanceof Uint8Array ? Buffer.from(body) : Buffer.from(await new Response(body).arrayBuffer()) };
    };
    const units = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const listed: string[] = [];
      wb.getWorksheet("Đơn vị")!.eachRow((row, n) => n > 1 && listed.push(String(row.getCell(2).value)));
      return listed;
    };

    const first = await sent();
    expect(first.kept).toBe(false); // written as it streams
    const second = await sent();
    expect(second).toEqual({ kept: true, bytes: first.bytes }); // the same file, not written again

    // A rename in raw SQL that leaves "updatedAt" alone (as a village's move does): the version moves on all the same.
    const before = await unitTreeVersion();
    await db.$executeRaw`UPDATE "Unit" SET name = ${`Đình Mới ${uid()}`} WHERE id = ${t.villageA1.id}`;
    expect(BigInt((await unitTreeVersion())!)).toBeGreaterThan(BigInt(before!));
    const renamed = await sent();
    expect(renamed.kept).toBe(false);
    const { name } = await db.unit.findUniqueOrThrow({ where: { id: t.villageA1.id }, select: { name: true } });
    expect(await units(renamed.bytes)).toContain(`Thôn ${name}`);

    // A new village, and a deleted one: each is a new version, and the next template lists what is there.
    const added = await insertUnit(db, { parentId: t.communeA.id, level: "VILLAGE", typeLabel: "Thôn", name: `Bến ${uid()}` });
    expect(await units((await sent()).bytes)).toContain(`Thôn ${added.name}`);
    expect((await sent()).kept).toBe(true);
    await db.unit.delete({ where: { id: added.id } });
    const afterDelete = await sent();
    expect(afterDelete.kept).toBe(false);
    expect(await units(afterDelete.bytes)).not.toContain(`Thôn ${added.name}`);

    // Without the version's row, nothing is kept: no trigger would tell a kept file had gone stale.
    const last = BigInt((await unitTreeVersion())!);
    await db.$executeRaw`DELETE FROM "UnitTreeVersion"`;
    try {
      expect((await sent()).kept).toBe(false);
      expect((await sent()).kept).toBe(false);
    } finally {
      await db.$executeRaw`INSERT INTO "UnitTreeVersion" (id, version) VALUES (1, ${last + 1n})`;
    }

    // Another unit's staff get their own subtree's template, never this one.
    const other = actorAt(t.districtB, "DISTRICT_STAFF", (await createUser(t.districtB)).id);
    const theirs = await importTemplateBody(other);
    expect(theirs).not.toBeInstanceOf(Uint8Array);
    expect(await units(Buffer.from(await new Response(theirs).arrayBuffer()))).not.toContain(`Thôn ${name}`);
  });

  it("the template reads its units a page of communes at a time, lists them all in order, and the import takes it filled in", async () => {
    const t = await buildTree();
    const s = uid();
    const anHoa = await insertUnit(db, { parentId: t.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `An Hòa ${s}`, code: "08800" });
    const chua = await insertUnit(db, { parentId: anHoa.id, level: "VILLAGE", typeLabel: "Thôn", name: `Chùa ${s}` });
    // A commune closed by a merger, whose village awaits placement: listed last, without a commune.
    const closed = await insertUnit(db, { parentId: t.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Bình Minh ${s}`, code: "08801", validTo: day("2025-06-30") });
    const go = await insertUnit(db, { parentId: closed.id, level: "VILLAGE", typeLabel: "Thôn", name: `Gò ${s}` });
    const staff = actorAt(t.districtA, "DISTRICT_STAFF", (await createUser(t.districtA)).id);

    const pages: string[][] = [];
    for await (const page of cadreUnitPages(staff, 1)) pages.push(page.map((u) => u.key));
    // One commune and its villages a page, never the whole subtree.
    expect(pages).toEqual([["08800", `T${chua.id}`], ["08839", `T${t.villageA1.id}`, `T${t.villageA2.id}`], [`T${go.id}`]]);
    expect((await cadreUnitOptions(staff)).map((u) => u.key)).toEqual(pages.flat());

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await importTemplateFor(staff, 1)) as unknown as ArrayBuffer);
    const listed: unknown[][] = [];
    wb.getWorksheet("Đơn vị")!.eachRow((row, n) => n > 1 && listed.push((row.values as unknown[]).slice(1)));
    expect(listed).toEqual([
      ["08800", `Xã An Hòa ${s}`],
      [`T${chua.id}`, `Thôn Chùa ${s}`, `Xã An Hòa ${s}`],
      ["08839", `Xã ${t.communeA.name}`],
      [`T${t.villageA1.id}`, `Thôn ${t.villageA1.name}`, `Xã ${t.communeA.name}`],
      [`T${t.villageA2.id}`, `Thôn ${t.villageA2.name}`, `Xã ${t.communeA.name}`],
      [`T${go.id}`, `Thôn Gò ${s}`],
    ]);
    // The example row names the first village.
    expect(wb.worksheets[0].getCell("G2").value).toBe(`T${chua.id}`);

    // Filled in as a user would (rows below the example), the import takes it.
    wb.worksheets[0].addRow([`Mai Văn Gò ${s}`, "Nam", 1972, "", "Có", "Trưởng thôn", `T${go.id}`]);
    wb.worksheets[0].addRow([`Mai Thị An ${s}`, "Nữ", "", "", "", "", "08800"]);
    const outcome = await importCadres(staff, new Uint8Array(await wb.xlsx.writeBuffer()), "mau-nhap-can-bo.xlsx");
    expect(outcome).toEqual({ status: "imported", count: 2 });
    expect((await db.cadre.findMany({ where: { searchName: { contains: s } }, orderBy: { unitId: "asc" }, select: { unitId: true } })).map((c) => c.unitId)).toEqual([anHoa.id, go.id]);
  });
});

describe("export", () => {
  async function readBack(buffer: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  it("writes the filtered list with a heading, personal data for staff, neutralised formulas, and an audit row", async () => {
    const tag = uid();
    await createCadre(staffA, fields({ fullName: `=HYPERLINK("x") ${tag}`, position: "@chức vụ" }));
    await createCadre(staffA, fields({ fullName: `Đặng Văn Xuất ${tag}`, phone: "0900000009" }));
    const { buffer, count } = await exportCadresFor(staffA, filters({ q: tag }), new Date("2026-11-23T03:04:00Z"));
    expect(count).toBe(2);
    const rows = await readBack(buffer);
    expect(rows[0]).toEqual(["DANH SÁCH CÁN BỘ"]);
    expect(rows.flat()).toEqual(expect.arrayContaining([`Đơn vị: Huyện ${tree.districtA.name}`, "Thời điểm xuất: 23/11/2026 10:04", "Người xuất: Người thử (u" + staffA.userId + ")"]));
    const header = rows.find((r) => r[0] === "STT")!;
    expect(header).toEqual(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Điện thoại", "Đảng viên", "Chức vụ", "Đơn vị", "Thuộc", "Trạng thái"]);
    const data = rows.slice(rows.indexOf(header) + 1);
    // sorted by searchName: "=hyperlink…" before "dang…"
    expect(data.map((r) => r[1])).toEqual([`'=HYPERLINK("x") ${tag}`, `Đặng Văn Xuất ${tag}`]);
    expect(data[1]).toEqual([2, `Đặng Văn Xuất ${tag}`, "Nam", 1978, "0900000009", "Có", "Bí thư chi bộ", `Thôn ${tree.villageA1.name}`, `Xã ${tree.communeA.name}`, "Đang công tác"]);
    expect(data[0][6]).toBe("'@chức vụ");
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "cadre.personal-data.read", actorId: staffA.userId, data: { path: ["via"], equals: "export" } } });
    expect(log.data).toMatchObject({ count: 2, filters: { q: tag }, personalData: true });
  });

  it("leaves phone and birth year out for a province leader", async () => {
    const tag = uid();
    await createCadre(staffA, fields({ fullName: `Tô Văn Kín ${tag}`, phone: "0911111111" }));
    const { buffer } = await exportCadresFor(leader, filters({ q: tag }));
    const rows = await readBack(buffer);
    const header = rows.find((r) => r[0] === "STT")!;
    expect(header).not.toContain("Điện thoại");
    expect(header).not.toContain("Năm sinh");
    expect(JSON.stringify(rows)).not.toContain("0911111111");
    expect(rows.flat()).toContain(`Đơn vị: Tỉnh ${tree.province.name}`);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "cadre.export", actorId: leader.userId } });
    expect(log.data).toMatchObject({ count: 1, personalData: false });
  });
});
