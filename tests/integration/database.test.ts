import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/health";
import { applyMigrations, pendingSchemaChange } from "@/lib/db/migrations";
import { openAdapter, openPglite, pgliteHandle } from "@/lib/db/adapter";
import { createTestDatabase } from "../support/test-db";

describe("the database", () => {
  it("has unaccent and pg_trgm, so Vietnamese search ignores accents", async () => {
    const rows = await db.$queryRaw<{ plain: string; sim: number }[]>`
      SELECT lower(unaccent('NGUYỄN VĂN ĐỨC')) AS plain, similarity('lap thach', 'huyen lap thach')::float AS sim`;
    expect(rows[0].plain).toBe("nguyen van duc");
    expect(rows[0].sim).toBeGreaterThan(0.5);
  });

  it("answers the health check", async () => {
    expect(await checkDatabase()).toEqual({ ok: true });
  });

  it("applies the migrations through the WASM schema engine, once, and they match the schema", async () => {
    const fresh = await createTestDatabase({ migrate: false });
    const handle = fresh.backend === "pglite" ? pgliteHandle(openPglite(null)) : openAdapter({ kind: "postgres", url: fresh.url! }, { forMigrations: true });
    try {
      const first = await applyMigrations(handle.factory);
      expect(first.length).toBeGreaterThan(0);
      expect(await applyMigrations(handle.factory)).toEqual([]);
    } finally {
      await handle.close();
      if (fresh.handle !== handle) await fresh.handle.close();
      await fresh.drop();
    }
    expect(await pendingSchemaChange()).toBe("");
  });
});
