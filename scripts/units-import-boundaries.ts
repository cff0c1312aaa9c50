/**
 * npm run units:import-boundaries -- <file.json> [--as-of YYYY-MM-DD] [--dry-run]
 *
 * Imports unit boundaries (the administrative map service's JSON) into DATABASE_URL's
 * database: prints the problems found and exits 1, or matches each shape by level and
 * code among the units valid on the day, prints what matched, what did not and what
 * would change, and, unless --dry-run, writes it in one transaction.
 */
import { performance } from "node:perf_hooks";
import { exitOnError, exitWithFileErrors, parseImportArgs, readImportFile, withDatabase } from "./import-cli";
import { todayInVietnam } from "../lib/time";
import { MAX_BOUNDARY_BYTES, parseBoundaries } from "../lib/units/boundaries/parse";
import { importBoundaries, previewBoundaries, type BoundaryPlan } from "../lib/units/boundaries/import";

const CHANGE_LABEL = { new: "mới / new", changed: "thay / replaced", unchanged: "giữ / unchanged" } as const;

function printPlan(plan: BoundaryPlan) {
  console.log(`Khớp / matched: ${plan.matched.length}`);
  for (const m of plan.matched) {
    const note = m.fileName ? `  (tên trong tệp / name in the file: "${m.fileName}")` : "";
    console.log(`  ${m.code.padEnd(6)} ${m.unitName.padEnd(28)} ${CHANGE_LABEL[m.change]}${note}`);
  }
  console.log(`Không khớp / unmatched: ${plan.unmatched.length}`);
  for (const u of plan.unmatched) console.log(`  ${u.code.padEnd(6)} ${u.name}`);
  const c = plan.counts;
  console.log(`Tổng / total: ${c.new} mới / new, ${c.changed} thay / replaced, ${c.unchanged} giữ nguyên / unchanged, ${c.unmatched} không khớp / unmatched`);
}

async function main() {
  const { file, dayText: asOfText, day: asOf, dryRun } = parseImportArgs("npm run units:import-boundaries -- <tệp .json> [--as-of YYYY-MM-DD] [--dry-run]", { dateOption: "as-of", defaultDay: todayInVietnam(), dryRun: true });

  const parsed = parseBoundaries(readImportFile(file, MAX_BOUNDARY_BYTES));
  if (!parsed.ok) exitWithFileErrors(file, parsed.errors, parsed.truncated);
  const { read, kept } = parsed.positions;

  await withDatabase(async (db, description) => {
    console.log(`${description}, ngày / as of ${asOfText}: ${parsed.boundaries.length} ranh giới trong tệp / boundaries in the file; ${kept}/${read} điểm giữ lại sau khi rút gọn / positions kept after simplifying`);
    if (dryRun) {
      printPlan(await previewBoundaries(db, parsed.boundaries, asOf));
      console.log("--dry-run: không ghi gì / nothing written");
      return;
    }
    const started = performance.now();
    const plan = await importBoundaries(db, parsed.boundaries, { actorId: null, asOf });
    printPlan(plan);
    console.log(`Đã nhập / imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
}

main().catch(exitOnError);
