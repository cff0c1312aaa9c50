/**
 * npm run rollup:rebuild — recomputes the dashboard rollup tables of DATABASE_URL's database
 * from the base tables, in one transaction (writers wait; readers see the old figures until
 * it commits). The triggers keep the rollups in step by themselves: this is for after a bulk
 * load with triggers off, a holiday calendar corrected after the fact, or a check.
 */
import { performance } from "node:perf_hooks";
import { exitOnError, withDatabase } from "./import-cli";
import { rebuildRollupsIn, ROLLUP_TABLES } from "../lib/rollup/rebuild";

withDatabase(async (db, description) => {
  const started = performance.now();
  console.log(`${description}: đang tính lại số liệu tổng hợp / rebuilding rollups…`);
  await db.$transaction((tx) => rebuildRollupsIn(tx), { timeout: 60 * 60_000, maxWait: 60_000 });
  for (const table of ROLLUP_TABLES) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    console.log(`  ${table.padEnd(22)} ${n.toLocaleString("en")}`);
  }
  console.log(`Xong sau / done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}).catch(exitOnError);
