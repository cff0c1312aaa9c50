/**
 * The JavaScript a page makes the browser take on first load, measured over HTTP against the
 * running app (`next start`), so it holds for any page on either router and counts what a browser
 * gets: the page's HTML is fetched (with the session cookie), and each of its `<script>` elements is
 * counted once, gzipped at level 9:
 * - with `src`: the file, fetched from its URL resolved against the page's (`files`);
 * - without `src`: its text, when it is JavaScript (no `type`, a JavaScript MIME type or `module`;
 *   data blocks such as `application/json` are not run, so not counted) (`inline`). On App Router
 *   pages these are the RSC payload pushes (`self.__next_f.push`); older figures counted files
 *   only, so the two are reported apart.
 * Not counted: `nomodule` scripts (the legacy-browser polyfills; the phones we serve run modern
 * Chromium, which skips them), empty inline scripts, scripts inside HTML comments, and chunks
 * that the page's code loads later by itself. tests/e2e/bundle.spec.ts checks that this is what Chromium downloads.
 * Free of Next imports: scripts and tests use it against any server.
 */
import zlib from "node:zlib";

export interface ScriptFile {
  /** The absolute URL the script was fetched from. */
  src: string;
  bytes: number;
  gzipBytes: number;
}

export interface InlineScript {
  bytes: number;
  gzipBytes: number;
}

export interface FirstLoad {
  url: string;
  files: ScriptFile[];
  inline: InlineScript[];
  filesGzipBytes: number;
  inlineGzipBytes: number;
  /** files + inline. */
  gzipBytes: number;
}

/** The MIME types the HTML standard runs as classic scripts ("JavaScript MIME type essence match"). */
const JAVASCRIPT_TYPES = new Set([
  "application/ecmascript",
  "application/javascript",
  "application/x-ecmascript",
  "application/x-javascript",
  "text/ecmascript",
  "text/javascript",
  "text/javascript1.0",
  "text/javascript1.1",
  "text/javascript1.2",
  "text/javascript1.3",
  "text/javascript1.4",
  "text/javascript1.5",
  "text/jscript",
  "text/livescript",
  "text/x-ecmascript",
  "text/x-javascript",
]);

/** Whether a script with this `type` attribute (null: none) is run as JavaScript. */
export function isJavaScriptType(type: string | null): boolean {
  const value = (type ?? "").trim().toLowerCase();
  return value === "" || value === "module" || JAVASCRIPT_TYPES.has(value);
}

export interface ScriptElement {
  /** Attribute names lower-cased; a value-less attribute maps to "". */
  attributes: Record<string, string>;
  /** The raw text between the tags (scripts are raw text: no entities are decoded). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") return String.fromCodePoint(name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of source.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1].toLowerCase();
    if (!(name in attributes)) attributes[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""); // the first one wins, as in HTML
  }
  return attributes;
}

/** Every `<script>` element of an HTML document, in order; those inside comments are left out. */
export function scriptElements(html: string): ScriptElement[] {
  const found: ScriptElement[] = [];
  const pattern = /<!--[\s\S]*?(?:-->|$)|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)(?:<\/script\s*>|$)/gi;
  for (const m of html.matchAll(pattern)) {
    if (m[0].startsWith("<!--")) continue;
    found.push({ attributes: parseAttributes(m[1]), text: m[2] });
  }
  return found;
}

function sized(body: Uint8Array): { bytes: number; gzipBytes: number } {
  return { bytes: body.length, gzipBytes: zlib.gzipSync(body, { level: 9 }).length };
}

async function get(url: string, cookie: string | undefined): Promise<Response> {
  // The browser follows redirects; a measurement must not: a page that redirects (to /login, when the
  // cookie is not a session) would silently be measured as another page.
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (res.status !== 200) {
    const location = res.headers.get("location");
    throw new Error(`GET ${url}: ${res.status}${location ? ` → ${location}` : ""}`);
  }
  return res;
}

/** Whether the browser runs this element as JavaScript (so it is counted): not `nomodule`, of a JavaScript type. */
function runs(element: ScriptElement): boolean {
  return !("nomodule" in element.attributes) && isJavaScriptType(element.attributes.type ?? null);
}

/** The `src` of an external script that counts, as written; null for an inline or an uncounted one. */
export function countedSrc(element: ScriptElement): string | null {
  const src = element.attributes.src?.trim();
  return src && runs(element) ? src : null;
}

/** The text of an inline script that counts (not empty); null for an external or an uncounted one. */
export function countedInlineText(element: ScriptElement): string | null {
  return !("src" in element.attributes) && runs(element) && element.text.length > 0 ? element.text : null;
}

/** `pageUrl` absolute; `cookie` is sent with the page and with same-origin scripts, as a browser would. */
export async function firstLoadJs(pageUrl: string, init: { cookie?: string } = {}): Promise<FirstLoad> {
  const page = new URL(pageUrl);
  const html = await (await get(page.href, init.cookie)).text();
  const sources = new Set<string>(); // each file once, however often the page names it
  const inline: InlineScript[] = [];
  for (const element of scriptElements(html)) {
    const src = countedSrc(element);
    if (src) sources.add(new URL(src, page).href);
    const text = countedInlineText(element);
    if (text !== null) inline.push(sized(Buffer.from(text, "utf8")));
  }
  const files = await Promise.all(
    [...sources].map(async (src) => {
      const res = await get(src, new URL(src).origin === page.origin ? init.cookie : undefined);
      return { src, ...sized(new Uint8Array(await res.arrayBuffer())) };
    }),
  );
  const sum = (list: { gzipBytes: number }[]) => list.reduce((n, s) => n + s.gzipBytes, 0);
  const filesGzipBytes = sum(files);
  const inlineGzipBytes = sum(inline);
  return { url: page.href, files, inline, filesGzipBytes, inlineGzipBytes, gzipBytes: filesGzipBytes + inlineGzipBytes };
}
