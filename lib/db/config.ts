import path from "node:path";

/** Where the data lives, decided by DATABASE_URL. */
export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string | null } // null: in memory
  | { kind: "postgres"; url: string };

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/**
 * `DATABASE_URL` unset or `pglite:<dir>` → the embedded PGlite (`pglite:memory` keeps it
 * in memory); `postgres://…` or `postgresql://…` → a PostgreSQL server.
 */
export function databaseConfig(url: string | undefined = process.env.DATABASE_URL): DatabaseConfig {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dataDir: inProject(DEFAULT_PGLITE_DIR) };
  if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
    return { kind: "postgres", url: value };
  }
  if (value.startsWith("pglite:")) {
    const dir = value.slice("pglite:".length).replace(/^\/\/(?=\/)/, "");
    if (dir === "memory" || dir === "memory://") return { kind: "pglite", dataDir: null };
    return { kind: "pglite", dataDir: inProject(dir || DEFAULT_PGLITE_DIR) };
  }
  throw new Error(
    `DATABASE_URL không hợp lệ / invalid DATABASE_URL: expected postgres://…, postgresql://… or pglite:<dir>, got "${value.split(":")[0]}:…"`,
  );
}

function inProject(dir: string): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "postgres") {
    const u = new URL(config.url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return config.dataDir ? `PGlite ${path.relative(process.cwd(), config.dataDir) || "."}` : "PGlite (in memory)";
}
