/**
 * npm run units:import -- <file.json|file.csv|file.xlsx> [--as-of YYYY-MM-DD] [--dry-run]
 *
 * Imports the GSO catalogue of administrative units into DATABASE_URL's database (which
 * must be migrated): prints the problems found and exits 1, or prints what would change
 * and, unless --dry-run, imports it in one transaction.
 */
import { performance } from "node:perf_hooks";
import { exitOnError, exitWithFileErrors, parseImportArgs, readImportFile, withDatabase } from "./import-cli";
import { todayInVietnam } from "../lib/time";
import { formatOfFileName, MAX_CATALOGUE_BYTES, CATALOGUE_LEVELS, type CatalogueLevel } from "../lib/units/catalogue/parse";
import { readCatalogue } from "../lib/units/catalogue/read";
import { importCatalogue, previewCatalogue, type CatalogueSummary } from "../lib/units/catalogue/import";

const LEVEL_LABEL: Record<CatalogueLevel, string> = { PROVINCE: "Tỉnh / province", DISTRICT: "Huyện / district", COMMUNE: "Xã / commune" };

function printTable(summary: CatalogueSummary) {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`${"".padEnd(18)}${pad("mới/new", 10)}${pad("đổi/changed", 13)}${pad("giữ/unchanged", 15)}`);
  for (const level of CATALOGUE_LEVELS) {
    const c = summary[level];
    console.log(`${LEVEL_LABEL[level].padEnd(18)}${pad(c.new, 10)}${pad(c.changed, 13)}${pad(c.unchanged, 15)}`);
  }
}

async function main() {
  const { file, dayText: asOfText, day: asOf, dryRun } = parseImportArgs("npm run units:import -- <tệp .json|.csv|.xlsx> [--as-of YYYY-MM-DD] [--dry-run]", { dateOption: "as-of", defaultDay: todayInVietnam(), dryRun: true });

  const parsed = await readCatalogue(readImportFile(file, MAX_CATALOGUE_BYTES), { format: formatOfFileName(file) });
  if (!parsed.ok) exitWithFileErrors(file, parsed.errors, parsed.truncated);

  await withDatabase(async (db, description) => {
    console.log(`${description}, ngày / as of ${asOfText}: ${parsed.units.length} đơn vị trong tệp / units in the file`);
    printTable(await previewCatalogue(db, parsed.units, asOf));
    if (dryRun) {
      console.log("--dry-run: không ghi gì / nothing written");
      return;
    }
    const started = performance.now();
    const { counts } = await importCatalogue(db, parsed.units, { actorId: null, asOf });
    const seconds = (performance.now() - started) / 1000;
    const total = (k: "new" | "changed" | "unchanged") => CATALOGUE_LEVELS.reduce((n, l) => n + counts[l][k], 0);
    console.log(`Đã nhập / imported in ${seconds.toFixed(1)} s: ${total("new")} mới / new, ${total("changed")} cập nhật / changed, ${total("unchanged")} giữ nguyên / unchanged`);
  });
}

main().catch(exitOnError);
