/**
 * The JavaScript a page makes the browser download on first load, read from a `next build`
 * output (Turbopack): the root chunks every page loads (build-manifest.json `rootMainFiles`)
 * and the chunks of the page's own entries, its layouts and error boundaries (the page's
 * client reference manifest, `entryJSFiles`). Each file gzipped at level 9 and counted once.
 * Not counted: the legacy-browser polyfills (`polyfillFiles`, loaded with `nomodule`; the
 * phones we serve run modern Chromium) and the chunks only the not-found boundary uses, which
 * the browser fetches only when it renders a 404. tests/e2e/bundle.spec.ts checks that this
 * count is what Chromium downloads.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded by every page (framework and root layout), not by this page alone. */
  shared: boolean;
}

export interface FirstLoad {
  route: string;
  chunks: ChunkSize[];
  gzipBytes: number;
  /** What the page adds on top of the chunks every page of the signed-in shell loads. */
  pageGzipBytes: number;
  /** The framework alone (Next.js runtime, React DOM): `rootMainFiles`, loaded by every page. */
  frameworkGzipBytes: number;
}

function entryFiles(nextDir: string, route: string): Record<string, string[]> {
  const file = path.join(nextDir, "server/app", `${route}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) throw new Error(`no client manifest for ${route} in ${nextDir}: run next build first`);
  const sandbox: { globalThis: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } } = { globalThis: {} };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.globalThis.__RSC_MANIFEST?.[route];
  if (!manifest?.entryJSFiles) throw new Error(`the client manifest of ${route} has no entryJSFiles`);
  return manifest.entryJSFiles;
}

/** `route` as the build names it, e.g. "/(app)/meetings/new/page". */
export function firstLoadJs(nextDir: string, route: string): FirstLoad {
  const build = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const entries = Object.fromEntries(Object.entries(entryFiles(nextDir, route)).filter(([k]) => !/\/not-found$/.test(k)));
  const ownEntry = Object.keys(entries).find((k) => k.endsWith(`/app${route}`));
  const shared = new Set([...build.rootMainFiles, ...Object.entries(entries).filter(([k]) => k !== ownEntry).flatMap(([, files]) => files)]);
  const files = new Set([...build.rootMainFiles, ...Object.values(entries).flat()]);
  const chunks = [...files].map((file) => {
    const bytes = fs.readFileSync(path.join(nextDir, file));
    return { file, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length, shared: shared.has(file) };
  });
  const sum = (list: ChunkSize[]) => list.reduce((n, c) => n + c.gzipBytes, 0);
  const root = new Set(build.rootMainFiles);
  return { route, chunks, gzipBytes: sum(chunks), pageGzipBytes: sum(chunks.filter((c) => !c.shared)), frameworkGzipBytes: sum(chunks.filter((c) => root.has(c.file))) };
}
