import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { admissionLimit, createAdmission } from "./admission";
import type { Handler } from "./server";

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server whose handler holds each request until the test lets it go. */
async function held(limit: number) {
  const admission = createAdmission(limit);
  const entered: string[] = [];
  const release = new Map<string, () => void>();
  const handle: Handler = async (req, res) => {
    if (!(await admission.enter(req, res))) return;
    entered.push(req.url!);
    await new Promise<void>((r) => release.set(req.url!, r));
    res.end(req.url);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, entered, release, admission };
}

describe("admission", () => {
  it("renders at most `limit` requests at once; the others wait their turn, in order", async () => {
    const s = await held(2);
    const answers = ["/a", "/b", "/c", "/d"].map((p) => fetch(s.url + p).then((r) => r.text()));
    await expect.poll(() => s.entered.length).toBe(2);
    expect(s.admission.waiting()).toBe(2);
    s.release.get(s.entered[0])!();
    await expect.poll(() => s.entered.length).toBe(3);
    expect(s.entered[2]).toBe("/c");
    for (const p of ["/a", "/b", "/c", "/d"]) {
      await expect.poll(() => s.release.has(p)).toBe(true);
      s.release.get(p)!();
    }
    expect(await Promise.all(answers)).toEqual(["/a", "/b", "/c", "/d"]);
    expect(s.admission.active()).toBe(0);
  });

  it("never makes a server action wait for its own redirect: Next.js renders the target through a request of the server to itself", async () => {
    // A redirecting server action (POST with a Next-Action header) answers with its target's render, which
    // Next.js fetches from this same server (action-handler's createRedirectRenderResult). With the action
    // holding the only turn, that fetch would wait for it forever: every intake under load hung until its
    // client gave up (npm run bench -- load, 20 of 20 at 60 s).
    const admission = createAdmission(1);
    let base = "";
    const handle: Handler = async (req, res) => {
      if (!(await admission.enter(req, res))) return;
      if (req.method === "POST") {
        const target = await fetch(`${base}/petitions/1?created=1`, { headers: { rsc: "1" } });
        res.end(`action → ${await target.text()}`);
      } else {
        res.end(`render of ${req.url}`);
      }
    };
    const server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const answer = await fetch(`${base}/petitions/new`, { method: "POST", headers: { "next-action": "7f00aa" }, body: "x" });
    expect(await answer.text()).toBe("action → render of /petitions/1?created=1");
    expect(admission.active()).toBe(0);
  });

  it("lets the health check and static files past the queue", async () => {
    const s = await held(1);
    void fetch(s.url + "/slow").catch(() => undefined);
    await expect.poll(() => s.entered.length).toBe(1);
    void fetch(s.url + "/api/health").catch(() => undefined);
    void fetch(s.url + "/_next/static/chunks/app.js").catch(() => undefined);
    await expect.poll(() => s.entered.length).toBe(3);
    expect(s.admission.waiting()).toBe(0);
    for (const p of ["/slow", "/api/health", "/_next/static/chunks/app.js"]) s.release.get(p)!();
  });

  it("forgets a request whose client went away while it waited", async () => {
    const s = await held(1);
    void fetch(s.url + "/first").catch(() => undefined);
    await expect.poll(() => s.entered.length).toBe(1);
    const gone = new AbortController();
    void fetch(s.url + "/gone", { signal: gone.signal }).catch(() => undefined);
    await expect.poll(() => s.admission.waiting()).toBe(1);
    gone.abort();
    await expect.poll(() => s.admission.waiting()).toBe(0);
    const next = fetch(s.url + "/next").then((r) => r.text());
    s.release.get("/first")!();
    await expect.poll(() => s.release.has("/next")).toBe(true);
    s.release.get("/next")!();
    expect(await next).toBe("/next");
    expect(s.entered).toEqual(["/first", "/next"]);
  });

  it("reads its limit from MAX_CONCURRENT_REQUESTS: a whole number, 0 for none, 16 by default", () => {
    expect(admissionLimit(undefined)).toBe(16);
    expect(admissionLimit("8")).toBe(8);
    expect(admissionLimit("0")).toBe(0);
    expect(() => admissionLimit("lots")).toThrow(/MAX_CONCURRENT_REQUESTS/);
  });
});
