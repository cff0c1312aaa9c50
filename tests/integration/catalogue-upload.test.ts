import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { insertUnit } from "@/lib/units/tree";
import { buildXlsx, FIXTURE_CSV, FIXTURE_JSON, fixtureBytes } from "@/lib/units/catalogue/fixtures";
import { splitCsv } from "@/lib/units/catalogue/parse";
import { ROOT_NAME, ROOT_TYPE_LABEL } from "@/lib/units/catalogue/import";
import { MAX_CATALOGUE_BYTES } from "@/lib/units/catalogue/parse";
import { uploadCatalogue } from "@/lib/units/catalogue/upload";
import { actorAt } from "../support/factories";
import { PRESETS } from "@/lib/auth/roles";

const AS_OF = new Date("2025-03-01T00:00:00Z");
let actor: Actor;

const writes = async () => ({ units: await db.unit.count(), audits: await db.auditLog.count() });

beforeAll(async () => {
  const root = await insertUnit(db, { parentId: null, level: "NATION", typeLabel: ROOT_TYPE_LABEL, name: ROOT_NAME });
  const user = await db.user.create({ data: { username: "admin.test", displayName: "Quản trị", passwordHash: "x", duties: [...PRESETS.ADMIN], unitId: root.id } });
  actor = actorAt(root, "ADMIN", user.id);
});

describe("catalogue upload (admin page glue)", () => {
  it("refuses an oversized file and a file of the wrong type, writing nothing", async () => {
    const before = await writes();
    const big = await uploadCatalogue(actor, new Uint8Array(MAX_CATALOGUE_BYTES + 1), "big.json", AS_OF, "import");
    expect(big).toMatchObject({ status: "invalid", errors: [{ at: "tệp", message: expect.stringMatching(/quá lớn/) }] });
    const wrong = await uploadCatalogue(actor, fixtureBytes(FIXTURE_JSON), "danh-muc.xls", AS_OF, "import");
    expect(wrong).toMatchObject({ status: "invalid", errors: [{ message: expect.stringMatching(/không đúng loại/) }] });
    // the bytes decide: JSON text named .xlsx is not a spreadsheet
    const disguised = await uploadCatalogue(actor, fixtureBytes(FIXTURE_JSON), "danh-muc.xlsx", AS_OF, "import");
    expect(disguised).toMatchObject({ status: "invalid", errors: [{ message: expect.stringMatching(/không phải bảng tính xlsx/) }] });
    expect(await writes()).toEqual(before);
  });

  it("lists a malformed CSV's errors by row and writes nothing", async () => {
    const before = await writes();
    const bad = FIXTURE_CSV.replace(";97101;", ";9710;").replace("Huyện Đông Anh;972;Xã Đồng Ích", "Huyện Đông Anh;;Xã Đồng Ích");
    const outcome = await uploadCatalogue(actor, fixtureBytes(bad), "danh-muc.csv", AS_OF, "import");
    expect(outcome.status).toBe("invalid");
    if (outcome.status !== "invalid") return;
    expect(outcome.errors.length).toBeGreaterThanOrEqual(2);
    expect(outcome.errors.map((e) => e.at)).toEqual(expect.arrayContaining(["dòng 2", "dòng 5"]));
    expect(outcome.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(await writes()).toEqual(before);
  });

  it("lists a malformed xlsx's errors by sheet row and writes nothing", async () => {
    const before = await writes();
    const rows = splitCsv(FIXTURE_CSV.slice(1), ";").map((r) => r.fields);
    rows[1][5] = "9710";
    const outcome = await uploadCatalogue(actor, await buildXlsx(rows), "danh-muc.xlsx", AS_OF, "import");
    expect(outcome).toMatchObject({ status: "invalid", errors: [{ at: "dòng 2", message: expect.stringMatching(/mã xã "9710"/) }] });
    expect(await writes()).toEqual(before);
  });

  it("previews without writing, then imports in one go with an audit row by the admin", async () => {
    const before = await writes();
    const preview = await uploadCatalogue(actor, fixtureBytes(FIXTURE_CSV), "danh-muc.csv", AS_OF, "preview");
    expect(preview).toMatchObject({
      status: "preview",
      total: 12,
      counts: { PROVINCE: { new: 2, changed: 0, unchanged: 0 }, DISTRICT: { new: 4 }, COMMUNE: { new: 6 } },
    });
    expect(await writes()).toEqual(before);

    const imported = await uploadCatalogue(actor, fixtureBytes(FIXTURE_JSON), "danh-muc.json", AS_OF, "import");
    expect(imported).toMatchObject({ status: "imported", total: 12, counts: { COMMUNE: { new: 6, changed: 0, unchanged: 0 } } });
    if (imported.status === "imported") expect(imported.seconds).toBeGreaterThanOrEqual(0);
    expect(await writes()).toEqual({ units: before.units + 12, audits: before.audits + 1 });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "units.catalogue-import" }, orderBy: { id: "desc" } });
    expect(log.actorId).toBe(actor.userId);

    const again = await uploadCatalogue(actor, fixtureBytes(FIXTURE_CSV), "danh-muc.csv", AS_OF, "preview");
    expect(again).toMatchObject({ status: "preview", counts: { PROVINCE: { new: 0, unchanged: 2 }, DISTRICT: { unchanged: 4 }, COMMUNE: { new: 0, changed: 0, unchanged: 6 } } });

    // the same catalogue as an xlsx sheet: nothing new, nothing changed
    const xlsx = await buildXlsx(splitCsv(FIXTURE_CSV.slice(1), ";").map((r) => r.fields));
    const fromXlsx = await uploadCatalogue(actor, xlsx, "danh-muc.xlsx", AS_OF, "import");
    expect(fromXlsx).toMatchObject({ status: "imported", total: 12, counts: { PROVINCE: { new: 0, changed: 0, unchanged: 2 }, COMMUNE: { new: 0, changed: 0, unchanged: 6 } } });
  });
});
