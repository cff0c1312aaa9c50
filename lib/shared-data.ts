import { fileURLToPath } from "node:url";

/**
 * The folder of the real reference files beside the project: the GSO catalogue, the 2025
 * mergers, Vĩnh Phúc's district boundaries (../shared/data/README.md). They are read where they
 * are and never copied into the project (decision 043): the demo seed draws its map from them,
 * tests check against them. `SHARED_DATA_DIR` names the folder when the project sits elsewhere
 * (a git worktree); otherwise `../shared/data` from the project root.
 */
export function sharedDataDir(env: Record<string, string | undefined> = process.env): string {
  return env.SHARED_DATA_DIR || fileURLToPath(new URL("../../shared/data", import.meta.url));
}
