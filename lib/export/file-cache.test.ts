import { PassThrough, pipeline } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { FileCache } from "./file-cache";

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe("FileCache", () => {
  it("gives back a file only at the version it was kept at, and drops it for another", () => {
    const cache = new FileCache(1000);
    cache.set("a", "1", bytes(10));
    expect(cache.get("a", "1")).toEqual(bytes(10));
    expect(cache.get("a", "2")).toBeNull();
    expect(cache.get("a", "1")).toBeNull(); // dropped with its old version
    expect(cache.heldBytes).toBe(0);
  });

  it("drops the least recently used files to stay within its size, and does not keep a file over a quarter of it", () => {
    const cache = new FileCache(1000);
    cache.set("a", "1", bytes(200));
    cache.set("b", "1", bytes(200));
    cache.set("c", "1", bytes(200));
    cache.set("d", "1", bytes(200));
    expect(cache.get("a", "1")).not.toBeNull(); // used: b is now the oldest
    cache.set("e", "1", bytes(250));
    expect(cache.get("b", "1")).toBeNull();
    expect(["a", "c", "d", "e"].map((k) => cache.get(k, "1")?.length)).toEqual([200, 200, 200, 250]);
    expect(cache.heldBytes).toBe(850);
    cache.set("big", "1", bytes(251));
    expect(cache.get("big", "1")).toBeNull();
    cache.set("a", "2", bytes(100)); // a new version replaces the old one's bytes
    expect(cache.heldBytes).toBe(750);
  });

  it("keeps what went through its keeper once the stream ended, and nothing from a stream destroyed midway", async () => {
    const cache = new FileCache(1000);
    const keeper = cache.keeper("a", "7");
    const out = new PassThrough();
    pipeline(keeper, out, () => {});
    keeper.write(Buffer.from("xlsx "));
    keeper.end(Buffer.from("bytes"));
    expect((await buffer(out)).toString()).toBe("xlsx bytes");
    expect(Buffer.from(cache.get("a", "7")!).toString()).toBe("xlsx bytes");

    const cut = cache.keeper("b", "7");
    const client = new PassThrough();
    pipeline(cut, client, () => {});
    cut.write(Buffer.from("half"));
    client.destroy(); // the client left
    await new Promise((resolve) => cut.once("close", resolve));
    expect(cache.get("b", "7")).toBeNull();

    const large = cache.keeper("c", "7");
    large.resume();
    large.end(Buffer.alloc(300)); // over a quarter of the cache: sent, not kept
    await new Promise((resolve) => large.once("end", resolve));
    expect(cache.get("c", "7")).toBeNull();
  });
});
