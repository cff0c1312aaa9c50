import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { db } from "@/lib/db/client";
import { safeCell } from "@/lib/export/safe-cell";
import { formatDate } from "@/lib/format";
import { createPetition } from "@/lib/petitions/intake";
import { listPetitions, parsePetitionFilters, petitionListWhere, rolledUpTotal, type PetitionFilters } from "@/lib/petitions/list";
import { intakeSchema } from "@/lib/petitions/schemas";
import { OPEN_STATUSES } from "@/lib/petitions/status";
import { PetitionStatus } from "@/lib/generated/prisma/enums";
import { listApiPetitions, petitionListQuery } from "@/lib/api/petitions";
import { actorAt, buildTree, createField, createUser, type Tree } from "../support/factories";

let tree: Tree;
let staff: ReturnType<typeof actorAt>;
let fieldA: number;
let fieldB: number;
const NOW = new Date("2026-04-15T03:00:00Z");

async function add(receivedOn: string, over: Record<string, string> = {}) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn,
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: "Phạm Thị Lan",
    unitId: String(tree.villageA1.id),
    fieldId: String(fieldA),
    content: "Đề nghị sửa đèn chiếu sáng đường làng.",
    ...over,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(staff, parsed.data, NOW);
}

const filters = (params: Record<string, string> = {}): PetitionFilters => parsePetitionFilters(params);

beforeAll(async () => {
  tree = await buildTree();
  fieldA = (await createField()).id;
  fieldB = (await createField()).id;
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  for (let i = 1; i <= 12; i++) await add(`2026-03-${String(i).padStart(2, "0")}`);
  await add("2026-03-20", { petitionerName: "Nguyễn Văn Đức", content: "Phản ánh ô nhiễm từ trại chăn nuôi lợn.", fieldId: String(fieldB), channel: "HOTLINE" });
  await add("2026-03-21", { unitId: String(tree.villageA2.id) });
  // Another district's petition, entered by its own staff.
  const other = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(), receivedOn: "2026-03-22", channel: "RECEPTION", petitionerKind: "ANONYMOUS",
    unitId: String(tree.villageB1.id), fieldId: String(fieldA), content: "Đề nghị sửa đèn chiếu sáng đường làng.",
  });
  if (parsed.ok) await createPetition(other, parsed.data, NOW);
  // Two overdue and one due soon to be resolved; the ten left unassigned are overdue to be assigned (5 working
  // days from receipt, decision 051).
  const ids = (await db.petition.findMany({ where: { unit: { ancestorIds: { has: tree.districtA.id } } }, orderBy: { receivedOn: "asc" }, select: { id: true } })).map((p) => p.id);
  await db.petition.updateMany({ where: { id: { in: ids.slice(0, 2) } }, data: { status: "ASSIGNED", dueOn: new Date("2026-04-01") } });
  await db.petition.update({ where: { id: ids[2] }, data: { status: "IN_PROGRESS", dueOn: new Date("2026-04-18") } });
  await db.petition.update({ where: { id: ids[3] }, data: { status: "RESOLVED", resolution: "EXPLAINED", dueOn: new Date("2026-04-01") } });
});

