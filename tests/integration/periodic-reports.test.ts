/**
 * The periodic report's cycle (issue 17, decision 066) on a real database: a commune writes its report with
 * the dashboards' figures, the district returns it, the commune sends it again, the district approves it; a
 * petition closed after that leaves the approved figures as they were. Reach, who takes which step,
 * concurrent saves, completeness and the template's versions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/retry";
import { parseReportPeriod } from "@/lib/periodic-reports/period";
import { decideReport, refreshReport, saveReport, startReport } from "@/lib/periodic-reports/mutations";
import { approvedBelow, awaitingApproval, completenessOf, reportOfPeriod } from "@/lib/periodic-reports/queries";
import { decideReportSchema, saveReportSchema } from "@/lib/periodic-reports/schemas";
import { saveTemplateVersion } from "@/lib/periodic-reports/template";
import { actorAt, buildTree, createField, createPetition, createUser, type Tree } from "../support/factories";

let tree: Tree;
let commune: Actor;
let district: Actor;
let province: Actor;
let otherDistrict: Actor;
const PERIOD = parseReportPeriod("2026-03")!;
const NOW = new Date("2026-04-05T03:00:00Z");
let petitionId: number;

const sections = { situation: "Tình hình tư tưởng của Nhân dân ổn định.", results: "Các tổ dân vận sinh hoạt đều đặn." };
async function save(actor: Actor, raw: Record<string, string | number>) {
  const parsed = await parseInput(saveReportSchema, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return saveReport(actor, parsed.data);
}
async function decide(actor: Actor, raw: Record<string, string | number>) {
  const parsed = await parseInput(decideReportSchema, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return decideReport(actor, parsed.data);
}
const version = async (id: number) => (await db.periodicReport.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  tree = await buildTree();
  commune = actorAt(tree.communeA, "COMMUNE_COMMITTEE", (await createUser(tree.communeA, "COMMUNE_COMMITTEE")).id);
  district = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA, "DISTRICT_STAFF")).id);
  province = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
  otherDistrict = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB, "DISTRICT_STAFF")).id);
  const field = await createField();
  // Received on 2 March 2026 in a village of the commune, still open.
  petitionId = (await createPetition(tree.villageA1, district.userId, field.id)).id;
  await createPetition(tree.villageA2, district.userId, field.id);
});

describe("a commune's monthly report, up to the district and back", () => {
  let reportId: number;

  it("starts with the figures the reports page shows for the same unit and months", async () => {
    ({ reportId } = await startReport(commune, { unitId: tree.communeA.id, period: "2026-03" }, NOW));
    const dashboard = (await dashboardFor(commune, tree.communeA.id, PERIOD, "historical"))!;
    const page = (await reportOfPeriod(commune, tree.communeA.id, PERIOD, NOW))!;
    expect(page.report!.status).toBe("DRAFT");
    expect(page.report!.figures.received).toBe(2);
    expect(page.report!.figures.received).toBe(dashboard.kpis.received);
    expect(page.report!.figures.resolvedRate).toBe(dashboard.kpis.resolvedRate);
    expect(page.report!.figures.villages).toBe(dashboard.coverage.villages);
    expect(page.report!.writerSteps).toEqual(["save", "refresh", "submit"]);
    expect(page.dueOn.toISOString().slice(0, 10)).toBe("2026-04-10");
    // Starting again finds the same report; the template it used is frozen.
    expect((await startReport(commune, { unitId: tree.communeA.id, period: "2026-03" }, NOW)).reportId).toBe(reportId);
    const template = await db.reportTemplate.findFirstOrThrow({ where: { reports: { some: { id: reportId } } } });
    expect(template.frozenAt).not.toBeNull();
  });

  it("is written and refreshed by the commune only, and a stale save is a conflict", async () => {
    await expect(startReport(district, { unitId: tree.communeA.id, period: "2026-03" }, NOW)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(startReport(otherDistrict, { unitId: tree.communeA.id, period: "2026-03" }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(save(otherDistrict, { reportId, version: 0, intent: "save", ...sections })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(save(district, { reportId, version: 0, intent: "save", ...sections })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await save(commune, { reportId, version: 0, intent: "save", situation: sections.situation });
    await expect(save(commune, { reportId, version: 0, intent: "save", ...sections })).rejects.toMatchObject({ code: "CONFLICT" });
    await refreshReport(commune, { reportId, version: await version(reportId) });
    expect(await reportOfPeriod(otherDistrict, tree.communeA.id, PERIOD)).toBeNull();
  });

  it("needs the situation and the results before it is sent", async () => {
    const parsed = await parseInput(saveReportSchema, { reportId: String(reportId), version: "0", intent: "submit", situation: "  " });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.fieldErrors ?? {}).sort()).toEqual(["results", "situation"]);
  });

  it("is returned by the district with a comment, sent again, and approved", async () => {
    expect((await save(commune, { reportId, version: await version(reportId), intent: "submit", ...sections })).status).toBe("SUBMITTED");
    // Sent: the commune's steps close; the province above the district does not decide.
    await expect(save(commune, { reportId, version: await version(reportId), intent: "save", ...sections })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(decide(province, { reportId, version: await version(reportId), decision: "approve" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(decide(commune, { reportId, version: await version(reportId), decision: "approve" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await awaitingApproval(district)).items.map((r) => r.id)).toContain(reportId);
    expect((await awaitingApproval(otherDistrict)).items.map((r) => r.id)).not.toContain(reportId);

    await expect(parseInput(decideReportSchema, { reportId: String(reportId), version: "0", decision: "return" })).resolves.toMatchObject({ ok: false });
    expect((await decide(district, { reportId, version: await version(reportId), decision: "return", comment: "Bổ sung số liệu tổ dân vận thôn Đình." })).status).toBe("RETURNED");
    const returned = (await reportOfPeriod(commune, tree.communeA.id, PERIOD, NOW))!;
    expect(returned.report!.comments.map((c) => [c.kind, c.body])).toEqual([["return", "Bổ sung số liệu tổ dân vận thôn Đình."]]);
    expect(returned.report!.writerSteps).toEqual(["save", "refresh", "submit"]);

    await save(commune, { reportId, version: await version(reportId), intent: "submit", ...sections, results: `${sections.results} Đã bổ sung.` });
    expect((await decide(district, { reportId, version: await version(reportId), decision: "approve" })).status).toBe("APPROVED");
    const approved = await db.periodicReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(approved.approvedById).toBe(district.userId);
    expect((approved.narrative as Record<string, string>).results).toContain("Đã bổ sung.");
  });

  it("keeps its figures when a petition of the period is closed afterwards", async () => {
    const before = (await reportOfPeriod(commune, tree.communeA.id, PERIOD))!.report!.figures;
    const liveBefore = (await dashboardFor(commune, tree.communeA.id, PERIOD, "historical"))!.kpis;
    await db.petition.update({ where: { id: petitionId }, data: { status: "RESOLVED", resolution: "SETTLED", resolvedAt: new Date(), version: { increment: 1 } } });
    const liveAfter = (await dashboardFor(commune, tree.communeA.id, PERIOD, "historical"))!.kpis;
    expect(liveAfter.receivedResolved).toBe(liveBefore.receivedResolved + 1);
    expect(liveAfter.resolvedRate).not.toBe(liveBefore.resolvedRate);
    const after = (await reportOfPeriod(commune, tree.communeA.id, PERIOD))!.report!.figures;
    expect(after).toEqual(before);
    // Locked: no refresh, no save, no second approval.
    await expect(refreshReport(commune, { reportId, version: await version(reportId) })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(decide(district, { reportId, version: await version(reportId), decision: "approve" })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("is reopened only by the approving level, with the reason, and every step is audited", async () => {
    await expect(decide(province, { reportId, version: await version(reportId), decision: "reopen", comment: "Xem lại.", confirm: "on" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(decide(otherDistrict, { reportId, version: await version(reportId), decision: "reopen", comment: "Xem lại.", confirm: "on" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const noConfirm = await parseInput(decideReportSchema, { reportId: String(reportId), version: "0", decision: "reopen", comment: "Xem lại." });
    expect(noConfirm.ok).toBe(false);
    expect((await decide(district, { reportId, version: await version(reportId), decision: "reopen", comment: "Số liệu thôn Phú Thọ cần rà soát lại.", confirm: "on" })).status).toBe("RETURNED");
    const audits = await db.auditLog.findMany({ where: { entity: "PeriodicReport", entityId: String(reportId) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual([
      "periodic-report.start",
      "periodic-report.save",
      "periodic-report.refresh",
      "periodic-report.submit",
      "periodic-report.return",
      "periodic-report.submit",
      "periodic-report.approve",
      "periodic-report.reopen",
    ]);
    expect(audits.at(-1)!.actorId).toBe(district.userId);
    expect(audits.at(-1)!.data).toMatchObject({ from: "APPROVED", to: "RETURNED", comment: "Số liệu thôn Phú Thọ cần rà soát lại." });
  });
});

describe("completeness and timeliness", () => {
  it("names the units below that sent on time, late, or not at all", async () => {
    const month = parseReportPeriod("2026-02")!;
    const communeB2 = await db.unit.create({
      data: { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: "Hợp Lý", searchName: "xa hop ly", code: "08866", ancestorIds: [], depth: 3 },
    });
    await db.unit.update({ where: { id: communeB2.id }, data: { ancestorIds: [...tree.districtA.ancestorIds, communeB2.id] } });
    const { reportId } = await startReport(commune, { unitId: tree.communeA.id, period: "2026-02" }, NOW);
    await save(commune, { reportId, version: 0, intent: "submit", ...sections });
    // Sent after its deadline of 10 March.
    await db.periodicReport.update({ where: { id: reportId }, data: { submittedAt: new Date("2026-03-12T02:00:00Z") } });
    const result = (await completenessOf(district, tree.districtA.id, month, new Date("2026-03-20T02:00:00Z")))!;
    expect(result.rows.map((r) => [r.unit.id, r.standing])).toEqual(
      expect.arrayContaining([
        [tree.communeA.id, "late"],
        [communeB2.id, "missing"],
      ]),
    );
    expect(result.counts).toMatchObject({ units: 2, late: 1, missing: 1, onTime: 0, completeness: 50, timeliness: 0 });
    expect(await completenessOf(otherDistrict, tree.districtA.id, month)).toBeNull();

    // Approved, it is what the district's own report draws on: its counts added up, its text listed.
    expect((await approvedBelow(district, tree.districtA.id, month))!.items).toEqual([]);
    await decide(district, { reportId, version: await version(reportId), decision: "approve" });
    const below = (await approvedBelow(district, tree.districtA.id, month))!;
    const sent = (await reportOfPeriod(district, tree.communeA.id, month))!.report!.figures;
    expect(below.expected).toBe(2);
    expect(below.items.map((i) => [i.unit.id, i.narrative.situation])).toEqual([[tree.communeA.id, sections.situation]]);
    expect(below.summed.received).toBe(sent.received);
    expect(below.summed.villages).toBe(sent.villages);
    expect(below.summed).not.toHaveProperty("resolvedRate");
    expect(await approvedBelow(otherDistrict, tree.districtA.id, month)).toBeNull();
  });
});

describe("report templates", () => {
  it("keeps a used version frozen: a change makes the next version, which later reports use", async () => {
    const used = await db.reportTemplate.findFirstOrThrow({ where: { ownerUnitId: tree.nation.id, level: "COMMUNE", periodKind: "MONTH" }, orderBy: { version: "desc" } });
    expect(used.frozenAt).not.toBeNull();
    const next = await transaction((tx) => saveTemplateVersion(tx, tree.province.id, "COMMUNE", "MONTH", { figureKeys: ["received", "resolved"], sectionKeys: ["situation", "results"], deadlineDay: 5 }));
    expect(next.version).toBe(1);
    const again = await transaction((tx) => saveTemplateVersion(tx, tree.province.id, "COMMUNE", "MONTH", { figureKeys: ["received"], sectionKeys: ["situation"], deadlineDay: 6 }));
    expect(again.id).toBe(next.id);
    const { reportId } = await startReport(commune, { unitId: tree.communeA.id, period: "2026-01" }, NOW);
    const report = await db.periodicReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(report.templateId).toBe(next.id);
    expect(Object.keys(report.figures as object)).toEqual(["received"]);
    expect(report.dueOn.toISOString().slice(0, 10)).toBe("2026-02-06");
    const third = await transaction((tx) => saveTemplateVersion(tx, tree.province.id, "COMMUNE", "MONTH", { figureKeys: ["received", "overdue"], sectionKeys: ["situation"], deadlineDay: 6 }));
    expect(third.version).toBe(2);
    expect((await db.reportTemplate.findUniqueOrThrow({ where: { id: next.id } })).figureKeys).toEqual(["received"]);
  });
});
