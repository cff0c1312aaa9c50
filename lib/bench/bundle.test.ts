import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstLoadJs, scriptElements } from "./bundle";

const APP_JS = "export function enhance(form) { form.dataset.enhanced = 'yes'; }\n".repeat(40);
const INLINE_CLASSIC = 'self.__greeting = "Xin chào, Lập Thạch";';
const INLINE_MODULE = "import('./later.js');";
const gz = (text: string) => zlib.gzipSync(Buffer.from(text, "utf8"), { level: 9 }).length;

// The page names app.js twice (once relative to /meetings/new): it is one file.
const PAGE = `<!DOCTYPE html><html><head>
<script src="/static/app.js" async></script>
<script nomodule src="/static/polyfills.js"></script>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}}}</script>
<script type='application/ld+json'>{"@type":"Organization"}</script>
<!-- <script src="/static/old.js"></script> -->
</head><body>
<script>${INLINE_CLASSIC}</script>
<script type="module" data-note="a > b">${INLINE_MODULE}</script>
<script nomodule>self.__legacy = true;</script>
<script defer src=../static/app.js></script>
<script></script>
</body></html>`;

describe("firstLoadJs", () => {
  const requests: string[] = [];
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? "");
      if (req.url === "/meetings/new") {
        if (req.headers.cookie !== "session=abc") return res.writeHead(307, { location: "/login" }).end();
        return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
      }
      if (req.url === "/static/app.js") {
        // Served compressed, as next start does: what counts is the script itself, gzipped at level 9.
        return res.writeHead(200, { "content-type": "text/javascript", "content-encoding": "gzip" }).end(zlib.gzipSync(APP_JS, { level: 1 }));
      }
      if (req.url === "/static/polyfills.js" || req.url === "/static/old.js") return res.writeHead(200, { "content-type": "text/javascript" }).end("/* must not be fetched */");
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("counts each script file once and the inline JavaScript, not data blocks, nomodule scripts or comments", async () => {
    const load = await firstLoadJs(`${base}/meetings/new`, { cookie: "session=abc" });
    const inline = [INLINE_CLASSIC, INLINE_MODULE];
    expect(load).toEqual({
      url: `${base}/meetings/new`,
      files: [{ src: `${base}/static/app.js`, bytes: APP_JS.length, gzipBytes: gz(APP_JS) }],
      inline: inline.map((text) => ({ bytes: Buffer.byteLength(text, "utf8"), gzipBytes: gz(text) })),
      filesGzipBytes: gz(APP_JS),
      inlineGzipBytes: gz(INLINE_CLASSIC) + gz(INLINE_MODULE),
      gzipBytes: gz(APP_JS) + gz(INLINE_CLASSIC) + gz(INLINE_MODULE),
    });
    expect(Buffer.byteLength(INLINE_CLASSIC, "utf8")).toBeGreaterThan(INLINE_CLASSIC.length); // counted in UTF-8 bytes
    expect(requests.filter((url) => url.startsWith("/static/")).sort()).toEqual(["/static/app.js"]);
  });

  it("refuses to measure a page that redirects, such as a sign-in page instead of the one asked for", async () => {
    await expect(firstLoadJs(`${base}/meetings/new`)).rejects.toThrow(/307 → \/login/);
  });
});

describe("scriptElements", () => {
  it("reads quoted, unquoted and value-less attributes, decodes entities in them, and keeps script text raw", () => {
    const html = `<SCRIPT src='/a.js?x=1&amp;y=2' async type=module></SCRIPT><script>if (a &amp;&amp; b < c) {}</script >`;
    expect(scriptElements(html)).toEqual([
      { attributes: { src: "/a.js?x=1&y=2", async: "", type: "module" }, text: "" },
      { attributes: {}, text: "if (a &amp;&amp; b < c) {}" },
    ]);
  });
});