describe("petition list", () => {
  it("lists the subtree only, newest first, and counts it", async () => {
    const page = await listPetitions(staff, filters(), NOW);
    expect(page.total).toBe(14);
    expect(page.items[0].receivedOn.toISOString().slice(0, 10)).toBe("2026-03-21");
    expect(page.items.every((i) => i.unitName.includes("Đình") || i.unitName.includes("Phú Thọ"))).toBe(true);
  });

  it("walks every row once with keyset pages, in any sort", async () => {
    for (const [sort, dir] of [["receivedOn", "desc"], ["receivedOn", "asc"], ["code", "asc"], ["dueOn", "asc"], ["dueOn", "desc"]] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        // Pages of 3 (below the sizes the URL allows) to cross many page boundaries.
        const page = await listPetitions(staff, { ...filters({ sort, dir }), limit: 3, cursor }, NOW);
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.length, `${sort} ${dir}`).toBe(14);
      expect(new Set(seen).size, `${sort} ${dir}`).toBe(14);
    }
  });

  it("pages through with a cursor and no row twice", async () => {
    const first = await listPetitions(staff, { ...filters({ sort: "dueOn", dir: "asc" }), limit: 25 }, NOW);
    // Received Thursday 05/03, never assigned: due to be assigned by 12/03.
    expect(first.items[0].dueOn?.toISOString().slice(0, 10)).toBe("2026-03-12");
    expect(first.items[0].dueFor).toBe("ASSIGNMENT");
    expect(first.items.at(-1)?.dueOn?.toISOString().slice(0, 10)).toBe("2026-04-18");
    const small = { ...filters({ sort: "dueOn", dir: "asc" }), limit: 5 };
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPetitions(staff, { ...small, cursor }, NOW);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual(first.items.map((i) => i.id));
  });

  it("filters by status, field, channel, unit, dates, overdue, due soon and resolution", async () => {
    const count = async (params: Record<string, string>) => (await listPetitions(staff, filters(params), NOW)).total;
    expect(await count({ status: "ASSIGNED,IN_PROGRESS" })).toBe(3);
    expect(await count({ field: String(fieldB) })).toBe(1);
    expect(await count({ channel: "HOTLINE" })).toBe(1);
    expect(await count({ unit: String(tree.villageA2.id) })).toBe(1);
    expect(await count({ from: "2026-03-10", to: "2026-03-12" })).toBe(3);
    expect(await count({ overdue: "1" })).toBe(12);
    expect(await count({ dueWithin: "5" })).toBe(1);
    expect(await count({ resolution: "EXPLAINED" })).toBe(1);
    const overdue = await listPetitions(staff, filters({ overdue: "1" }), NOW);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    const unassigned = overdue.items.filter((i) => i.status === "RECEIVED");
    expect(unassigned.map((i) => i.dueFor)).toEqual(Array(10).fill("ASSIGNMENT"));
  });

  it("lists the petitions resolved, reopened or escalated in a period, by Vietnam's days, the latest first, in keyset pages (issue 14)", async () => {
    const ids = (await db.petition.findMany({ where: { unit: { ancestorIds: { has: tree.districtA.id } } }, orderBy: { receivedOn: "asc" }, select: { id: true } })).map((p) => p.id);
    // 17:00 UTC on 31 March is midnight of 1 April in Vietnam; 16:59 is still 31 March there.
    const moments = ["2026-03-31T16:59:00Z", "2026-03-31T17:00:00Z", "2026-04-10T03:00:00Z", "2026-04-30T16:59:59Z", "2026-04-30T17:00:00Z"];
    for (const [i, at] of moments.entries()) await db.petition.update({ where: { id: ids[5 + i] }, data: { resolvedAt: new Date(at), resolution: "SETTLED", reopenedAt: i % 2 ? new Date(at) : null } });
    await db.petition.update({ where: { id: ids[11] }, data: { escalatedAt: new Date("2026-04-02T01:00:00Z") } });
    try {
      const april = { from: "2026-04-01", to: "2026-04-30" };
      const resolved = await listPetitions(staff, filters({ ...april, dateOf: "resolved" }), NOW);
      expect(resolved.items.map((i) => i.id)).toEqual([ids[8], ids[7], ids[6]]);
      expect(resolved.total).toBe(3);
      expect((await listPetitions(staff, filters({ ...april, dateOf: "reopened" }), NOW)).items.map((i) => i.id)).toEqual([ids[8], ids[6]]);
      expect((await listPetitions(staff, filters({ ...april, dateOf: "escalated" }), NOW)).items.map((i) => i.id)).toEqual([ids[11]]);
      // Unbounded on one side, and in pages of one: each row once, in the same order.
      const all = await listPetitions(staff, filters({ dateOf: "resolved", to: "2026-04-30" }), NOW);
      expect(all.items.map((i) => i.id)).toEqual([ids[8], ids[7], ids[6], ids[5]]);
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPetitions(staff, { ...filters({ dateOf: "resolved", to: "2026-04-30" }), limit: 1, cursor }, NOW);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all.items.map((i) => i.id));
      // Another order keeps the same rows.
      const byCode = await listPetitions(staff, filters({ ...april, dateOf: "resolved", sort: "code", dir: "asc" }), NOW);
      expect(byCode.items.map((i) => i.id).sort()).toEqual([ids[6], ids[7], ids[8]].sort());
      // A received-date cursor does not fit the resolution order: the list starts over.
      expect(parsePetitionFilters({ dateOf: "bogus" }).dateOf).toBe("received");
    } finally {
      await db.petition.updateMany({ where: { id: { in: [...ids.slice(5, 10), ids[11]] } }, data: { resolvedAt: null, resolution: null, reopenedAt: null, escalatedAt: null } });
    }
  });

  it("searches without accents; names only for those who may see them", async () => {
    const found = await listPetitions(staff, filters({ q: "nguyen van duc" }), NOW);
    expect(found.items.map((i) => i.petitionerName)).toEqual(["Nguyễn Văn Đức"]);
    expect((await listPetitions(staff, filters({ q: "o nhiem chan nuoi" }), NOW)).total).toBe(1);
    const leader = actorAt(tree.province, "PROVINCE_LEADER", staff.userId);
    expect((await listPetitions(leader, filters({ q: "nguyen van duc" }), NOW)).total).toBe(0);
    const byContent = await listPetitions(leader, filters({ q: "o nhiem" }), NOW);
    expect(byContent.items.map((i) => i.petitionerName)).toEqual(["N***** V** Đ**"]);
  });

  it("counts a petition open exactly when its status is one of OPEN_STATUSES (the generated isOpen column)", async () => {
    const [one] = await db.petition.findMany({ where: { unit: { ancestorIds: { has: tree.districtA.id } } }, take: 1, select: { id: true, status: true } });
    const seen: Record<string, boolean | null> = {};
    for (const status of Object.values(PetitionStatus)) {
      await db.petition.update({ where: { id: one.id }, data: { status } });
      seen[status] = (await db.petition.findUniqueOrThrow({ where: { id: one.id }, select: { isOpen: true } })).isOpen;
    }
    await db.petition.update({ where: { id: one.id }, data: { status: one.status } });
    expect(seen).toEqual(Object.fromEntries(Object.values(PetitionStatus).map((s) => [s, (OPEN_STATUSES as readonly string[]).includes(s)])));
  });

  it("reads a place by its own entries, and a village by its unit ids, exactly as through the tree (decisions 028, 039)", async () => {
    const leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
    const admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
    const cases: [ReturnType<typeof actorAt>, Record<string, string>][] = [
      [staff, {}],
      [staff, { overdue: "1" }],
      [staff, { unit: String(tree.communeA.id), q: "den" }],
      [leader, {}],
      [leader, { q: "den" }],
      [leader, { status: "RECEIVED,ASSIGNED,IN_PROGRESS", sort: "dueOn" }],
      [admin, { unit: String(tree.province.id) }],
      [admin, { unit: String(tree.communeB.id), sort: "code" }],
      [staff, { status: "ASSIGNED,IN_PROGRESS", sort: "dueOn", dir: "asc" }],
      [staff, { q: "den", sort: "code" }],
      [staff, { unit: String(tree.communeB.id) }],
      [leader, { unit: String(tree.districtA.id) }],
      [leader, { unit: String(tree.villageB1.id), sort: "code", dir: "desc" }],
      [leader, { sort: "code" }],
      [leader, { sort: "code", dir: "desc", channel: "HOTLINE" }],
      [leader, { sort: "code", q: "den" }],
    ];
    for (const [actor, params] of cases) {
      // In a date or code order (a search's best-match order is the next describe's).
      const f = filters({ sort: "receivedOn", ...params, limit: "25" });
      const order = f.sort === "dueOn" ? { dueOn: { sort: f.dir, nulls: "last" as const } } : { [f.sort]: f.dir };
      const expected = await db.petition.findMany({ where: petitionListWhere(actor, f, NOW), orderBy: [order, { id: f.dir }], take: 25, select: { id: true } });
      const page = await listPetitions(actor, f, NOW);
      expect(page.items.map((i) => i.id), `${actor.duties.join("+")} ${JSON.stringify(params)}`).toEqual(expected.map((p) => p.id));
    }
    // A unit outside the actor's reach: nothing, as through the tree.
    expect((await listPetitions(staff, filters({ unit: String(tree.communeB.id) }), NOW)).items).toEqual([]);
    expect((await listPetitions(leader, filters({ unit: String(tree.villageB1.id) }), NOW)).items.length).toBe(1);
  });

  it("counts from the rollups exactly what a row-by-row count gives, for the filters they hold, and only those", async () => {
    const leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
    const answerable: Record<string, string>[] = [
      {},
      { unit: String(tree.communeA.id) },
      { unit: String(tree.villageA2.id) },
      { status: "ASSIGNED,IN_PROGRESS" },
      { status: "RECEIVED,ASSIGNED,IN_PROGRESS", from: "2026-03-01", to: "2026-03-31" },
      { field: String(fieldB) },
      { field: String(fieldA), from: "2026-02-01", to: "2026-04-30" },
      { from: "2026-04-01" },
      { overdue: "1" },
      { dueWithin: "7" },
      // The dashboards' other figures, each by its own month (decision 044).
      { dateOf: "resolved" },
      { dateOf: "resolved", from: "2026-04-01", to: "2026-04-30" },
      { dateOf: "resolved", resolution: "SETTLED", from: "2026-03-01", to: "2026-04-30" },
      { dateOf: "resolved", resolution: "EXPLAINED", field: String(fieldA) },
      { dateOf: "reopened", from: "2026-04-01", to: "2026-06-30" },
      { dateOf: "escalated", unit: String(tree.communeA.id) },
    ];
    const ids = (await db.petition.findMany({ where: { unit: { ancestorIds: { has: tree.districtA.id } } }, orderBy: { receivedOn: "asc" }, select: { id: true } })).map((p) => p.id);
    const touched = [ids[5], ids[6], ids[7], ids[8]];
    await db.petition.update({ where: { id: ids[5] }, data: { resolvedAt: new Date("2026-03-31T16:59:00Z"), resolution: "SETTLED" } });
    await db.petition.update({ where: { id: ids[6] }, data: { resolvedAt: new Date("2026-03-31T17:00:00Z"), resolution: "EXPLAINED", reopenedAt: new Date("2026-04-02T03:00:00Z") } });
    await db.petition.update({ where: { id: ids[7] }, data: { resolvedAt: new Date("2026-04-20T03:00:00Z"), resolution: "SETTLED" } });
    await db.petition.update({ where: { id: ids[8] }, data: { escalatedAt: new Date("2026-04-03T03:00:00Z") } });
    try {
      for (const actor of [staff, leader]) {
        for (const params of answerable) {
          const f = filters(params);
          const exact = await db.petition.count({ where: petitionListWhere(actor, f, NOW) });
          expect(await rolledUpTotal(actor, f, NOW), JSON.stringify(params)).toBe(exact);
        }
      }
      expect(await rolledUpTotal(staff, filters({ dateOf: "resolved" }), NOW)).toBe(3);
      // A resolution kind of a reopening, or a day within a month, is counted row by row.
      expect(await rolledUpTotal(staff, filters({ dateOf: "reopened", resolution: "SETTLED" }), NOW)).toBeNull();
      expect(await rolledUpTotal(staff, filters({ dateOf: "resolved", from: "2026-04-02" }), NOW)).toBeNull();
    } finally {
      await db.petition.updateMany({ where: { id: { in: touched } }, data: { resolvedAt: null, resolution: null, reopenedAt: null, escalatedAt: null } });
    }
    expect((await listPetitions(leader, filters({ status: "ASSIGNED,IN_PROGRESS" }), NOW)).totalExact).toBe(true);
    const unanswerable: Record<string, string>[] = [{ q: "den" }, { channel: "HOTLINE" }, { status: "ASSIGNED", field: String(fieldA) }, { from: "2026-03-02" }, { to: "2026-03-30" }, { overdue: "1", field: String(fieldA) }];
    for (const params of unanswerable) {
      expect(await rolledUpTotal(staff, filters(params), NOW), JSON.stringify(params)).toBeNull();
    }
    // A unit outside the actor's subtree is not counted from the rollups (the list shows nothing there).
    expect(await rolledUpTotal(staff, filters({ unit: String(tree.communeB.id) }), NOW)).toBeNull();
  });

  it("reads an empty GET form as no filter", () => {
    const f = parsePetitionFilters({ q: "", status: "", field: "", agency: "", unit: "", from: "", to: "", dueWithin: "", resolution: "", limit: "50" });
    expect(f).toMatchObject({ q: undefined, status: [], field: undefined, unit: undefined, dueWithin: undefined, resolution: undefined, limit: 50 });
  });

  it("drops nonsense in the URL instead of failing", () => {
    const f = parsePetitionFilters({ status: "RECEIVED,BOGUS", sort: "x", limit: "7", field: "abc", from: "2026-13-45", overdue: "yes" });
    expect(f).toMatchObject({ status: ["RECEIVED"], sort: "relevance", limit: 50, field: undefined, from: undefined, overdue: false });
  });
});

