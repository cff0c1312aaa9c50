import { BackupError } from "../lib/db/backup";

/**
 * Runs db:backup's or db:restore's main to its end. A promise that never settles would let Node end
 * quietly with 0: that must not look like a back-up made or restored, so it exits 1 instead.
 */
export function runBackupCommand(main: () => Promise<void>): void {
  let finished = false;
  process.on("beforeExit", () => {
    if (finished) return;
    finished = true;
    console.error("Dừng giữa chừng, chưa xong / stopped before finishing");
    process.exitCode = 1;
  });
  main()
    .then(() => {
      finished = true;
    })
    .catch((error) => {
      console.error(error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
}
