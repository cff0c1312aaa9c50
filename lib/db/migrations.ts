/**
 * Migrations without Prisma's native schema engine: the CLI cannot download it here, so
 * we drive Prisma's own WASM schema engine through our driver adapters. The folder
 * layout and the `_prisma_migrations` table stay Prisma's, so `prisma migrate deploy`
 * reads the same history on a machine that has the native engine.
 * See docs/decisions/002-wasm-migration-runner.md.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { openAdapter, openPglite, pgliteHandle } from "./adapter";
import type { DatabaseConfig } from "./config";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_FILE = path.resolve("prisma/schema.prisma");

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let engineModule: Promise<EngineModule> | undefined;

/** Node 20 cannot import `.wasm` modules, so we instantiate the engine by hand. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bg: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const log = (message: string) => {
    if (process.env.DEBUG_MIGRATIONS) console.error(message);
  };
  const engine = await SchemaEngine.new({ datamodels: undefined }, log, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Applies the pending migrations; returns the names applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = MIGRATIONS_DIR): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(dir), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/**
 * Applies the pending migrations to a database, on a handle of its own that is closed
 * afterwards (PGlite allows one open handle per data folder). Every command that writes
 * calls it first, so each works on a fresh database.
 */
export async function migrateDatabase(config: DatabaseConfig): Promise<string[]> {
  const handle = openAdapter(config, { forMigrations: true });
  try {
    return await applyMigrations(handle.factory);
  } finally {
    await handle.close();
  }
}

/** The SQL that takes the database the migrations describe to the schema; empty when in step. */
export async function pendingSchemaChange(dir = MIGRATIONS_DIR, schemaFile = SCHEMA_FILE): Promise<string> {
  // The shadow database that replays the migrations is a fresh in-memory PGlite.
  const handle = pgliteHandle(openPglite(null));
  try {
    return await withEngine(handle.factory, async (engine) => {
      let captured = "";
      const write = process.stdout.write.bind(process.stdout);
      // The engine prints the script on stdout; capture it.
      process.stdout.write = ((chunk: string | Uint8Array) => {
        captured += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        return true;
      }) as typeof process.stdout.write;
      let result;
      try {
        result = await engine.diff({
          from: { tag: "migrations", ...readMigrations(dir) },
          to: { tag: "schemaDatamodel", files: [{ path: schemaFile, content: fs.readFileSync(schemaFile, "utf8") }] },
          script: true,
          exitCode: null,
          filters: NO_FILTER,
        });
      } finally {
        process.stdout.write = write;
      }
      return withoutKnownExtensions((result.stdout ?? captured).trim(), dir);
    });
  } finally {
    await handle.close();
  }
}

/** Writes `prisma/migrations/<timestamp>_<name>/migration.sql`; returns its folder, or null when nothing changed. */
export async function createMigration(name: string, dir = MIGRATIONS_DIR): Promise<string | null> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!slug) throw new Error("Tên migration không hợp lệ / invalid migration name");
  ensureLockfile(dir);
  const sql = await pendingSchemaChange(dir);
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = path.join(dir, `${stamp}_${slug}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), sql + "\n");
  return folder;
}

function ensureLockfile(dir: string) {
  const lock = path.join(dir, "migration_lock.toml");
  if (fs.existsSync(lock)) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
}

/**
 * The engine does not see extensions in the shadow database it replays the migrations
 * into, so it proposes `CREATE EXTENSION` again in every diff. Drop those that an
 * existing migration already creates.
 */
function withoutKnownExtensions(sql: string, dir: string): string {
  const existing = readMigrations(dir)
    .migrationDirectories.map((m) => (m.migrationFile.content.tag === "ok" ? m.migrationFile.content.value : ""))
    .join("\n");
  const cleaned = sql
    .split(/\n\s*\n/)
    .filter((block) => {
      const m = block.match(/CREATE EXTENSION IF NOT EXISTS "([^"]+)"/);
      return !(m && existing.includes(`CREATE EXTENSION IF NOT EXISTS "${m[1]}"`));
    })
    .join("\n\n")
    .trim();
  return /^(-- This is an empty migration\.?)?$/.test(cleaned) ? "" : cleaned;
}
