/**
 * Issue 12, finding 2: national reference data (the unit catalogue and mergers, the holiday
 * calendar, the petition fields) is kept by national administrators only. A province admin's
 * calls answer NOT_FOUND and change nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { addCalendarDay, deleteCalendarDay, restoreCalendarYear, updateCalendarDay } from "@/lib/calendar/admin";
import { db } from "@/lib/db/client";
import { createPetitionField, setPetitionFieldActive, updatePetitionField } from "@/lib/petitions/reference/fields";
import { FIXTURE_CSV, fixtureBytes } from "@/lib/units/catalogue/fixtures";
import { uploadCatalogue } from "@/lib/units/catalogue/upload";
import { previewMerger, recordMerger } from "@/lib/units/merger/record";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createField, createUser, uid, type Tree } from "../support/factories";

let tree: Tree;
let nationalAdmin: Actor;
let provinceAdmin: Actor;

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe("NOT_FOUND");
}

const snapshot = async () => ({
  units: await db.unit.findMany({ select: { id: true, name: true, parentId: true, validTo: true }, orderBy: { id: "asc" } }),
  days: await db.calendarDay.findMany({ orderBy: { date: "asc" } }),
  fields: await db.petitionField.findMany({ orderBy: { id: "asc" } }),
  audits: await db.auditLog.count(),
});

beforeAll(async () => {
  tree = await buildTree();
  nationalAdmin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  provinceAdmin = actorAt(tree.province, "ADMIN", (await createUser(tree.province, "ADMIN")).id);
});

describe("national reference data, as a province admin", () => {
  it("cannot add, edit, delete or restore holidays", async () => {
    // A year the national admin has filled, so that the province admin's calls have rows to hit.
    await restoreCalendarYear(nationalAdmin, { year: 2027 });
    const tet = await db.calendarDay.findFirstOrThrow({ where: { date: { gte: new Date("2027-01-01"), lt: new Date("2028-01-01") } } });
    const before = await snapshot();
    await expectNotFound(addCalendarDay(provinceAdmin, { date: new Date("2027-03-03T00:00:00Z"), kind: "HOLIDAY", name: "Nghỉ tỉnh" }));
    await expectNotFound(updateCalendarDay(provinceAdmin, { date: tet.date, kind: "HOLIDAY", name: "Đổi tên", updatedAt: tet.updatedAt.toISOString() }));
    await expectNotFound(deleteCalendarDay(provinceAdmin, { date: tet.date }));
    await expectNotFound(restoreCalendarYear(provinceAdmin, { year: 2028 }));
    expect(await snapshot()).toEqual(before);
  });

  it("cannot add, rename, re-time or deactivate a petition field", async () => {
    const field = await createField();
    const before = await snapshot();
    await expectNotFound(createPetitionField(provinceAdmin, { name: `Lĩnh vực tỉnh ${uid()}`, defaultDeadlineDays: 5, sortOrder: 1 }));
    await expectNotFound(updatePetitionField(provinceAdmin, { id: field.id, name: "Đất đai (tỉnh)", defaultDeadlineDays: 1, sortOrder: 1 }));
    await expectNotFound(setPetitionFieldActive(provinceAdmin, { id: field.id, active: false }));
    expect(await snapshot()).toEqual(before);
  });

  it("cannot import the unit catalogue, not even a preview", async () => {
    const before = await snapshot();
    await expectNotFound(uploadCatalogue(provinceAdmin, fixtureBytes(FIXTURE_CSV), "danh-muc.csv", new Date("2025-03-01T00:00:00Z"), "preview"));
    await expectNotFound(uploadCatalogue(provinceAdmin, fixtureBytes(FIXTURE_CSV), "danh-muc.csv", new Date("2025-03-01T00:00:00Z"), "import"));
    expect(await snapshot()).toEqual(before);
  });

  it("cannot record a merger, even of two communes inside its own province", async () => {
    const a = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Một ${uid()}`, code: "61001" });
    const b = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Hai ${uid()}`, code: "61002" });
    const input = { predecessors: [{ id: b.id, kind: "FULL" as const }], successor: { id: a.id }, effectiveOn: new Date("2026-07-01T00:00:00Z") };
    const before = await snapshot();
    await expectNotFound(previewMerger(provinceAdmin, input));
    await expectNotFound(recordMerger(provinceAdmin, input));
    expect(await snapshot()).toEqual(before);
    // The national admin may.
    await recordMerger(nationalAdmin, input);
    expect((await db.unit.findUniqueOrThrow({ where: { id: b.id } })).validTo).not.toBeNull();
  });
});

describe("national reference data, as the national admin", () => {
  it("adds a holiday and edits a field", async () => {
    await addCalendarDay(nationalAdmin, { date: new Date("2027-03-04T00:00:00Z"), kind: "HOLIDAY", name: "Nghỉ bù" });
    expect(await db.calendarDay.findUnique({ where: { date: new Date("2027-03-04T00:00:00Z") } })).toMatchObject({ name: "Nghỉ bù", source: "MANUAL" });
    const field = await createField();
    await updatePetitionField(nationalAdmin, { id: field.id, name: `Đất đai ${uid()}`, defaultDeadlineDays: 20, sortOrder: 1 });
    expect((await db.petitionField.findUniqueOrThrow({ where: { id: field.id } })).defaultDeadlineDays).toBe(20);
  });
});
