import { describe, expect, it } from "vitest";
import { readBodyBytes } from "./body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
const stream = (parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(new TextEncoder().encode(p));
      c.close();
    },
  });

describe("readBodyBytes", () => {
  it("reads a body within the limit, and an empty one", async () => {
    expect((await readBodyBytes(post("a=1&b=2"), 100))?.toString()).toBe("a=1&b=2");
    expect((await readBodyBytes(post(null), 100))?.length).toBe(0);
  });

  it("refuses a body that declares more than the limit, before reading it", async () => {
    expect(await readBodyBytes(post("abc", { "content-length": "101" }), 100)).toBeNull();
    expect(await readBodyBytes(post("abc", { "content-length": "not a number" }), 100)).toBeNull();
  });

  it("stops a body that says nothing of its size once it passes the limit", async () => {
    expect(await readBodyBytes(post(stream(["x".repeat(60), "y".repeat(60)])), 100)).toBeNull();
    expect((await readBodyBytes(post(stream(["x".repeat(60), "y".repeat(40)])), 100))?.length).toBe(100);
  });
});
