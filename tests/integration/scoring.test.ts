/**
 * Village scoring sheets (issue 18, decision 078) on a real database: a province's template of 3 sections and
 * 10 criteria, versioned and frozen once used; sheets with bounds checked and automatic criteria filled from the
 * meetings and petitions; the ranking, the weakest share, the xlsx export read back, against totals computed
 * here separately; reach; the average village score of the dashboards and /api/v1/rollup.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { parsePeriod } from "@/lib/dashboards/period";
import { db } from "@/lib/db/client";
import { parseReportPeriod } from "@/lib/periodic-reports/period";
import { exportRanking } from "@/lib/scoring/export";
import { saveSheet, saveTemplate, setWeakestShare } from "@/lib/scoring/mutations";
import { distributionOf, rankingOf, sheetOf } from "@/lib/scoring/queries";
import { rankingPageFor, scoredPeriodsShared } from "@/lib/scoring/page-data";
import { scoringVersion } from "@/lib/cache/versioned";
import { averageScoresOf, villageScoresFor } from "@/lib/scoring/rollup";
import { sheetSchema, templateSchema, weakestShareSchema } from "@/lib/scoring/schemas";
import { templateFor } from "@/lib/scoring/template";
import { getApiRollup, rollupQuery } from "@/lib/api/rollup";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createField, createOrganisation, createPetition, createUser, uid, type Tree } from "../support/factories";

let tree: Tree;
let admin: Actor;
let commune: Actor;
let otherDistrict: Actor;
let viewer: Actor;
const PERIOD = parseReportPeriod("2026-Q1")!;
const NOW = new Date("2026-04-05T03:00:00Z");

const strings = (raw: Record<string, string | number>) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
async function parsed<S extends Parameters<typeof parseInput>[0]>(schema: S, raw: Record<string, string | number>) {
  const result = await parseInput(schema, strings(raw));
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.data as never;
}

/** The template of the check: 3 sections, 10 criteria, two of them automatic. */
const ROWS: [string, string, number, number, string][] = [
  ["I. Tổ chức và hoạt động", "Sinh hoạt tổ dân vận hằng tháng", 10, 1, "TEAM_MEETINGS"],
  ["", "Tổ dân vận có đủ thành viên", 10, 1, ""],
  ["", "Ghi chép biên bản đầy đủ", 5, 2, ""],
  ["II. Nắm tình hình Nhân dân", "Kiến nghị giải quyết đúng hạn", 10, 2, "PETITIONS_ON_TIME"],
  ["", "Nắm và báo cáo tình hình kịp thời", 10, 1, ""],
  ["", "Hòa giải ở cơ sở", 5, 1.5, ""],
  ["", "Không có đơn thư vượt cấp", 5, 1, ""],
  ["III. Phong trào thi đua", "Mô hình Dân vận khéo", 10, 1, ""],
  ["", "Xây dựng nông thôn mới", 10, 0.5, ""],
  ["", "Khu dân cư văn hóa", 5, 1, ""],
];
const templateForm = (unitId: number, rows = ROWS, name = "Bảng chấm điểm thôn 2026") => ({
  unitId,
  name,
  ...Object.fromEntries(rows.flatMap(([section, label, max, weight, auto], i) => [[`row.${i}.section`, section], [`row.${i}.label`, label], [`row.${i}.max`, max], [`row.${i}.weight`, weight], [`row.${i}.auto`, auto]])),
});

/** Typed points per criterion number (1-based), automatic ones left out. */
const A1_TYPED: Record<number, number> = { 2: 8, 3: 4.5, 5: 9, 6: 5, 7: 5, 8: 7.25, 9: 10, 10: 3 };
const A2_TYPED: Record<number, number> = { 2: 10, 3: 5, 5: 10, 6: 4, 7: 5, 8: 10, 9: 6, 10: 5 };
const sheetForm = (villageId: number, typed: Record<number, number>, version = 0) => ({
  villageId,
  period: PERIOD.key,
  version,
  ...Object.fromEntries(Object.entries(typed).map(([n, v]) => [`score.c${n}`, v])),
});

/**
 * The totals computed here on their own: points × weight summed over the rows as written above, the automatic
 * ones from what the test put in the database (A1: 2 of 3 months met; A2: no team, 1 of 2 petitions on time).
 */
