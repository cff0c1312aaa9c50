/**
 * One home per definition (issue 14). What a petition counts for is one SQL function, `petition_facts`,
 * which the rollup triggers, the rebuild and the live count all sum; "open" is the generated column
 * `isOpen` in SQL and OPEN_STATUSES in TypeScript. These tests hold each side to the other, so that a
 * changed definition is one edit, and a test fails where the other side was forgotten.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { PETITION_MEASURES } from "@/lib/dashboards/kpis";
import { db } from "@/lib/db/client";
import { PETITION_STATUSES } from "@/lib/petitions/labels";
import { OPEN_STATUSES, RESOLVED_STATUSES } from "@/lib/petitions/status";
import { buildTree, createField, createPetition, createUser, type Tree } from "../support/factories";

let tree: Tree;
let petitionId: number;

beforeAll(async () => {
  tree = await buildTree();
  const staff = await createUser(tree.districtA);
  petitionId = (await createPetition(tree.villageA1, staff.id, (await createField()).id)).id;
});

describe("one home per definition (issue 14)", () => {
  it("petition_facts gives RollupPetition's measures, as PETITION_MEASURES lists them, in that order", async () => {
    const columns = await db.$queryRaw<{ name: string }[]>`
      SELECT a.attname AS name FROM pg_proc f
      CROSS JOIN LATERAL unnest(f.proargnames, f.proargmodes) WITH ORDINALITY AS a(attname, mode, n)
      WHERE f.proname = 'petition_facts' AND a.mode = 't'::"char" ORDER BY a.n`;
    expect(columns.map((c) => c.name)).toEqual(["unitId", "fieldId", "month", ...PETITION_MEASURES]);
    const rollup = await db.$queryRaw<{ name: string }[]>`
      SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'RollupPetition' ORDER BY ordinal_position`;
    expect(rollup.map((c) => c.name)).toEqual(expect.arrayContaining([...PETITION_MEASURES]));
  });

  it("the generated column isOpen is OPEN_STATUSES, for every status", async () => {
    const open: string[] = [];
    for (const status of PETITION_STATUSES) {
      const [row] = await db.$queryRaw<{ isOpen: boolean }[]>`
        UPDATE "Petition" SET status = ${status}::"PetitionStatus" WHERE id = ${petitionId} RETURNING "isOpen"`;
      if (row.isOpen) open.push(status);
    }
    expect(open).toEqual([...OPEN_STATUSES]);
    // Every status is open, resolved, or neither; never both.
    expect(OPEN_STATUSES.filter((s) => (RESOLVED_STATUSES as readonly string[]).includes(s))).toEqual([]);
  });

  it("the enum's statuses are the app's list, in order", async () => {
    const rows = await db.$queryRaw<{ label: string }[]>`SELECT unnest(enum_range(NULL::"PetitionStatus"))::text AS label`;
    expect(rows.map((r) => r.label)).toEqual([...PETITION_STATUSES]);
  });
});
