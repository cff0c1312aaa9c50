/**
 * Back-up and restore of the whole database (npm run db:backup / db:restore, decision 022).
 * Everything the app keeps, attachments included, is in the database, so one file is the
 * whole back-up.
 * - The embedded database (PGlite) is copied as its data folder, a .tar.gz made by PGlite
 *   itself (`dumpDataDir`), and restored by PGlite (`loadDataDir`) into a fresh folder that
 *   replaces the old one only once it opens; the old folder is kept beside it.
 * - A PostgreSQL server is dumped with `pg_dump --format=custom` and restored with
 *   `pg_restore`, in one transaction: the tools every PostgreSQL operator knows, and the
 *   only ones that carry triggers, functions and extensions faithfully.
 * A file from one kind cannot be restored into the other; the file's first bytes say which.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openPglite } from "./adapter";
import type { DatabaseConfig } from "./config";

export type BackupKind = "pglite" | "postgres";

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const PGDUMP_MAGIC = Buffer.from("PGDMP");

/** A refusal the operator can act on; its message says what to do, in Vietnamese and English. */
export class BackupError extends Error {}

type Log = (line: string) => void;

/** The kind of back-up a file holds, from its first bytes; null when it is neither. */
export function backupKindOf(file: string): BackupKind | null {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    const n = fs.readSync(fd, head, 0, 5, 0);
    if (n >= 5 && head.equals(PGDUMP_MAGIC)) return "postgres";
    if (n >= 2 && head.subarray(0, 2).equals(GZIP_MAGIC)) return "pglite";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** PGlite writes postmaster.pid while a process has the folder open, and removes it on close. */
function refuseOpenPglite(dataDir: string) {
  if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
    throw new BackupError(
      `${dataDir} đang được mở (ứng dụng đang chạy?): hãy dừng ứng dụng trước. Nếu không có gì đang chạy, lần chạy trước đã bị dừng đột ngột: xóa ${path.join(dataDir, "postmaster.pid")} / ` +
        `${dataDir} is open (is the app running?): stop the app first. If nothing runs, the last run was killed: delete its postmaster.pid`,
    );
  }
}

function requireTool(tool: "pg_dump" | "pg_restore") {
  if (spawnSync(tool, ["--version"]).status !== 0) {
    throw new BackupError(`Không tìm thấy ${tool}: cài gói postgresql-client (Debian: apt-get install postgresql-client) / ${tool} not found: install postgresql-client`);
  }
}

/** Runs a PostgreSQL tool; its verbose lines become short progress lines, its errors are kept whole. */
function runTool(tool: string, args: string[], progress: (line: string) => string | null, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "inherit", "pipe"] });
    let errors = "";
    let rest = "";
    child.stderr.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        const shown = progress(line);
        if (shown) log(shown);
        else if (/error|lỗi|fatal/i.test(line)) errors += `${line}\n`;
      }
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new BackupError(`${tool} thất bại / failed (${code}):\n${errors || rest}`))));
  });
}

/** Writes the back-up of `config`'s database to `file` (through a temporary file, so a failure leaves no half file). */
export async function backupDatabase(config: DatabaseConfig, file: string, log: Log = console.log): Promise<{ kind: BackupKind; bytes: number }> {
  const partial = `${file}.partial`;
  try {
    if (config.kind === "pglite") {
      if (!config.dataDir) throw new BackupError("Cơ sở dữ liệu trong bộ nhớ không sao lưu được / an in-memory database cannot be backed up");
      if (!fs.existsSync(path.join(config.dataDir, "PG_VERSION"))) throw new BackupError(`${config.dataDir}: không có cơ sở dữ liệu / no database there`);
      refuseOpenPglite(config.dataDir);
      log("Đang mở cơ sở dữ liệu nhúng / opening the embedded database…");
      const pglite = openPglite(config.dataDir);
      try {
        // dumpDataDir on a database still opening never settles (PGlite 0.5.14): wait for it to answer first.
        await pglite.query("SELECT 1");
        log("Đang đóng gói thư mục dữ liệu / packing the data folder…");
        const dump = await pglite.dumpDataDir("gzip");
        fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await pglite.close();
      }
    } else {
      requireTool("pg_dump");
      log("Đang chạy pg_dump / running pg_dump…");
      const table = /dumping contents of table "?([^"\s]+)"?/;
      await runTool(
        "pg_dump",
        ["--format=custom", "--no-owner", "--no-acl", "--verbose", `--file=${partial}`, `--dbname=${config.url}`],
        (line) => (table.test(line) ? `  ${line.match(table)![1]}` : null),
        log,
      );
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  const bytes = fs.statSync(file).size;
  return { kind: config.kind, bytes };
}

