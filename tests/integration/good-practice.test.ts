/**
 * "Dân vận khéo" models (issue 18, decision 076) on a real database: the life cycle from registration to
 * replication with its audit rows, who may recognise at which level, reach, concurrent edits, the list's
 * filters and accent-free search, and the figures: the dashboard's and /api/v1/rollup's `modelsRegistered` and
 * `modelsRecognised`, the children's adding up to the unit's, against counts written here from the rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { getApiRollup, rollupQuery } from "@/lib/api/rollup";
import type { Actor } from "@/lib/auth/actor";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { lastDayOfMonth, parsePeriod } from "@/lib/dashboards/period";
import { db } from "@/lib/db/client";
import { parseModelListParams } from "@/lib/good-practice/list-params";
import { assessModel, buildModel, recogniseModel, registerModel, replicateModel } from "@/lib/good-practice/mutations";
import { listModels, getModel } from "@/lib/good-practice/queries";
import { assessModelSchema, recogniseModelSchema, registerModelSchema, replicateModelSchema } from "@/lib/good-practice/schemas";
import { isoDay, todayInVietnam } from "@/lib/time";
import { actorAt, buildTree, createUser, type Tree } from "../support/factories";

let tree: Tree;
let commune: Actor;
let communeB: Actor;
let district: Actor;
let province: Actor;
let reader: Actor;
const today = isoDay(todayInVietnam());
const month = `${today.slice(0, 7)}-01`;
const PERIOD = parsePeriod(month, lastDayOfMonth(month));

async function parsed<S extends Parameters<typeof parseInput>[0]>(schema: S, raw: Record<string, string>) {
  const r = await parseInput(schema, raw);
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.data as never;
}
const register = async (actor: Actor, unitId: number, title: string, field = "ECONOMY") =>
  (await registerModel(actor, await parsed(registerModelSchema, { idempotencyKey: crypto.randomUUID(), unitId: String(unitId), field, year: today.slice(0, 4), title, description: "Họp dân bàn cách làm.", inCharge: "Nguyễn Văn Hùng" }))).modelId;
const version = async (id: number) => (await db.goodPracticeModel.findUniqueOrThrow({ where: { id } })).version;
const assess = async (actor: Actor, id: number, effective: boolean) =>
  assessModel(actor, await parsed(assessModelSchema, { modelId: String(id), version: String(await version(id)), score: "85", note: "Nhân dân đồng tình.", assessedOn: today, ...(effective ? { effective: "on" } : {}) }));
const recognise = async (actor: Actor, id: number, level: string) =>
  recogniseModel(actor, await parsed(recogniseModelSchema, { modelId: String(id), version: String(await version(id)), level, recognisedOn: today }));
const replicate = async (actor: Actor, id: number, unitId: number) =>
  replicateModel(actor, await parsed(replicateModelSchema, { modelId: String(id), version: String(await version(id)), unitId: String(unitId), adoptedOn: today }));
/** Through to recognition at `level` by `by`. */
async function recognised(by: Actor, registrar: Actor, unitId: number, title: string, level: string) {
  const id = await register(registrar, unitId, title);
  await buildModel(registrar, { modelId: id, version: 0 });
  await assess(by, id, true);
  await recognise(by, id, level);
  return id;
}

beforeAll(async () => {
  tree = await buildTree();
  commune = actorAt(tree.communeA, "COMMUNE_COMMITTEE", (await createUser(tree.communeA, "COMMUNE_COMMITTEE")).id);
  communeB = actorAt(tree.communeB, "COMMUNE_COMMITTEE", (await createUser(tree.communeB, "COMMUNE_COMMITTEE")).id);
  district = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA, "DISTRICT_STAFF")).id);
  province = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  reader = actorAt(tree.province, "ADMIN", (await createUser(tree.province, "ADMIN")).id);
});

