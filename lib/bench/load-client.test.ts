import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus, runLoad, type LoadJob } from "./load-client";

/** A real server on the loopback: /ok answers gzip, /fail 500, /slow never in time, /echo the body's length. */
let server: http.Server;
let base: string;
const sockets = new Set<string>();
let requests = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++;
    sockets.add(`${req.socket.remotePort}`);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/ok") {
        res.writeHead(200, { "content-encoding": "gzip" });
        res.end(zlib.gzipSync(`<p name="marker">${"x".repeat(1000)}</p>`));
      } else if (req.url === "/fail") {
        res.writeHead(500);
        res.end("boom");
      } else if (req.url === "/slow") {
        setTimeout(() => res.end("late"), 30_000).unref();
      } else {
        res.end(String(Buffer.concat(chunks).length));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, check = expectStatus([200])): LoadJob => ({ next: () => ({ method: "GET", path }), check });

describe("runLoad", () => {
  it("stops after maxRequests, over one keep-alive connection per worker", async () => {
    sockets.clear();
    requests = 0;
    const sample = await runLoad(base, get("/ok", expectStatus([200], 'name="marker"')), { connections: 4, durationMs: 60_000, maxRequests: 40 });
    expect(requests).toBe(40);
    expect(sample.latencies).toHaveLength(40);
    expect(sample.ok).toBe(40);
    expect(sample.errors).toEqual({});
    expect(sockets.size).toBe(4);
    // Bytes as sent (gzip), while the marker was found in the decompressed body.
    expect(sample.bytes / 40).toBeLessThan(200);
    expect(sample.seconds).toBeGreaterThan(0);
  });

  it("counts an unexpected status as an error, with an example of the answer", async () => {
    const sample = await runLoad(base, get("/fail"), { connections: 2, durationMs: 60_000, maxRequests: 6 });
    expect(sample.ok).toBe(0);
    expect(sample.errors).toEqual({ "500": 6 });
    expect(sample.examples?.["500"]).toBe("boom");
  });

  it("abandons a request past its timeout and still ends", async () => {
    const sample = await runLoad(base, get("/slow"), { connections: 2, durationMs: 60_000, maxRequests: 2, timeoutMs: 100 });
    expect(sample.errors).toEqual({ timeout: 2 });
  });

  it("ends at the deadline however many requests are allowed", async () => {
    const sample = await runLoad(base, get("/ok"), { connections: 2, durationMs: 200 });
    expect(sample.ok).toBeGreaterThan(0);
    expect(sample.errors).toEqual({});
  });

  it("sends the body and stops a worker whose job has nothing left", async () => {
    let left = 3;
    const job: LoadJob = {
      next: () => (left-- > 0 ? { method: "POST", path: "/echo", body: Buffer.from("hello") } : null),
      check: (answer) => (answer.body.toString() === "5" ? true : `got ${answer.body.toString()}`),
    };
    const sample = await runLoad(base, job, { connections: 2, durationMs: 60_000 });
    expect(sample.ok).toBe(3);
  });

  it("counts a connection refused as an error, not a crash", async () => {
    const sample = await runLoad("http://127.0.0.1:1", get("/ok"), { connections: 1, durationMs: 60_000, maxRequests: 1 });
    expect(sample.errors).toEqual({ ECONNREFUSED: 1 });
  });
});