function expectedTotals(typed: Record<number, number>, auto: { meetings: number; onTime: number }) {
  let total = 0;
  let max = 0;
  ROWS.forEach(([, , m, w, kind], i) => {
    const points = kind === "TEAM_MEETINGS" ? auto.meetings : kind === "PETITIONS_ON_TIME" ? auto.onTime : typed[i + 1];
    total += points * w;
    max += m * w;
  });
  return { total: Number(total.toFixed(2)), max, percent: Number(((total / max) * 100).toFixed(2)) };
}
const A1 = () => expectedTotals(A1_TYPED, { meetings: 6.67, onTime: 10 });
const A2 = () => expectedTotals(A2_TYPED, { meetings: 0, onTime: 5 });

beforeAll(async () => {
  tree = await buildTree();
  admin = actorAt(tree.province, "ADMIN", (await createUser(tree.province, "ADMIN")).id);
  commune = actorAt(tree.communeA, "COMMUNE_COMMITTEE", (await createUser(tree.communeA, "COMMUNE_COMMITTEE")).id);
  otherDistrict = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB, "DISTRICT_STAFF")).id);
  viewer = actorAt(tree.province, "VIEWER", (await createUser(tree.province, "VIEWER")).id);
  // Village A1's team met in January and February 2026, not in March.
  const { org } = await createOrganisation(tree.villageA1, "TEAM", ["Nguyễn Văn Bí"], { establishedOn: new Date("2020-01-01") });
  for (const day of ["2026-01-10", "2026-02-12"]) await db.meeting.create({ data: { kind: "TEAM_MONTHLY", unitId: tree.villageA1.id, organisationId: org.id, heldOn: new Date(day), createdById: commune.userId } });
  // Village A2: two petitions resolved in March, one by its deadline, one after it.
  const field = await createField();
  const onTime = await createPetition(tree.villageA2, commune.userId, field.id);
  const late = await createPetition(tree.villageA2, commune.userId, field.id);
  await db.petition.update({ where: { id: onTime.id }, data: { status: "RESOLVED", resolution: "SETTLED", dueOn: new Date("2026-03-20"), resolvedAt: new Date("2026-03-10T03:00:00Z") } });
  await db.petition.update({ where: { id: late.id }, data: { status: "RESOLVED", resolution: "SETTLED", dueOn: new Date("2026-03-05"), resolvedAt: new Date("2026-03-10T03:00:00Z") } });
});

