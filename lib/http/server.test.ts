import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { currentRequestId, noteUser } from "../log/context";
import { withRequestLog, type Handler } from "./server";
import { mayWrite, writesSeen } from "./writes";

/** A real HTTP server with the wrapper around `handle`, its log lines collected. */
async function serve(handle: Handler, trustProxy = false) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const server = createServer(withRequestLog(handle, { trustProxy, logger: pino(sink) }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

describe("withRequestLog", () => {
  it("gives each request an id, sends it back, and logs one line with the user, path, masked query, status and time", async () => {
    const seen: string[] = [];
    const { url, lines } = await serve(async (req, res) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(currentRequestId(), String(req.headers["x-request-id"]));
      noteUser(42);
      res.statusCode = 201;
      res.end("ok");
    });
    const res = await fetch(`${url}/petitions/7?q=Nguyen%20Van%20A`, { method: "POST", body: "name=Nguyen Van A", headers: { "X-Request-Id": "client-chosen-0001" } });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The code below the wrapper sees the same id, in its context and in the request header.
    expect(seen).toEqual([id, id]);
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatchObject({ type: "request", requestId: id, userId: 42, method: "POST", path: "/petitions/7", query: "q=*", status: 201 });
    expect(lines[0].ms).toEqual(expect.any(Number));
    expect(JSON.stringify(lines)).not.toContain("Nguyen");
  });

  it("counts a request that may write when it starts and when it ends; a read is not counted (decision 048)", async () => {
    const during: number[] = [];
    const { url } = await serve((_req, res) => {
      during.push(writesSeen());
      res.end("ok");
    });
    const start = writesSeen();
    await (await fetch(`${url}/reports`)).text();
    await (await fetch(`${url}/reports`, { method: "HEAD" })).text();
    expect(writesSeen()).toBe(start);
    await (await fetch(`${url}/petitions/new`, { method: "POST", body: "x=1" })).text();
    // The response's end is counted once it is finished, just after the client has it.
    await vi.waitFor(() => expect(writesSeen()).toBe(start + 2));
    expect(during).toEqual([start, start, start + 1]);
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) expect(mayWrite(method)).toBe(true);
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(mayWrite(method)).toBe(false);
  });

  it("without a trusted proxy, the client's address is the connection's, whatever X-Forwarded-For the client sent", async () => {
    const seen: (string | undefined)[] = [];
    const handle: Handler = (req, res) => {
      seen.push(req.headers["x-forwarded-for"] as string | undefined);
      res.end("ok");
    };
    const direct = await serve(handle);
    await fetch(`${direct.url}/login`, { headers: { "X-Forwarded-For": "203.0.113.66" } });
    const behindProxy = await serve(handle, true);
    await fetch(`${behindProxy.url}/login`, { headers: { "X-Forwarded-For": "203.0.113.66" } });
    expect(seen).toEqual(["127.0.0.1", "203.0.113.66"]);
  });

  it("answers 500 and logs an error line when the handler throws past Next.js", async () => {
    const { url, lines } = await serve(async () => {
      noteUser(9);
      throw new Error("boom\nwith the value Nguyen Van A");
    });
    const res = await fetch(`${url}/x`);
    expect(res.status).toBe(500);
    const id = res.headers.get("x-request-id");
    await expect.poll(() => lines.length).toBe(2);
    expect(lines.find((l) => l.type === "error")).toMatchObject({ source: "server", requestId: id, userId: 9, message: "boom" });
    expect(lines.find((l) => l.type === "request")).toMatchObject({ requestId: id, status: 500 });
    expect(JSON.stringify(lines)).not.toContain("Nguyen");
  });

  it("takes a forwarded request id only behind a trusted proxy, and only when it looks like one", async () => {
    const trusted = await serve((_req, res) => res.end(), true);
    expect((await fetch(trusted.url, { headers: { "X-Request-Id": "edge-1234abcd" } })).headers.get("x-request-id")).toBe("edge-1234abcd");
    expect((await fetch(trusted.url, { headers: { "X-Request-Id": "bad id\twith tab" } })).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const untrusted = await serve((_req, res) => res.end());
    expect((await fetch(untrusted.url, { headers: { "X-Request-Id": "edge-1234abcd" } })).headers.get("x-request-id")).not.toBe("edge-1234abcd");
  });
});
