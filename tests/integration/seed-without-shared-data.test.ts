/**
 * The demo seed on a machine without ../shared/data (issue 14): the boundaries of its map come
 * from there, never from a copy in the project (decision 043), so without the file the demo is
 * whole but its map is empty, and the seed says once how to draw it later.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemo, type SeedSummary } from "@/prisma/seed/demo";

const TODAY = new Date("2026-11-23T03:00:00Z");
const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "dv-no-shared-data-"));
const savedDir = process.env.SHARED_DATA_DIR;
const lines: string[] = [];
let summary: SeedSummary;

beforeAll(async () => {
  // SHARED_DATA_DIR names the folder, as for the tests and the bench: here, one without the file.
  process.env.SHARED_DATA_DIR = emptyDir;
  try {
    summary = await seedDemo(db, { today: TODAY, log: (line) => lines.push(line) });
  } finally {
    if (savedDir === undefined) delete process.env.SHARED_DATA_DIR;
    else process.env.SHARED_DATA_DIR = savedDir;
  }
}, 300_000);

afterAll(() => fs.rmSync(emptyDir, { recursive: true, force: true }));

describe("the demo seed without the boundary file", () => {
  it("still creates the whole demo, with no boundary", async () => {
    expect(summary.petitions.total).toBeGreaterThanOrEqual(5000);
    expect(await db.unit.count({ where: { level: "DISTRICT" } })).toBe(2);
    expect(await db.unitBoundary.count()).toBe(0);
  });

  it("says in one line which file it looked for and the command that imports it later", () => {
    const said = lines.filter((line) => /ranh giới|boundar/i.test(line));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(path.join(emptyDir, "gis-districts-26-vinh-phuc.json"));
    expect(said[0]).toContain(`npm run units:import-boundaries -- ${path.join(emptyDir, "gis-districts-26-vinh-phuc.json")} --as-of 2025-03-01`);
  });
});
