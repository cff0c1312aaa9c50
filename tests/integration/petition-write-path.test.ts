/**
 * The write path at scale (issue 13): petition codes come from the counter row alone, also
 * after the 2025 reform reused a code; twenty intakes at once all save, with distinct codes,
 * and leave the rollups equal to a rebuild; serialisation failures and deadlocks are retried.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/retry";
import { allocatePetitionCode, allocationSql } from "@/lib/petitions/code";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema } from "@/lib/petitions/schemas";
import { insertUnit } from "@/lib/units/tree";
import { actorAt, buildTree, createField, createUser, uid, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";
import { testBackend } from "../support/test-db";

let tree: Tree;
let fieldId: number;
let admin: Actor;

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
});

async function intake(unitId: number, receivedOn = "2026-03-02") {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn,
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: "Nguyễn Thị Lan",
    unitId: String(unitId),
    fieldId: String(fieldId),
    content: "Đề nghị sửa đường liên thôn bị sạt lở sau mưa lớn.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

const numberOf = (code: string) => Number(code.split("-")[2]);

/** A district of the test's province with one commune and one village. */
async function district(code: string, dates: { validFrom?: Date; validTo?: Date } = {}) {
  const s = uid();
  const d = await insertUnit(db, { parentId: tree.province.id, level: "DISTRICT", typeLabel: "Huyện", name: `Huyện ${s}`, code, ...dates });
  const commune = await insertUnit(db, { parentId: d.id, level: "COMMUNE", typeLabel: "Xã", name: `Xã ${s}`, code: `9${code}0`, ...dates });
  const village = await insertUnit(db, { parentId: commune.id, level: "VILLAGE", typeLabel: "Thôn", name: `Thôn ${s}`, ...dates });
  return { district: d, village };
}

describe("petition codes", () => {
  it("continue a reused code's numbering in the new unit (the 2025 reform), each year on its own", async () => {
    const old = await district("301", { validFrom: new Date("2020-01-01"), validTo: new Date("2026-06-30") });
    expect((await createPetition(admin, await intake(old.village.id, "2025-11-03"))).code).toBe("301-2025-00001");
    const before = [];
    for (let i = 0; i < 3; i++) before.push((await createPetition(admin, await intake(old.village.id, "2026-03-02"))).code);
    expect(before).toEqual(["301-2026-00001", "301-2026-00002", "301-2026-00003"]);
    // The reform closes the old district and opens a new unit with the same official code.
    const successor = await district("301", { validFrom: new Date("2026-07-01") });
    expect(successor.district.id).not.toBe(old.district.id);
    expect((await createPetition(admin, await intake(successor.village.id, "2026-07-02"))).code).toBe("301-2026-00004");
    expect((await createPetition(admin, await intake(old.village.id, "2025-12-30"))).code).toBe("301-2025-00002");
  });

  it("are numbered past 99,999 without losing a digit", async () => {
    await db.petitionCodeCounter.create({ data: { areaCode: "302", year: 2026, last: 99_999 } });
    await expect(db.$transaction((tx) => allocatePetitionCode(tx, "302", 2026))).resolves.toBe("302-2026-100000");
  });

  it("are allocated by a statement that never reads the Petition table", async () => {
    await createPetition(admin, await intake(tree.villageA1.id));
    const plan = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN WITH c AS (${allocationSql("246", 2026)}) SELECT code FROM c`;
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("PetitionCodeCounter");
    expect(plan).not.toMatch(/"?Petition"?(?!CodeCounter)\b/);
    if (testBackend() === "postgres") {
      // The transaction's own statistics, before and after: no scan of Petition or of any of its indexes.
      const scans = await db.$transaction(async (tx) => {
        const read = () => tx.$queryRaw<{ n: bigint }[]>`
          SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS n FROM pg_stat_xact_user_tables WHERE relname = 'Petition'`;
        const [before] = await read();
        await allocatePetitionCode(tx, "246", 2026);
        const [after] = await read();
        return Number(after.n) - Number(before.n);
      });
      expect(scans).toBe(0);
    }
  });
});

describe("twenty intakes at once", () => {
  it("in one district: all saved, twenty distinct codes numbered without a gap", async () => {
    const { village } = await district("311");
    const results = await Promise.all(Array.from({ length: 20 }, async () => createPetition(admin, await intake(village.id))));
    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(results.map((r) => r.code)).size).toBe(20);
    expect(results.map((r) => numberOf(r.code)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await db.petition.count({ where: { unitId: village.id } })).toBe(20);
    expect(await db.petitionEvent.count({ where: { petition: { unitId: village.id }, kind: "CREATED" } })).toBe(20);
    expect(await db.auditLog.count({ where: { action: "petition.create", entityId: { in: results.map((r) => String(r.id)) } } })).toBe(20);
  });

  it("spread over ten districts: all saved, distinct codes, each district numbered from 1", async () => {
    const places: Awaited<ReturnType<typeof district>>[] = [];
    for (let i = 0; i < 10; i++) places.push(await district(String(320 + i)));
    const results = await Promise.all(Array.from({ length: 20 }, async (_, i) => createPetition(admin, await intake(places[i % 10].village.id))));
    expect(new Set(results.map((r) => r.code)).size).toBe(20);
    for (const [i, place] of places.entries()) {
      const codes = (await db.petition.findMany({ where: { unitId: place.village.id }, select: { code: true } })).map((p) => p.code).sort();
      expect(codes).toEqual([`${320 + i}-2026-00001`, `${320 + i}-2026-00002`]);
    }
  });

  it.runIf(testBackend() === "postgres")("add to the nation's rollup rows in several slots, so that they did not queue on one row", async () => {
    const [{ slots }] = await db.$queryRaw<{ slots: number }[]>`
      SELECT count(DISTINCT slot)::int AS slots FROM "RollupPetition" WHERE "unitId" = ${tree.nation.id} AND "fieldId" = 0`;
    expect(slots).toBeGreaterThan(1);
  });

  it("leave the rollups equal to a rebuild from the base tables", async () => {
    const kept = await rollupSnapshot();
    expect(kept.RollupPetition.length).toBeGreaterThan(0);
    expect(await rebuiltRollupSnapshot()).toEqual(kept);
  });
});

describe.runIf(testBackend() === "postgres")("the transaction runner", () => {
  it("retries a serialisation failure: two conflicting serialisable transactions both commit in the end", async () => {
    const key = { areaCode: `R${uid()}`, year: 2026 };
    await db.petitionCodeCounter.create({ data: { ...key, last: 0 } });
    let runs = 0;
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const bump = () =>
      transaction(
        async (tx) => {
          runs++;
          const row = await tx.petitionCodeCounter.findUniqueOrThrow({ where: { areaCode_year: key } });
          // The first attempts wait for each other, so that both read before either writes.
          if (++arrived <= 2) {
            if (arrived === 2) release();
            await bothRead;
          }
          await tx.petitionCodeCounter.update({ where: { areaCode_year: key }, data: { last: row.last + 1 } });
        },
        { isolationLevel: "Serializable" },
      );
    await Promise.all([bump(), bump()]);
    expect(runs).toBe(3);
    expect((await db.petitionCodeCounter.findUniqueOrThrow({ where: { areaCode_year: key } })).last).toBe(2);
  });
});