describe("a model's life cycle", () => {
  it("goes from registered to replicated in two villages, each step audited, and a stale form is a conflict", async () => {
    const id = await register(commune, tree.communeA.id, "Tổ hợp tác chè an toàn");
    expect((await getModel(commune, id))!.status).toBe("REGISTERED");
    await expect(assess(commune, id, true)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await buildModel(commune, { modelId: id, version: 0 });
    await expect(buildModel(commune, { modelId: id, version: 0 })).rejects.toMatchObject({ code: "CONFLICT" });
    await assess(commune, id, false);
    // Not effective: not recognised; assessed again, effective.
    await expect(recognise(commune, id, "COMMUNE")).rejects.toMatchObject({ code: "INVALID_STATE" });
    await assess(commune, id, true);
    // A commune's user recognises at the commune's level, not the district's.
    await expect(recognise(commune, id, "DISTRICT")).rejects.toMatchObject({ code: "INVALID_STATE" });
    await recognise(commune, id, "COMMUNE");
    await replicate(commune, id, tree.villageA1.id);
    await replicate(commune, id, tree.villageA2.id);
    await expect(replicate(commune, id, tree.villageA2.id)).rejects.toMatchObject({ code: "DUPLICATE" });
    // A village outside the commune's reach is not found; the model's own unit is refused.
    await expect(replicate(commune, id, tree.villageB1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(replicate(commune, id, tree.communeA.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    const model = (await getModel(commune, id))!;
    expect(model).toMatchObject({ status: "REPLICATED", recognitionLevel: "COMMUNE", assessmentScore: 85, effective: true });
    expect(model.replications.map((r) => r.unit.id).sort()).toEqual([tree.villageA1.id, tree.villageA2.id].sort());
    // The district raises the recognition to its level; the commune may not lower it, nor give the same again.
    await recognise(district, id, "DISTRICT");
    await expect(recognise(district, id, "COMMUNE")).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await getModel(commune, id))!).toMatchObject({ status: "REPLICATED", recognitionLevel: "DISTRICT" });
    const audits = await db.auditLog.findMany({ where: { entity: "GoodPracticeModel", entityId: String(id) }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual([
      "good-practice.register",
      "good-practice.build",
      "good-practice.assess",
      "good-practice.assess",
      "good-practice.recognise",
      "good-practice.replicate",
      "good-practice.replicate",
      "good-practice.recognise",
    ]);
  });

  it("registers once for a form sent twice", async () => {
    const key = crypto.randomUUID();
    const input = await parsed(registerModelSchema, { idempotencyKey: key, unitId: String(tree.villageA1.id), field: "OTHER", year: today.slice(0, 4), title: "Ngày Chủ nhật xanh", description: "Dọn vệ sinh.", inCharge: "Lò Thị Mai" });
    const [a, b] = await Promise.all([registerModel(commune, input), registerModel(commune, input)]);
    expect(a.modelId).toBe(b.modelId);
    expect(await db.goodPracticeModel.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("is out of reach for a neighbouring commune: not found, read or written", async () => {
    const id = await register(commune, tree.communeA.id, "Camera an ninh tự quản");
    expect(await getModel(communeB, id)).toBeNull();
    await expect(buildModel(communeB, { modelId: id, version: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(register(communeB, tree.communeA.id, "Mượn tên")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listModels(communeB, parseModelListParams({}))).rows.some((r) => r.id === id)).toBe(false);
  });

  it("refuses bounds before any work: a score over 100, a year far ahead, a day in the future", async () => {
    const bad = await parseInput(assessModelSchema, { modelId: "1", version: "0", score: "101", note: "x", assessedOn: "2100-01-01" });
    expect(bad.ok).toBe(false);
    expect(Object.keys(!bad.ok ? bad.fieldErrors ?? {} : {}).sort()).toEqual(["assessedOn", "score"]);
    const year = await parseInput(registerModelSchema, { idempotencyKey: crypto.randomUUID(), unitId: "1", field: "ECONOMY", year: "2999", title: "a", description: "b", inCharge: "c" });
    expect(!year.ok && year.fieldErrors?.year).toBeTruthy();
  });
});

describe("the list", () => {
  it("filters by field, status and year and finds a title typed without accents", async () => {
    const id = await register(commune, tree.villageA2.id, "Xóm trọ văn minh", "CULTURE_SOCIETY");
    const found = await listModels(commune, parseModelListParams({ q: "XOM TRO van minh", field: "CULTURE_SOCIETY", status: "REGISTERED", year: today.slice(0, 4) }));
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    expect((await listModels(commune, parseModelListParams({ q: "xom tro", field: "ECONOMY" }))).total).toBe(0);
    // A LIKE wildcard typed matches only itself.
    expect((await listModels(commune, parseModelListParams({ q: "%" }))).total).toBe(0);
    const sorted = await listModels(commune, parseModelListParams({ sort: "title", dir: "asc" }));
    const titles = sorted.rows.map((r) => r.title);
    expect(titles.length).toBeGreaterThan(2);
    expect(sorted.total).toBe(await db.goodPracticeModel.count({ where: { unit: { ancestorIds: { has: tree.communeA.id } } } }));
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "vi")));
    // A stale link past the last page shows the last page.
    const past = await listModels(commune, parseModelListParams({ page: "999" }));
    expect(past.page).toBe(past.pages);
    expect(past.rows.length).toBeGreaterThan(0);
  });
});

describe("the figures", () => {
  it("count models registered and recognised in the period, the children's adding up to the province's, on the reports and in the API", async () => {
    const before = (await dashboardFor(reader, tree.province.id, PERIOD, "restated"))!;
    await recognised(province, communeB, tree.communeB.id, "Thắp sáng đường quê", "PROVINCE");
    await recognised(province, province, tree.province.id, "Đảng viên nhận đỡ đầu hộ khó khăn", "PROVINCE");
    await register(district, tree.districtA.id, "Dân vận khéo trong dồn điền đổi thửa");
    const dashboard = (await dashboardFor(reader, tree.province.id, PERIOD, "restated"))!;
    // Written from the rows: models of the province's subtree registered, and recognised, this month.
    const inSubtree = { unit: { ancestorIds: { has: tree.province.id } } };
    const registered = await db.goodPracticeModel.count({ where: { ...inSubtree, registeredOn: { gte: new Date(PERIOD.from), lte: new Date(PERIOD.to) } } });
    const recognisedNow = await db.goodPracticeModel.count({ where: { ...inSubtree, recognisedOn: { gte: new Date(PERIOD.from), lte: new Date(PERIOD.to) } } });
    expect(dashboard.kpis.modelsRegistered).toBe(registered);
    expect(dashboard.kpis.modelsRecognised).toBe(recognisedNow);
    expect(dashboard.kpis.modelsRegistered - before.kpis.modelsRegistered).toBe(3);
    expect(dashboard.kpis.modelsRecognised - before.kpis.modelsRecognised).toBe(2);
    // The children's add up to the province's, less the province's own.
    const own = await db.goodPracticeModel.count({ where: { unitId: tree.province.id, registeredOn: { gte: new Date(PERIOD.from), lte: new Date(PERIOD.to) } } });
    const sum = dashboard.children.reduce((n, c) => n + c.kpis.modelsRegistered, 0);
    expect(own).toBe(1);
    expect(sum + own).toBe(dashboard.kpis.modelsRegistered);
    const districtA = dashboard.children.find((c) => c.unit.id === tree.districtA.id)!;
    expect(districtA.kpis.modelsRegistered).toBe(await db.goodPracticeModel.count({ where: { unit: { ancestorIds: { has: tree.districtA.id } }, registeredOn: { gte: new Date(PERIOD.from) } } }));
    // The year's table: the total is the sum of the fields; new this year counted among the standing.
    const fieldsSum = dashboard.models.byField.reduce((n, f) => n + f.counts.registered, 0);
    expect(dashboard.models.total.registered).toBe(fieldsSum);
    expect(dashboard.models.total.recognised.PROVINCE).toBe(2);
    expect(dashboard.models.total.new).toBeLessThanOrEqual(dashboard.models.total.registered);

    const query = rollupQuery.parse({ unit: `id:${tree.province.id}`, from: PERIOD.from, to: PERIOD.to });
    const api = (await getApiRollup(reader, query))!;
    expect(api.kpis).toMatchObject({ modelsRegistered: registered, modelsRecognised: recognisedNow });
    expect(api.children.reduce((n, c) => n + c.kpis.modelsRecognised, 0) + 1).toBe(api.kpis.modelsRecognised);
    // Out of reach: not found.
    expect(await getApiRollup(communeB, rollupQuery.parse({ unit: `id:${tree.province.id}`, from: PERIOD.from, to: PERIOD.to }))).toBeNull();
  });
});
