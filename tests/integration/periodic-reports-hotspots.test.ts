/**
 * Hotspots of public opinion and template editing (issue 17, decision 080) on a real database: a commune lists
 * hotspots in its report while it is with the commune, they are fixed once sent and as approved, they roll up to
 * the district and the province (the list, filtered and paged, and the map's marks), out of reach is not found;
 * the district's report shows them for its writer to draw on. A province administrator saves a template in place
 * while unused, and a new version once a report has used it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { addHotspot, removeHotspot } from "@/lib/periodic-reports/hotspots";
import { hotspotMarks, hotspotsBelow, hotspotsOfReport } from "@/lib/periodic-reports/hotspot-queries";
import { decideReport, saveReport, startReport } from "@/lib/periodic-reports/mutations";
import { parseReportPeriod } from "@/lib/periodic-reports/period";
import { approvedBelow } from "@/lib/periodic-reports/queries";
import { addHotspotSchema, removeHotspotSchema, saveTemplateSchema } from "@/lib/periodic-reports/schemas";
import { saveTemplate, templatesOf } from "@/lib/periodic-reports/template-admin";
import { actorAt, buildTree, createUser, type Tree } from "../support/factories";

let tree: Tree;
let commune: Actor;
let communeB: Actor;
let district: Actor;
let otherDistrict: Actor;
let province: Actor;
let provinceAdmin: Actor;
let districtAdmin: Actor;
let reportId: number;
const PERIOD = parseReportPeriod("2026-03")!;
const NOW = new Date("2026-04-05T03:00:00Z");
const strings = (raw: Record<string, string | number | string[]>) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));

async function add(actor: Actor, raw: Record<string, string | number>) {
  const parsed = await parseInput(addHotspotSchema, strings(raw));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return addHotspot(actor, parsed.data);
}
const hotspot = (placeUnitId: number, severity: string, topic = "Khiếu kiện đông người về giải phóng mặt bằng") => ({ reportId, placeUnitId, topic, severity, people: 40, actions: "Tổ công tác đối thoại với các hộ dân." });
const version = async (id: number) => (await db.periodicReport.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  tree = await buildTree();
  commune = actorAt(tree.communeA, "COMMUNE_COMMITTEE", (await createUser(tree.communeA, "COMMUNE_COMMITTEE")).id);
  communeB = actorAt(tree.communeB, "COMMUNE_COMMITTEE", (await createUser(tree.communeB, "COMMUNE_COMMITTEE")).id);
  district = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA, "DISTRICT_STAFF")).id);
  otherDistrict = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB, "DISTRICT_STAFF")).id);
  province = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  provinceAdmin = actorAt(tree.province, "ADMIN", (await createUser(tree.province, "ADMIN")).id);
  districtAdmin = actorAt(tree.districtA, "ADMIN", (await createUser(tree.districtA, "ADMIN")).id);
  ({ reportId } = await startReport(commune, { unitId: tree.communeA.id, period: "2026-03" }, NOW));
});

describe("hotspots in a commune's report", () => {
  it("are listed by the commune's writer, placed in its subtree only", async () => {
    await add(commune, hotspot(tree.villageA1.id, "SERIOUS"));
    await add(commune, hotspot(tree.communeA.id, "WATCH", "Tranh chấp đất đai giữa các hộ"));
    // A place outside the commune, a writer of another unit, a reader above: refused.
    await expect(add(commune, hotspot(tree.villageB1.id, "WATCH"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(add(communeB, hotspot(tree.villageA1.id, "WATCH"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(add(district, hotspot(tree.villageA1.id, "WATCH"))).rejects.toMatchObject({ code: "INVALID_STATE" });
    const rows = await hotspotsOfReport(reportId);
    expect(rows.map((h) => [h.place.id, h.severity])).toEqual([
      [tree.villageA1.id, "SERIOUS"],
      [tree.communeA.id, "WATCH"],
    ]);
    expect((await db.auditLog.findMany({ where: { action: "periodic-report.hotspot-add", entityId: String(reportId) } })).length).toBe(2);
  });

  it("refuse a bad form: no topic, a severity off the scale, negative people, removal unconfirmed", async () => {
    expect((await parseInput(addHotspotSchema, strings({ ...hotspot(tree.villageA1.id, "SERIOUS"), topic: "  " }))).ok).toBe(false);
    expect((await parseInput(addHotspotSchema, strings(hotspot(tree.villageA1.id, "APOCALYPTIC")))).ok).toBe(false);
    expect((await parseInput(addHotspotSchema, strings({ ...hotspot(tree.villageA1.id, "SERIOUS"), people: -1 }))).ok).toBe(false);
    expect((await parseInput(removeHotspotSchema, { hotspotId: "1" })).ok).toBe(false);
  });

  it("do not roll up while the report is a draft", async () => {
    expect((await hotspotsBelow(province, tree.province.id, PERIOD))!.total).toBe(0);
  });

  it("are fixed once sent, roll up to the district and the province, and stay as approved", async () => {
    await saveReport(commune, { reportId, version: await version(reportId), intent: "submit", situation: "Có điểm nóng.", results: "Đã đối thoại." });
    await expect(add(commune, hotspot(tree.villageA2.id, "CRITICAL"))).rejects.toMatchObject({ code: "INVALID_STATE" });
    const first = (await hotspotsOfReport(reportId))[0];
    await expect(removeHotspot(commune, { hotspotId: first.id, confirm: "on" })).rejects.toMatchObject({ code: "INVALID_STATE" });

    for (const [actor, unit] of [[district, tree.districtA], [province, tree.province]] as const) {
      const list = (await hotspotsBelow(actor, unit.id, PERIOD))!;
      expect(list.total).toBe(2);
      expect(list.items.map((h) => h.severity)).toEqual(["SERIOUS", "WATCH"]);
      expect(list.items[0].report.unit.id).toBe(tree.communeA.id);
    }
    expect((await hotspotsBelow(province, tree.province.id, PERIOD, { severity: "SERIOUS" }))!.items.map((h) => h.place.id)).toEqual([tree.villageA1.id]);
    expect((await hotspotsBelow(province, tree.province.id, PERIOD, { severity: "CRITICAL" }))!.total).toBe(0);
    // Another period: none. Out of reach: not found; the other district's subtree: none of these.
    expect((await hotspotsBelow(province, tree.province.id, parseReportPeriod("2026-02")!))!.total).toBe(0);
    expect(await hotspotsBelow(otherDistrict, tree.districtA.id, PERIOD)).toBeNull();
    expect(await hotspotsBelow(communeB, tree.communeA.id, PERIOD)).toBeNull();
    expect((await hotspotsBelow(otherDistrict, tree.districtB.id, PERIOD))!.total).toBe(0);
    // The quarter holds the month's.
    expect((await hotspotsBelow(province, tree.province.id, parseReportPeriod("2026-Q1")!))!.total).toBe(2);

    // The map's marks: the province's child is the district, the district's the commune.
    const marks = await hotspotMarks(tree.province, PERIOD);
    expect([...marks.entries()]).toEqual([[tree.districtA.id, { count: 2, worst: "SERIOUS" }]]);
    expect([...(await hotspotMarks(tree.districtA, PERIOD)).entries()]).toEqual([[tree.communeA.id, { count: 2, worst: "SERIOUS" }]]);
    expect((await hotspotMarks(tree.districtB, PERIOD)).size).toBe(0);

    await decideReport(district, { reportId, version: await version(reportId), decision: "approve" });
    expect((await hotspotsOfReport(reportId)).length).toBe(2);
    await expect(add(commune, hotspot(tree.villageA2.id, "CRITICAL"))).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("are listed on the district's own report for its writer to draw on", async () => {
    const below = (await approvedBelow(district, tree.districtA.id, PERIOD))!;
    expect(below.items.map((i) => [i.unit.id, i.hotspots.map((h) => h.topic)])).toEqual([[tree.communeA.id, ["Khiếu kiện đông người về giải phóng mặt bằng", "Tranh chấp đất đai giữa các hộ"]]]);
  });

  it("can be edited again once the report is reopened, and removed with a confirmation", async () => {
    await decideReport(district, { reportId, version: await version(reportId), decision: "reopen", comment: "Bổ sung điểm nóng.", confirm: "on" });
    const [first] = await hotspotsOfReport(reportId);
    await expect(removeHotspot(communeB, { hotspotId: first.id, confirm: "on" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeHotspot(commune, { hotspotId: first.id, confirm: "on" });
    expect((await hotspotsOfReport(reportId)).map((h) => h.id)).not.toContain(first.id);
    // Returned is not sent: nothing rolls up until it is sent again.
    expect((await hotspotsBelow(province, tree.province.id, PERIOD))!.total).toBe(0);
  });
});

describe("editing templates", () => {
  const form = (extra: Record<string, string | string[]>) =>
    parseInput(saveTemplateSchema, { level: "COMMUNE", kind: "MONTH", figureKeys: ["received", "resolved"], sectionKeys: ["situation", "results", "proposals"], deadlineDay: "8", confirm: "on", ...extra });

  it("refuses a template without the required sections, a deadline past the 28th, an unknown figure, or no confirmation", async () => {
    expect((await form({ shownVersion: "0", sectionKeys: ["results"] })).ok).toBe(false);
    expect((await form({ shownVersion: "0", deadlineDay: "31" })).ok).toBe(false);
    expect((await form({ shownVersion: "0", figureKeys: ["received", "<script>"] })).ok).toBe(false);
    expect((await form({ shownVersion: "0", confirm: "" })).ok).toBe(false);
  });

  it("is for a province's (or the nation's) administrators only", async () => {
    const parsed = await form({ shownVersion: "0" });
    if (!parsed.ok) throw new Error("form");
    await expect(saveTemplate(districtAdmin, parsed.data)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveTemplate(province, parsed.data)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await templatesOf(districtAdmin)).toBeNull();
    expect(await templatesOf(province)).toBeNull();
  });

  it("changes an unused version in place, then makes a new version once a report has used it", async () => {
    const first = await form({ shownVersion: "0" });
    if (!first.ok) throw new Error("form");
    expect(await saveTemplate(provinceAdmin, first.data)).toEqual({ version: 1, newVersion: true });
    const again = await form({ shownVersion: "1", deadlineDay: "9" });
    if (!again.ok) throw new Error("form");
    expect(await saveTemplate(provinceAdmin, again.data)).toEqual({ version: 1, newVersion: false });
    // A stale form (it showed none of the province's own) is a conflict.
    await expect(saveTemplate(provinceAdmin, first.data)).rejects.toMatchObject({ code: "CONFLICT" });
    const listed = (await templatesOf(provinceAdmin))!.find((t) => t.level === "COMMUNE" && t.kind === "MONTH")!;
    expect(listed).toMatchObject({ origin: "own", version: 1, frozen: false, deadlineDay: 9, sectionKeys: ["situation", "results", "proposals"] });

    // Commune B starts April's report on version 1 (its deadline the 9th): version 1 is frozen.
    const { reportId: aprilB } = await startReport(communeB, { unitId: tree.communeB.id, period: "2026-04" }, new Date("2026-05-02T03:00:00Z"));
    const used = await db.periodicReport.findUniqueOrThrow({ where: { id: aprilB }, include: { template: true } });
    expect(used.template.version).toBe(1);
    expect(used.dueOn.toISOString().slice(0, 10)).toBe("2026-05-09");
    expect((await templatesOf(provinceAdmin))!.find((t) => t.level === "COMMUNE" && t.kind === "MONTH")!.frozen).toBe(true);

    const third = await form({ shownVersion: "1", deadlineDay: "12" });
    if (!third.ok) throw new Error("form");
    expect(await saveTemplate(provinceAdmin, third.data)).toEqual({ version: 2, newVersion: true });
    // The report keeps the version it was written on.
    const still = await db.periodicReport.findUniqueOrThrow({ where: { id: aprilB }, include: { template: true } });
    expect([still.template.version, still.template.deadlineDay]).toEqual([1, 9]);
    expect((await db.auditLog.findMany({ where: { action: "periodic-template.save" } })).map((a) => (a.data as { version: number }).version)).toEqual([1, 1, 2]);
  });
});