describe("the province's template", () => {
  it("is kept by a province administrator only, at a province", async () => {
    await expect(saveTemplate(commune, await parsed(templateSchema, templateForm(tree.province.id)))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveTemplate(viewer, await parsed(templateSchema, templateForm(tree.province.id)))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const districtAdmin = actorAt(tree.districtA, "ADMIN", admin.userId);
    await expect(saveTemplate(districtAdmin, await parsed(templateSchema, templateForm(tree.districtA.id)))).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(saveTemplate(districtAdmin, await parsed(templateSchema, templateForm(tree.province.id)))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("groups the rows into 3 sections of 10 criteria and is edited in place while unused", async () => {
    const first = await saveTemplate(admin, await parsed(templateSchema, templateForm(tree.province.id, ROWS, "Bản nháp")));
    expect(first).toMatchObject({ version: 1, created: true });
    const again = await saveTemplate(admin, await parsed(templateSchema, templateForm(tree.province.id)));
    expect(again).toMatchObject({ templateId: first.templateId, version: 1, created: false });
    const template = (await templateFor(db, tree.villageA1))!;
    expect(template.name).toBe("Bảng chấm điểm thôn 2026");
    expect(template.sections.map((s) => [s.title, s.criteria.length])).toEqual([["I. Tổ chức và hoạt động", 3], ["II. Nắm tình hình Nhân dân", 4], ["III. Phong trào thi đua", 3]]);
    expect(template.sections[1].criteria[0]).toEqual({ key: "c4", label: "Kiến nghị giải quyết đúng hạn", max: 10, weight: 2, auto: "PETITIONS_ON_TIME" });
    expect(await db.auditLog.count({ where: { action: "scoring.template.save", entityId: String(first.templateId) } })).toBe(2);
  });

  it("refuses rows out of bounds before anything is stored", async () => {
    const bad = await parseInput(templateSchema, strings(templateForm(tree.province.id, [["I", "Tiêu chí", 0, 1, ""], ["", "Khác", 2000, 1, ""], ["", "Ba", 5, 1.234, "X"]])));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors!)).toEqual(expect.arrayContaining(["row.0.max", "row.1.max", "row.2.weight", "row.2.auto"]));
    const none = await parseInput(templateSchema, strings({ unitId: tree.province.id, name: "Rỗng" }));
    expect(none.ok).toBe(false);
  });
});

describe("sheets", () => {
  it("are scored by the commune in its reach only, with the bounds checked", async () => {
    await expect(saveSheet(otherDistrict, await parsed(sheetSchema, sheetForm(tree.villageA1.id, A1_TYPED)), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const over = saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA1.id, { ...A1_TYPED, 3: 5.5 })), NOW);
    await expect(over).rejects.toMatchObject({ code: "INVALID_STATE", fieldErrors: { "score.c3": ["Điểm phải từ 0 đến 5."] } });
    const missing = saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA1.id, { 2: 8 })), NOW);
    await expect(missing).rejects.toMatchObject({ fieldErrors: expect.objectContaining({ "score.c5": ["Vui lòng nhập điểm."] }) });
    await expect(saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA1.id, { ...A1_TYPED, 2: -1 })), NOW)).rejects.toMatchObject({ code: "INVALID_STATE" });
    // A period that has not begun, a commune instead of a village.
    await expect(saveSheet(commune, await parsed(sheetSchema, { ...sheetForm(tree.villageA1.id, A1_TYPED), period: "2026-Q3" }), NOW)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.communeA.id, A1_TYPED)), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.scoreSheet.count({ where: { villageId: { in: [tree.villageA1.id, tree.villageA2.id] } } })).toBe(0);
  });

  it("fill the automatic criteria from the meetings and the petitions, whatever the form sent", async () => {
    const a1 = await saveSheet(commune, await parsed(sheetSchema, { ...sheetForm(tree.villageA1.id, A1_TYPED), "score.c1": 10 }), NOW);
    const a2 = await saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA2.id, A2_TYPED)), NOW);
    expect([a1.total, a1.maxTotal, a1.percent]).toEqual([A1().total, A1().max, A1().percent]);
    expect([a2.total, a2.maxTotal, a2.percent]).toEqual([A2().total, A2().max, A2().percent]);
    const { sheet } = await sheetOf(tree.villageA1, PERIOD);
    expect(sheet!.scores.c1).toBe(6.67);
    expect(sheet!.scores.c4).toBe(10);
    expect((await sheetOf(tree.villageA2, PERIOD)).sheet!.scores).toMatchObject({ c1: 0, c4: 5 });
    expect(await db.auditLog.count({ where: { action: "scoring.sheet.create", entityId: { in: [String(a1.sheetId), String(a2.sheetId)] } } })).toBe(2);
  });

  it("match on their version: a stale save is a conflict", async () => {
    const { sheet } = await sheetOf(tree.villageA2, PERIOD);
    await expect(saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA2.id, A2_TYPED, 0)), NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    await saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA2.id, A2_TYPED, sheet!.version)), NOW);
    await expect(saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA2.id, A2_TYPED, sheet!.version)), NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("a used template", () => {
  it("is frozen: an edit makes version 2, and the old sheets keep version 1's criteria", async () => {
    const v1 = (await templateFor(db, tree.villageA1))!;
    expect((await db.scoringTemplate.findUniqueOrThrow({ where: { id: v1.id } })).frozenAt).not.toBeNull();
    const edited = ROWS.map((r, i) => (i === 9 ? (["", "Khu dân cư văn hóa tiêu biểu", 20, 1, ""] as (typeof ROWS)[number]) : r));
    const v2 = await saveTemplate(admin, await parsed(templateSchema, templateForm(tree.province.id, edited)));
    expect(v2).toMatchObject({ version: 2, created: true });
    expect((await templateFor(db, tree.villageA1))!.id).toBe(v2.templateId);
    // Version 1 is as it was; village A1's sheet still reads it, and saving it again keeps it.
    const { sheet, template } = await sheetOf(tree.villageA1, PERIOD);
    expect(template!.id).toBe(v1.id);
    expect(template!.sections[2].criteria[2]).toMatchObject({ label: "Khu dân cư văn hóa", max: 5 });
    await expect(saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA1.id, { ...A1_TYPED, 10: 12 }, sheet!.version)), NOW)).rejects.toMatchObject({ fieldErrors: { "score.c10": ["Điểm phải từ 0 đến 5."] } });
    await saveSheet(commune, await parsed(sheetSchema, sheetForm(tree.villageA1.id, A1_TYPED, sheet!.version)), NOW);
    expect((await db.scoreSheet.findUniqueOrThrow({ where: { id: sheet!.id } })).templateId).toBe(v1.id);
    // A new sheet is scored on version 2.
    await saveSheet(commune, await parsed(sheetSchema, { ...sheetForm(tree.villageA1.id, { ...A1_TYPED, 10: 12 }), period: "2026-01" }), NOW);
    expect((await db.scoreSheet.findUniqueOrThrow({ where: { villageId_period: { villageId: tree.villageA1.id, period: "2026-01" } } })).templateId).toBe(v2.templateId);
  });
});

