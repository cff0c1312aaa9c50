/**
 * Issue 15, part 6: a petition received but not yet assigned has its own deadline, to be assigned: so many
 * working days after receipt, set per field (decision 051). It is the petition's deadline until an agency
 * takes it (then the deadline to resolve replaces it), and it is overdue like any other: in the list's
 * overdue filter, the home page's count, the rollups the reports read, the detail page and the export.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { addWorkingDays } from "@/lib/calendar";
import { loadHolidayCalendar } from "@/lib/calendar/table";
import { db } from "@/lib/db/client";
import { scopeSummary } from "@/lib/home/queries";
import { getPetitionPage } from "@/lib/petitions/detail";
import { exportPetitions } from "@/lib/petitions/export";
import { createPetition } from "@/lib/petitions/intake";
import { listPetitions, parsePetitionFilters } from "@/lib/petitions/list";
import { updatePetitionField } from "@/lib/petitions/reference/fields";
import { updateFieldSchema } from "@/lib/petitions/reference/schemas";
import { editSchema, intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { editPetition, takeStep } from "@/lib/petitions/steps";
import { rolledUpPetitionCount } from "@/lib/rollup/counts";
import { isoDay } from "@/lib/time";
import { actorAt, buildTree, createUser, uid, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";

const NOW = new Date("2026-03-20T03:00:00Z");
let tree: Tree;
let staff: Actor;
let admin: Actor;
let fieldId: number;

const day = (d: Date | null | undefined) => (d ? isoDay(d) : null);

beforeAll(async () => {
  tree = await buildTree();
  staff = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  fieldId = (await db.petitionField.create({ data: { code: `f-${uid()}`, name: `Môi trường ${uid()}`, defaultDeadlineDays: 15, assignmentDeadlineDays: 5 } })).id;
});

async function intake(receivedOn: string, unit = tree.villageA1, field = fieldId) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn,
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: "Nguyễn Thị Lan",
    unitId: String(unit.id),
    fieldId: String(field),
    content: "Đề nghị xử lý bãi rác tự phát gây ô nhiễm đầu thôn.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(staff, parsed.data, NOW);
}

async function step(raw: Record<string, unknown>, now = NOW) {
  const parsed = await parseInput(stepSchema, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return takeStep(staff, parsed.data, now);
}

const petition = (id: number) => db.petition.findUniqueOrThrow({ where: { id } });

describe("the deadline to assign a petition", () => {
  it("runs from receipt, in working days by the field, across Tết", async () => {
    // Received Friday 13/02/2026; Tết takes 16–20/02: the 5 working days are 23/02 … 27/02.
    const { id } = await intake("2026-02-13");
    expect(day((await petition(id)).dueOn)).toBe("2026-02-27");
  });

  it("is overdue like any other: the list's filter, the home page, the rollups, the detail page and the export", async () => {
    const own = await buildTree();
    const ownStaff = actorAt(own.districtA, "DISTRICT_STAFF", (await createUser(own.districtA)).id);
    const parsed = await parseInput(intakeSchema, {
      idempotencyKey: randomUUID(),
      receivedOn: "2026-03-02",
      channel: "LETTER",
      petitionerKind: "ANONYMOUS",
      unitId: String(own.villageA1.id),
      fieldId: String(fieldId),
      content: "Phản ánh đèn đường hỏng nhiều tháng chưa sửa.",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const { id } = await createPetition(ownStaff, parsed.data, NOW);
    // 02/03 (Monday) + 5 working days = 09/03; on 20/03 it is overdue, still unassigned.
    expect(day((await petition(id)).dueOn)).toBe("2026-03-09");

    const overdueList = await listPetitions(ownStaff, parsePetitionFilters({ overdue: "1" }), NOW);
    expect(overdueList.items.map((p) => [p.id, p.overdue, p.dueFor])).toEqual([[id, true, "ASSIGNMENT"]]);
    expect((await scopeSummary(ownStaff, NOW)).overduePetitions).toBe(1);
    expect(await rolledUpPetitionCount({ unitId: own.province.id, openDue: { to: "2026-03-19" } })).toBe(1);

    const page = await getPetitionPage(ownStaff, id, NOW);
    expect(page?.petition).toMatchObject({ overdue: true, dueFor: "ASSIGNMENT" });

    const label = (key: string) => key;
    const file = await exportPetitions(ownStaff, parsePetitionFilters({}), "csv", label, NOW);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(file.body).arrayBuffer()));
    const [header, row] = text.trim().split("\r\n");
    const headers = header.replace(/^\uFEFF/, "").split(",");
    const cells = row.split(",");
    expect(cells[headers.indexOf("assignDueOn")]).toBe("09/03/2026");
    expect(cells[headers.indexOf("dueOn")]).toBe("");
    expect(cells[headers.indexOf("overdue")]).toBe("yes");

    // Assigned: the deadline to resolve (15 working days from receipt) replaces it, and it is no longer overdue.
    await takeStep(ownStaff, (await parseStep({ petitionId: id, version: 0, step: "assign", agencyId: (await db.agency.create({ data: { unitId: own.districtA.id, name: "Công an huyện" } })).id })), NOW);
    expect(day((await petition(id)).dueOn)).toBe("2026-03-23");
    expect((await scopeSummary(ownStaff, NOW)).overduePetitions).toBe(0);
    expect((await getPetitionPage(ownStaff, id, NOW))?.petition).toMatchObject({ overdue: false, dueFor: "RESOLUTION" });
    expect(await rolledUpPetitionCount({ unitId: own.province.id, openDue: { to: "2026-03-19" } })).toBe(0);
    expect(await rollupSnapshot()).toEqual(await rebuiltRollupSnapshot());
  });

  it("moves with a correction of the day of receipt or of the field, while no agency holds the petition", async () => {
    const { id } = await intake("2026-03-02");
    const slower = (await db.petitionField.create({ data: { code: `f-${uid()}`, name: `Đất đai ${uid()}`, defaultDeadlineDays: 30, assignmentDeadlineDays: 10 } })).id;
    const parsed = await parseInput(editSchema, {
      petitionId: String(id),
      version: "0",
      receivedOn: "2026-03-04",
      channel: "RECEPTION",
      petitionerKind: "PERSON",
      petitionerName: "Nguyễn Thị Lan",
      fieldId: String(slower),
      content: "Đề nghị xử lý bãi rác tự phát gây ô nhiễm đầu thôn.",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    await editPetition(staff, parsed.data, NOW);
    // 04/03 (Wednesday) + 10 working days = 18/03.
    expect(day((await petition(id)).dueOn)).toBe("2026-03-18");
  });

  it("starts again from the day of reopening when no agency holds a reopened petition", async () => {
    const { id } = await intake("2026-03-02");
    const r = await step({ petitionId: id, version: 0, step: "reject", note: "Không thuộc thẩm quyền" });
    await step({ petitionId: id, version: r.version, step: "reopen", note: "Công dân bổ sung hồ sơ" }, new Date("2026-03-24T03:00:00Z"));
    const p = await petition(id);
    expect(p.status).toBe("RECEIVED");
    // Reopened Tuesday 24/03: 5 working days = 31/03.
    expect(day(p.dueOn)).toBe("2026-03-31");
  });

  it("is kept per field by the national admin, beside the days to resolve, and never longer than them", async () => {
    const field = await db.petitionField.create({ data: { code: `f-${uid()}`, name: `Y tế ${uid()}`, defaultDeadlineDays: 10 } });
    expect(field.assignmentDeadlineDays).toBe(5);
    const input = (days: string) => parseInput(updateFieldSchema, { id: String(field.id), name: field.name, defaultDeadlineDays: "10", assignmentDeadlineDays: days, sortOrder: "3" });
    const tooLong = await input("11");
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.fieldErrors?.assignmentDeadlineDays?.[0]).toMatch(/không dài hơn hạn giải quyết/);
    for (const bad of ["0", "-1", "abc", "201"]) expect((await input(bad)).ok).toBe(false);
    const ok = await input("3");
    if (!ok.ok) throw new Error(JSON.stringify(ok.fieldErrors));
    await updatePetitionField(admin, ok.data);
    expect((await db.petitionField.findUniqueOrThrow({ where: { id: field.id } })).assignmentDeadlineDays).toBe(3);
  });

  it("is counted by the database as by the app: dv_add_working_days equals addWorkingDays", async () => {
    const calendar = await loadHolidayCalendar(db, 2026, 2027);
    const starts = ["2026-01-01", "2026-02-13", "2026-02-14", "2026-04-24", "2026-08-28", "2026-12-31"];
    for (const start of starts) {
      for (const n of [1, 2, 5, 7, 10, 30]) {
        const [row] = await db.$queryRaw<{ due: Date }[]>`SELECT dv_add_working_days(${start}::date, ${n}::int) AS due`;
        expect(isoDay(row.due), `${start} + ${n}`).toBe(addWorkingDays(start, n, calendar));
      }
    }
  });
});

async function parseStep(raw: Record<string, unknown>) {
  const parsed = await parseInput(stepSchema, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}