describe("petition export", () => {
  const label = (key: string) => key;
  /** The file as the client receives it: the body is streamed. */
  const bytesOf = async (file: { body: ReadableStream<Uint8Array> }) => new Uint8Array(await new Response(file.body).arrayBuffer());

  it("writes the filtered rows to xlsx under a report heading, formulas neutralised, and audits it", async () => {
    const { exportPetitions } = await import("@/lib/petitions/export");
    const ExcelJS = (await import("exceljs")).default;
    await add("2026-03-25", { content: "=HYPERLINK(\"http://x\") đề nghị kiểm tra", petitionerName: "+Trần Văn An" });
    const file = await exportPetitions(staff, filters({ from: "2026-03-25", to: "2026-03-25" }), "xlsx", label, NOW);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytesOf(file)).buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell("A1").value).toBe("reportTitle");
    expect(sheet.getRow(8).getCell(1).value).toBe("code");
    const row = sheet.getRow(9);
    expect(String(row.getCell(1).value)).toMatch(/^246-2026-/);
    // Days are dates that sort, shown dd/mm/yyyy.
    expect(row.getCell(2).value).toEqual(new Date("2026-03-25T00:00:00Z"));
    expect(row.getCell(2).numFmt).toBe("dd/mm/yyyy");
    expect(row.getCell(4).value).toBe("'+Trần Văn An");
    expect(row.getCell(10).value).toBe("'=HYPERLINK(\"http://x\") đề nghị kiểm tra");
    expect(sheet.rowCount).toBe(9);
    // Laid out for reading and printing: the heading frozen, bold, the content wrapped, landscape one page wide.
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 8 });
    expect(sheet.getRow(8).getCell(1).font?.bold).toBe(true);
    expect(row.getCell(10).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(sheet.getColumn(10).width).toBe(60);
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const entry = await db.auditLog.findFirst({ where: { action: "petition.export", actorId: staff.userId }, orderBy: { id: "desc" } });
    expect(entry?.data).toMatchObject({ format: "xlsx", rows: 1, personalData: true });
  });

  it("says in its heading which filters made it, and how many rows it holds (issue 14)", async () => {
    const { exportPetitions } = await import("@/lib/petitions/export");
    const ExcelJS = (await import("exceljs")).default;
    const field = await db.petitionField.findUniqueOrThrow({ where: { id: fieldA }, select: { name: true } });
    const read = async (params: Record<string, string>) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await bytesOf(await exportPetitions(staff, filters(params), "xlsx", label, NOW))).buffer as ArrayBuffer);
      return book.worksheets[0];
    };
    const narrow = await read({ status: "RECEIVED,ASSIGNED", field: String(fieldA), unit: String(tree.communeA.id), q: "đèn", channel: "HOTLINE", overdue: "1" });
    expect(String(narrow.getCell("A3").value)).toBe("reportPeriodOf.received: anyTime");
    expect(String(narrow.getCell("A4").value)).toBe(
      `reportFilters: statuses.RECEIVED, statuses.ASSIGNED · ${field.name} · ${tree.communeA.typeLabel} ${tree.communeA.name} · channels.HOTLINE · filterOverdue · filterSearch «đèn»`,
    );
    // The count above the rows is the rows'.
    const params = { status: "RECEIVED,ASSIGNED", field: String(fieldA) };
    const expected = await listPetitions(staff, { ...filters(params), limit: 200 }, NOW);
    expect(expected.items.length).toBeGreaterThan(1);
    const sheet = await read(params);
    expect(String(sheet.getCell("A6").value)).toBe(`reportRows: ${expected.items.length}`);
    expect(sheet.rowCount).toBe(8 + expected.items.length);
    // With none, the heading says so: the rows are every petition of the user's reach.
    const unfiltered = await exportPetitions(staff, filters(), "xlsx", label, NOW);
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load((await bytesOf(unfiltered)).buffer as ArrayBuffer);
    expect(String(whole.worksheets[0].getCell("A4").value)).toBe("reportFilters: noFilters");
  });

  it("lists the same petitions as the list, newest first, each with its place, field, agency, deadline and status", async () => {
    const { exportPetitions } = await import("@/lib/petitions/export");
    const agency = await db.agency.findFirst({ where: { unit: { ancestorIds: { has: tree.districtA.id } } }, select: { id: true, name: true } });
    const listed = [];
    let cursor: string | undefined;
    do {
      const page = await listPetitions(staff, { ...filters({ from: "2026-03-01", to: "2026-03-31" }), cursor }, NOW);
      listed.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (agency) await db.petition.update({ where: { id: listed[0].id }, data: { agencyId: agency.id } });
    const file = await exportPetitions(staff, filters({ from: "2026-03-01", to: "2026-03-31", format: "csv" }), "csv", label, NOW);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytesOf(file)).trim().split("\r\n").slice(1);
    expect(lines).toHaveLength(listed.length);
    const rows = await db.petition.findMany({
      where: { id: { in: listed.map((p) => p.id) } },
      select: { id: true, code: true, content: true, dueOn: true, agencyId: true, field: { select: { name: true } }, agency: { select: { name: true } }, unit: { select: { typeLabel: true, name: true, parent: { select: { typeLabel: true, name: true } } } } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    listed.forEach((item, i) => {
      const r = byId.get(item.id)!;
      const cells = lines[i].match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));
      expect(cells[0], `row ${i}`).toBe(r.code);
      expect(cells[1]).toBe(formatDate(item.receivedOn));
      expect(cells[6]).toBe(`${r.unit.typeLabel} ${r.unit.name}`);
      expect(cells[7]).toBe(r.unit.parent ? `${r.unit.parent.typeLabel} ${r.unit.parent.name}` : "");
      expect(cells[8]).toBe(r.field.name);
      expect(cells[9]).toBe(safeCell(r.content));
      expect(cells[10]).toBe(r.agency?.name ?? "");
      // The deadline to assign while no agency holds it, then the deadline to resolve (decision 051).
      expect(cells[11]).toBe(r.dueOn && r.agencyId === null ? formatDate(r.dueOn) : "");
      expect(cells[12]).toBe(r.dueOn && r.agencyId !== null ? formatDate(r.dueOn) : "");
      expect(cells[13]).toBe(`statuses.${item.status}`);
    });
    if (agency) expect(lines[0]).toContain(agency.name);
  });

  it("masks personal data for a province leader, in csv too", async () => {
    const { exportPetitions } = await import("@/lib/petitions/export");
    const leader = actorAt(tree.province, "PROVINCE_LEADER", staff.userId);
    const file = await exportPetitions(leader, filters({ q: "o nhiem" }), "csv", label, NOW);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytesOf(file));
    expect(text.startsWith("\uFEFFcode,")).toBe(true);
    expect(text).toContain("N***** V** Đ**");
    expect(text).not.toContain("Nguyễn Văn Đức");
    expect(text.trim().split("\r\n")).toHaveLength(2);
  });
});

