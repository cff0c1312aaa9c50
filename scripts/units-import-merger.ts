/**
 * npm run units:import-merger -- <file.json> [--effective YYYY-MM-DD]
 *
 * Imports the 2025-07-01 reform (new provinces and communes, succession links, closing
 * the old units, moving villages of communes merged whole) into DATABASE_URL's database,
 * which must hold the March 2025 catalogue (npm run units:import). Prints the problems
 * found and exits 1, or the counts, the time taken and the villages an admin must place.
 */
import { performance } from "node:perf_hooks";
import { exitOnError, exitWithFileErrors, parseImportArgs, readImportFile, withDatabase } from "./import-cli";
import { MAX_MERGER_BYTES, parseMerger } from "../lib/units/merger/parse";
import { importMerger } from "../lib/units/merger/import";
import { REFORM_DATE } from "../lib/units/merger/schemas";

async function main() {
  const { file, dayText: effectiveText, day: effectiveOn } = parseImportArgs("npm run units:import-merger -- <tệp .json> [--effective YYYY-MM-DD]", { dateOption: "effective", defaultDay: REFORM_DATE, dryRun: false });

  const parsed = parseMerger(readImportFile(file, MAX_MERGER_BYTES));
  if (!parsed.ok) exitWithFileErrors(file, parsed.errors, parsed.truncated);
  const { provinces, communes } = parsed.merger;

  await withDatabase(async (db, description) => {
    console.log(`${description}, hiệu lực / effective ${effectiveText}: ${provinces.length} tỉnh / provinces, ${communes.length} xã / communes trong tệp / in the file`);
    const started = performance.now();
    const { counts, villagesToPlace } = await importMerger(db, parsed.merger, { actorId: null, effectiveOn });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Đã nhập / imported in ${seconds.toFixed(1)} s:`);
    console.log(`  tạo mới / created: ${counts.provincesCreated} tỉnh, ${counts.communesCreated} xã`);
    console.log(`  liên kết kế thừa / succession links: ${counts.successionsFull} FULL, ${counts.successionsPartial} PARTIAL`);
    console.log(`  đóng / closed: ${counts.provincesClosed} tỉnh, ${counts.districtsClosed} huyện, ${counts.communesClosed} xã`);
    console.log(`  thôn chuyển / villages moved: ${counts.villagesMoved}`);
    console.log(`  xã cũ không nhắc đến, vẫn còn hiệu lực / old communes not mentioned, left open: ${counts.unmentionedOpen}`);
    console.log(`  khối dân vận thành lập, giải thể; thành viên chuyển sang / blocs founded, dissolved; members carried: ${counts.blocsFounded}, ${counts.blocsDissolved}; ${counts.blocMembersCarried}`);
    console.log(`  thôn cần xếp / villages to place: ${counts.villagesToPlace}`);
    for (const v of villagesToPlace) {
      console.log(`    thôn / village ${v.villageId} (xã cũ / old commune ${v.oldCommuneId}) → ${v.candidateSuccessorIds.join(", ")}`);
    }
  });
}

main().catch(exitOnError);
