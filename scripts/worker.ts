/**
 * npm run worker: the job queue's worker alone (decision 060), for production on PostgreSQL beside
 * app processes started with JOBS_WORKER=off. The embedded database opens in one process only:
 * there the worker runs inside `npm start`, and this command refuses.
 */
import { databaseConfig, describeDatabase } from "../lib/db/config";
import { loadEnvFile, loadMailEnv, loadServerEnv } from "../lib/env";

async function main() {
  loadEnvFile();
  loadServerEnv();
  const mail = loadMailEnv(); // checked at start: a malformed SMTP setting stops here, not at the first e-mail
  const config = databaseConfig();
  if (config.kind === "pglite") {
    throw new Error(
      "Cơ sở dữ liệu nhúng chỉ mở được trong một tiến trình: trình chạy việc nền chạy sẵn trong npm start / " +
        "the embedded database opens in one process only: the worker already runs inside npm start",
    );
  }
  const { migrateDatabase } = await import("../lib/db/migrations");
  await migrateDatabase(config);
  const { startWorker } = await import("../lib/jobs/worker");
  const { stopJobQueue } = await import("../lib/jobs/queue");
  await startWorker();
  console.log(`Trình chạy việc nền đã chạy / worker running on ${describeDatabase(config)}; e-mail ${mail ? `qua / through ${mail.host}:${mail.port}` : "tắt / off (SMTP_HOST unset)"}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      void stopJobQueue().finally(() => process.exit(0));
    });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
