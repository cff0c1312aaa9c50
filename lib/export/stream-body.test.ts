import { once } from "node:events";
import type { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { streamBody } from "./stream-body";

/** Writes `n` chunks of 64 KB, waiting while `out` is full; counts what it wrote. */
function writer(n: number, written: { chunks: number; ended: boolean }, failAt?: number) {
  return async (out: Writable) => {
    for (let i = 0; i < n; i++) {
      if (i === failAt) throw new Error("the database went away");
      if (out.destroyed) throw new Error("closed");
      written.chunks++;
      if (!out.write(Buffer.alloc(64 * 1024, 65))) await once(out, "drain");
    }
    out.end();
    written.ended = true;
  };
}

describe("streamBody", () => {
  it("delivers what is written, whole", async () => {
    const written = { chunks: 0, ended: false };
    const bytes = await new Response(streamBody("/test", writer(20, written))).arrayBuffer();
    expect(bytes.byteLength).toBe(20 * 64 * 1024);
    expect(written).toEqual({ chunks: 20, ended: true });
  });

  it("writes only as fast as the client reads, and stops when the client leaves", async () => {
    const written = { chunks: 0, ended: false };
    const reader = streamBody("/test", writer(10_000, written)).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Not the 640 MB the writer has: what the buffers between it and the reader hold.
    expect(written.chunks).toBeLessThan(20);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = written.chunks;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written.chunks).toBe(after);
    expect(written.ended).toBe(false);
  });

  it("ends the download unfinished when the writing fails midway", async () => {
    const written = { chunks: 0, ended: false };
    await expect(new Response(streamBody("/test", writer(20, written, 5))).arrayBuffer()).rejects.toThrow();
    expect(written.chunks).toBe(5);
  });
});