// Issue 12, finding 7: the list page with a forged cursor, ids past 2^31, year 0000 or a NUL byte
// answered 500. Its rule: what makes no sense is dropped, and the list shows.
describe("the petition list with a malformed address", () => {
  it("drops what makes no sense and lists, whatever the parameters", async () => {
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");
    const addresses: Record<string, string>[] = [
      { cursor: forged(["garbage", 1]) },
      { sort: "dueOn", cursor: forged(["garbage", 1]) },
      { sort: "code", cursor: forged(["a\u0000", 1]) },
      { cursor: forged(["2026-01-01", 99999999999]) },
      { unit: "2147483648", field: "99999999999", agency: "2147483648" },
      { from: "0000-01-01", to: "0001-12-31" },
      { q: "đèn\u0000 chiếu" },
    ];
    for (const params of addresses) {
      const page = await listPetitions(staff, filters(params), NOW);
      expect(page.items.length, JSON.stringify(params)).toBeGreaterThan(0);
    }
  });
});


// Issue 14: "do van khai" found 19 petitions, 18 of them unrelated ("công khai", "Đoài"), newest first.
describe("a search, best match first", () => {
  it("lists the petitioner's full name first, then the phrase, whole words, starts of words and the rest, newest first in each", async () => {
    const other = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
    const leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
    const made: Record<string, number> = {};
    const entries: [string, string, string, string][] = [
      ["name", "2026-02-01", "Đỗ Văn Khải", "Đề nghị cấp lại sổ đỏ."],
      ["startsOfWords", "2026-02-10", "Trần Thị Mai", "Đề nghị công khai quy hoạch thôn Đoài, văn bản số 12."],
      ["phrase", "2026-02-15", "Lê Văn Dũng", "Ông Đỗ Văn Khải phản ánh đường hỏng."],
      ["wholeWords", "2026-02-20", "Hà Thị Thu", "Đo đạc lại đất vạn niên, khai hoang bãi bồi."],
      ["startsOfWords2", "2026-02-25", "Vũ Minh", "Đoàn kiểm tra vận hành trạm bơm, khai thác cát."],
      ["rest", "2026-02-28", "Phí Lan", "Thương lái Lado, Savan và Bakhai mua nông sản."],
    ];
    for (const [key, receivedOn, petitionerName, content] of entries) {
      const parsed = await parseInput(intakeSchema, {
        idempotencyKey: randomUUID(), receivedOn, channel: "RECEPTION", petitionerKind: "PERSON", petitionerName,
        unitId: String(tree.villageB1.id), fieldId: String(fieldA), content,
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
      made[key] = (await createPetition(other, parsed.data, NOW)).id;
    }
    const order = ["name", "phrase", "wholeWords", "startsOfWords2", "startsOfWords", "rest"].map((k) => made[k]);
    const search = { q: "do van khai", from: "2026-02-01", to: "2026-02-28" };
    const page = await listPetitions(other, filters(search), NOW);
    expect(page.items.map((p) => p.id)).toEqual(order);
    expect(page.total).toBe(6);
    // One at a time, through the cursors: the same order, none twice, none missed.
    const walked: number[] = [];
    let f = { ...filters(search), limit: 1 };
    for (let i = 0; i < 10; i++) {
      const one = await listPetitions(other, f, NOW);
      walked.push(...one.items.map((p) => p.id));
      if (!one.nextCursor) break;
      f = { ...f, cursor: one.nextCursor };
    }
    expect(walked).toEqual(order);
    // /api/v1/petitions orders the same way, and refuses a cursor forged for it.
    const api = await listApiPetitions(other, petitionListQuery.parse(search));
    expect(api.items.map((p) => p.id)).toEqual(order);
    const forged = Buffer.from(JSON.stringify(["9|2026-02-01", 1])).toString("base64url");
    expect(petitionListQuery.safeParse({ ...search, cursor: forged }).success).toBe(false);
    // Without names to search (a province leader), the phrase leads; chosen by date, newest first.
    expect((await listPetitions(leader, filters(search), NOW)).items.map((p) => p.id)).toEqual(order.slice(1));
    const byDate = await listPetitions(other, filters({ ...search, sort: "receivedOn" }), NOW);
    expect(byDate.items.map((p) => p.id)).toEqual([...order].sort((a, b) => b - a));
    // No search: newest first, whatever "relevance" says.
    expect((await listPetitions(other, filters({ from: "2026-02-01", to: "2026-02-28" }), NOW)).items.map((p) => p.id)).toEqual([...order].sort((a, b) => b - a));
  });
});
