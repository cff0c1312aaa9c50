import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { exportDashboard } from "@/lib/dashboards/export";
import { periodContaining } from "@/lib/dashboards/period";
import { setThreshold, thresholdFor, thresholdSchema } from "@/lib/dashboards/threshold";
import { db } from "@/lib/db/client";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema } from "@/lib/petitions/schemas";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createField, createUser, uid, type Tree } from "../support/factories";

let tree: Tree;
const label = (key: string, values?: Record<string, string>) => (values ? `${key} ${JSON.stringify(values)}` : key);

beforeAll(async () => {
  tree = await buildTree();
});

describe("the on-time threshold", () => {
  it("is set by the province's leader, applies to its subtree, and is audited", async () => {
    const leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
    expect(await thresholdFor(tree.villageA1)).toEqual({ value: 80, owner: null });
    await setThreshold(leader, { unitId: tree.province.id, onTimeRate: 90 });
    await setThreshold(leader, { unitId: tree.province.id, onTimeRate: 70 });
    const applied = await thresholdFor(tree.villageA1);
    expect(applied.value).toBe(70);
    expect(applied.owner?.id).toBe(tree.province.id);
    const audits = await db.auditLog.findMany({ where: { action: "report.threshold", entityId: String(tree.province.id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.data)).toEqual([{ from: null, to: 90 }, { from: 90, to: 70 }]);
  });

  it("is not found outside the leader's subtree or without the right, and only provinces keep one", async () => {
    const other = await insertUnit(db, { parentId: tree.nation.id, level: "PROVINCE", typeLabel: "Tỉnh", name: `Lai Châu ${uid()}`, code: "12" });
    const leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province, "PROVINCE_LEADER")).id);
    await expect(setThreshold(leader, { unitId: other.id, onTimeRate: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
    await expect(setThreshold(staff, { unitId: tree.districtA.id, onTimeRate: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setThreshold(leader, { unitId: tree.districtA.id, onTimeRate: 50 })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.reportThreshold.findUnique({ where: { unitId: other.id } })).toBeNull();
  });

  it("refuses what is not a whole number from 0 to 100, in Vietnamese", async () => {
    for (const bad of ["101", "-1", "12.5", "abc", ""]) {
      const parsed = await parseInput(thresholdSchema, { unitId: String(tree.province.id), onTimeRate: bad });
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.fieldErrors?.onTimeRate?.[0]).toBe("Ngưỡng phải là số nguyên từ 0 đến 100.");
    }
  });
});

describe("the xlsx report", () => {
  it("lays out the heading, the KPIs and the children, and audits the export", async () => {
    const staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
    const field = await createField();
    const today = new Date();
    for (const unitId of [tree.villageA1.id, tree.villageA1.id, tree.villageA2.id]) {
      const parsed = await parseInput(intakeSchema, {
        idempotencyKey: randomUUID(),
        receivedOn: today.toISOString().slice(0, 10),
        channel: "RECEPTION",
        petitionerKind: "ANONYMOUS",
        unitId: String(unitId),
        fieldId: String(field.id),
        content: "Đề nghị sửa chữa cầu tràn qua suối trước mùa mưa.",
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
      await createPetition(staff, parsed.data, today);
    }
    const dashboard = (await dashboardFor(staff, tree.communeA.id, periodContaining(today, "year"), "historical"))!;
    expect(dashboard.kpis.received).toBe(3);
    const file = await exportDashboard(staff, dashboard, { t: label, period: "Năm nay", previousPeriod: "Năm trước" });
    expect(file.fileName).toMatch(/^bao-cao-08839-\d{4}-01-\d{4}-12-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const rows = book.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0][0]).toBe("export.title");
    expect(rows).toContainEqual(["export.unit", `Xã ${tree.communeA.name}`]);
    // Reported by the commune's Party committee since the reform of 1 July 2025 (issue 15).
    expect(rows).toContainEqual(["export.office", `Đảng ủy Xã ${tree.communeA.name}`]);
    expect(rows).toContainEqual(["export.period", "Năm nay"]);
    expect(rows).toContainEqual(["kpi.received", 3, expect.anything()]);
    const childRows = rows.filter((r) => typeof r[0] === "string" && r[0].startsWith("Thôn "));
    expect(childRows.map((r) => [r[0], r[1]])).toEqual(
      expect.arrayContaining([
        [`Thôn ${tree.villageA1.name}`, 2],
        [`Thôn ${tree.villageA2.name}`, 1],
      ]),
    );
    const audit = await db.auditLog.findFirst({ where: { action: "report.export", actorId: staff.userId } });
    expect(audit?.entityId).toBe(String(tree.communeA.id));
  });

  it("names the office of the period's last day: a report about 2024 is the Ban Dân vận's (issue 15)", async () => {
    const leader = actorAt(tree.province, "PROVINCE_LEADER", (await createUser(tree.province)).id);
    const office = async (day: string, unitId: number) => {
      const dashboard = (await dashboardFor(leader, unitId, periodContaining(new Date(day), "year"), "historical"))!;
      const file = await exportDashboard(leader, dashboard, { t: label, period: "Năm", previousPeriod: "Năm trước" });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body as unknown as ArrayBuffer);
      const rows = book.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
      return rows.find((r) => r[0] === "export.office")?.[1];
    };
    expect(await office("2024-06-01", tree.province.id)).toBe(`Ban Dân vận Tỉnh ủy ${tree.province.name}`);
    expect(await office("2026-06-01", tree.province.id)).toBe(`Ban Tuyên giáo và Dân vận Tỉnh ủy ${tree.province.name}`);
    expect(await office("2024-06-01", tree.communeA.id)).toBe(`Khối dân vận Xã ${tree.communeA.name}`);
  });
});