/** Row counts of every table of the public schema (migrations' history included), by name. */
export async function tableRowCounts(config: DatabaseConfig): Promise<Record<string, number>> {
  const listSql = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const countSql = (tables: string[]) => tables.map((t) => `SELECT '${t}' AS name, count(*)::int AS n FROM "${t.replaceAll('"', '""')}"`).join(" UNION ALL ");
  const collect = (rows: { name: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  if (config.kind === "pglite") {
    const pglite = openPglite(config.dataDir);
    try {
      const tables = (await pglite.query<{ tablename: string }>(listSql)).rows.map((r) => r.tablename);
      return tables.length ? collect((await pglite.query<{ name: string; n: number }>(countSql(tables))).rows) : {};
    } finally {
      await pglite.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    const tables = (await client.query<{ tablename: string }>(listSql)).rows.map((r) => r.tablename);
    return tables.length ? collect((await client.query<{ name: string; n: number }>(countSql(tables))).rows) : {};
  } finally {
    await client.end();
  }
}

async function postgresTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

const NOT_EMPTY = (where: string) =>
  new BackupError(
    `${where} đã có dữ liệu; thêm --force để ghi đè / already holds a database; add --force to replace it`,
  );

/**
 * Restores `file` into `config`'s database. The file is checked first (its kind, and that
 * PostgreSQL or PGlite can read it); a database that already holds tables is replaced only
 * with `force`.
 */
export async function restoreDatabase(
  config: DatabaseConfig,
  file: string,
  opts: { force?: boolean; log?: Log } = {},
): Promise<{ kind: BackupKind; keptAside?: string }> {
  const log = opts.log ?? console.log;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`${file}: không có tệp này / no such file`);
  const kind = backupKindOf(file);
  if (!kind) throw new BackupError(`${file}: không phải bản sao lưu của ứng dụng / not a back-up made by npm run db:backup`);
  if (kind !== config.kind) {
    const name = { pglite: "cơ sở dữ liệu nhúng / the embedded database", postgres: "máy chủ PostgreSQL / a PostgreSQL server" };
    throw new BackupError(`${file} là bản sao lưu của ${name[kind]}; không khôi phục vào ${name[config.kind]} được / a back-up of ${kind} cannot be restored into ${config.kind}`);
  }

  if (config.kind === "postgres") {
    requireTool("pg_restore");
    log("Đang kiểm tra tệp / checking the file…");
    const list = spawnSync("pg_restore", ["--list", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (list.status !== 0) throw new BackupError(`${file}: tệp hỏng / the file is damaged: ${list.stderr.trim()}`);
    // The table of contents sits at the start: a file cut short still lists. Reading it all does not.
    const read = spawnSync("pg_restore", ["--file=/dev/null", file], { encoding: "utf8" });
    if (read.status !== 0) throw new BackupError(`${file}: tệp hỏng / the file is damaged: ${read.stderr.trim()}`);
    const items = list.stdout.split("\n").filter((l) => l && !l.startsWith(";")).length;
    const hasTables = (await postgresTableCount(config.url)) > 0;
    if (hasTables && !opts.force) throw NOT_EMPTY(new URL(config.url).pathname.slice(1));
    log(`Đang khôi phục ${items} mục trong một giao dịch / restoring ${items} items in one transaction…`);
    const table = /processing data for table "?([^"\s]+)"?/;
    await runTool(
      "pg_restore",
      ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", "--verbose", ...(hasTables ? ["--clean", "--if-exists"] : []), `--dbname=${config.url}`, file],
      (line) => (table.test(line) ? `  ${line.match(table)![1]}` : null),
      log,
    );
    return { kind };
  }

  if (!config.dataDir) throw new BackupError("Không khôi phục vào cơ sở dữ liệu trong bộ nhớ / cannot restore into an in-memory database");
  const target = config.dataDir;
  const exists = fs.existsSync(target) && fs.readdirSync(target).length > 0;
  if (exists) {
    refuseOpenPglite(target);
    if (!opts.force) throw NOT_EMPTY(target);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const staging = `${target}.restoring-${stamp}`;
  try {
    log(`Đang đọc tệp / reading the file (${megabytes(fs.statSync(file).size)})…`);
    const blob = new Blob([fs.readFileSync(file)]);
    log("Đang giải nén vào thư mục tạm / unpacking into a new folder…");
    const pglite = openPglite(staging, { loadDataDir: blob });
    try {
      log("Đang kiểm tra / checking…");
      await pglite.query(`SELECT count(*) FROM "_prisma_migrations"`);
    } finally {
      await pglite.close();
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file}: tệp hỏng hoặc không phải bản sao lưu của ứng dụng / the file is damaged or not this app's back-up (${(error as Error).message})`);
  }
  let keptAside: string | undefined;
  if (fs.existsSync(target)) {
    keptAside = `${target}.before-restore-${stamp}`;
    fs.renameSync(target, keptAside);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(staging, target);
  return { kind, keptAside };
}