describe("results", () => {
  it("rank the villages with the totals computed separately, and mark the weakest share", async () => {
    const ranking = await rankingOf(tree.province, PERIOD);
    expect(ranking.scored).toBe(2);
    expect(ranking.share).toBe(20);
    expect(ranking.weakest).toBe(1);
    const [best, worst] = [A1(), A2()].sort((x, y) => y.percent - x.percent);
    expect(ranking.rows.map((r) => [r.rank, r.total, r.maxTotal, r.percent])).toEqual([[1, best.total, best.max, best.percent], [2, worst.total, worst.max, worst.percent]]);
    expect(ranking.rows.map((r) => r.weakest)).toEqual([false, true]);
    expect((await rankingOf(tree.province, PERIOD, 1, { weakestOnly: true })).rows).toHaveLength(1);
    // The share is the province's to set: 100 % marks every village.
    await expect(setWeakestShare(commune, await parsed(weakestShareSchema, { unitId: tree.province.id, weakestShare: 100 }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setWeakestShare(admin, await parsed(weakestShareSchema, { unitId: tree.province.id, weakestShare: 100 }));
    expect((await rankingOf(tree.districtA, PERIOD)).rows.map((r) => r.weakest)).toEqual([true, true]);
    await setWeakestShare(admin, await parsed(weakestShareSchema, { unitId: tree.province.id, weakestShare: 20 }));
    // Another district sees none of them.
    expect((await rankingOf(tree.districtB, PERIOD)).scored).toBe(0);
    const buckets = await distributionOf(tree.province.id, PERIOD);
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(2);
    expect(buckets[Math.min(9, Math.floor(best.percent / 10))]).toBeGreaterThan(0);
  });

  it("are read once for identical ranking pages under way, and afresh for the next (decision 048)", async () => {
    const ask = () => rankingPageFor(admin, tree.province, PERIOD, 1, false);
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(second).toBe(first);
    expect(first.ranking.rows).toEqual((await rankingOf(tree.province, PERIOD)).rows);
    expect(first.shown.map((c) => c.id).sort()).toEqual([tree.districtA.id, tree.districtB.id].sort());
    expect(first.buckets.reduce((a, b) => a + b, 0)).toBe(2);
    const later = await ask();
    expect(later).not.toBe(first);
    expect(later.ranking.rows).toEqual(first.ranking.rows);
    expect(await scoredPeriodsShared(tree.province.id)).toContain(PERIOD.key);
  });

  it("export to xlsx in the template's layout with the same totals", async () => {
    const file = await exportRanking(admin, tree.province, PERIOD, 2, NOW);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const heading = rows.findIndex((r) => r[0] === "STT");
    expect(rows[heading].slice(3, 6)).toEqual(["I. Tổ chức và hoạt động", undefined, undefined].map((v, i) => (i === 0 ? v : rows[heading][3 + i])));
    expect(rows[heading]).toContain("II. Nắm tình hình Nhân dân");
    expect(String(rows[heading + 1][3])).toContain("Sinh hoạt tổ dân vận hằng tháng (tối đa 10; hệ số 1");
    const data = rows.slice(heading + 2);
    const byName = new Map(data.map((r) => [r[1], r]));
    for (const [village, expected, typed] of [[tree.villageA1, A1(), A1_TYPED], [tree.villageA2, A2(), A2_TYPED]] as const) {
      const row = byName.get(`Thôn ${village.name}`)!;
      expect(row.slice(13, 16)).toEqual([expected.total, expected.max, expected.percent]);
      expect(row[4]).toBe(typed[2]);
    }
    expect(data.map((r) => r[17] ?? "")).toEqual(["", "x"]);
  });
});

describe("the average village score", () => {
  it("is the parent's over all its villages' sheets, and the children's sheets add up to it", async () => {
    // A third village, in the other district, scored low.
    const villageB2 = await insertUnit(db, { parentId: tree.communeB.id, level: "VILLAGE", typeLabel: "Thôn", name: `Đồng Lạc ${uid()}` });
    const b = actorAt(tree.districtB, "DISTRICT_STAFF", otherDistrict.userId);
    const low = await saveSheet(b, await parsed(sheetSchema, sheetForm(villageB2.id, { 2: 1, 3: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1 })), NOW);
    const scores = await averageScoresOf([tree.province.id, tree.districtA.id, tree.districtB.id], "2026-01-01", "2026-03-31");
    // A1 has two sheets overlapping the quarter (the quarter's and January's): three in district A.
    const a1Month = (await db.scoreSheet.findUniqueOrThrow({ where: { villageId_period: { villageId: tree.villageA1.id, period: "2026-01" } } })).percent;
    const all = [A1().percent, A2().percent, a1Month, low.percent];
    const mean = (xs: number[]) => Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10;
    expect(scores.get(tree.province.id)).toEqual({ average: mean(all), sheets: 4 });
    expect(scores.get(tree.districtA.id)).toEqual({ average: mean(all.slice(0, 3)), sheets: 3 });
    expect(scores.get(tree.districtB.id)).toEqual({ average: mean([low.percent]), sheets: 1 });
    // Not the average of the children's averages.
    expect(mean([mean(all.slice(0, 3)), low.percent])).not.toBe(mean(all));

    const dashboard = (await dashboardFor(viewer, tree.province.id, parsePeriod("2026-01-01", "2026-03-31"), "restated", NOW))!;
    expect(dashboard.kpis.averageVillageScore).toBe(mean(all));
    expect(dashboard.kpis.villageScoreSheets).toBe(4);
    expect(dashboard.children.reduce((n, c) => n + c.kpis.villageScoreSheets, 0)).toBe(4);
    expect(dashboard.children.find((c) => c.unit.id === tree.districtA.id)!.kpis.averageVillageScore).toBe(mean(all.slice(0, 3)));
    // The previous quarter has none.
    expect(dashboard.previous.averageVillageScore).toBeNull();

    const query = rollupQuery.parse({ unit: `id:${tree.province.id}`, from: "2026-01-01", to: "2026-03-31" });
    const api = (await getApiRollup(viewer, query))!;
    expect(api.kpis.averageVillageScore).toBe(mean(all));
    expect(api.children.reduce((n, c) => n + c.kpis.villageScoreSheets, 0)).toBe(api.kpis.villageScoreSheets);
    // Out of reach: the other district's staff reads no province.
    expect(await dashboardFor(otherDistrict, tree.province.id, parsePeriod("2026-01-01", "2026-03-31"), "restated", NOW)).toBeNull();
  });

  it("is kept with the sheets' and the tree's versions, and read again once a sheet is saved (decision 074)", async () => {
    const ids = [tree.province.id, tree.districtA.id, tree.districtB.id];
    const quarter = { from: "2026-01-01", to: "2026-03-31" };
    const before = await scoringVersion();
    const first = await villageScoresFor(ids, quarter);
    const again = await villageScoresFor(ids, quarter);
    // Another test file may save a sheet meanwhile: then the figures are read again, as they must be.
    if ((await scoringVersion()) === before) expect(again).toBe(first);
    const village = await insertUnit(db, { parentId: tree.communeB.id, level: "VILLAGE", typeLabel: "Thôn", name: `Kept ${uid()}` });
    const b = actorAt(tree.districtB, "DISTRICT_STAFF", otherDistrict.userId);
    await saveSheet(b, await parsed(sheetSchema, sheetForm(village.id, { 2: 1, 3: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1 })), NOW);
    expect(await scoringVersion()).not.toBe(before);
    const after = await villageScoresFor(ids, quarter);
    expect(after.current.get(tree.districtB.id)!.sheets).toBe(first.current.get(tree.districtB.id)!.sheets + 1);
    expect(after.current.get(tree.province.id)!.sheets).toBe(first.current.get(tree.province.id)!.sheets + 1);
    expect(after.current.get(tree.districtA.id)).toEqual(first.current.get(tree.districtA.id));
  });

});
