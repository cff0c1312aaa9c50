import { describe, expect, it } from "vitest";
import { VersionedMemo } from "./versioned";

describe("VersionedMemo", () => {
  it("counts once per key and version, again when the version moves on", async () => {
    const memo = new VersionedMemo<number>(10);
    let calls = 0;
    const count = async () => ++calls;
    expect(await memo.get("a", "1", count)).toBe(1);
    expect(await memo.get("a", "1", count)).toBe(1);
    expect(await memo.get("a", "2", count)).toBe(2);
    expect(await memo.get("a", "2", count)).toBe(2);
    expect(await memo.get("b", "2", count)).toBe(3);
    expect(calls).toBe(3);
  });

  it("keeps nothing without a version", async () => {
    const memo = new VersionedMemo<number>(10);
    let calls = 0;
    await memo.get("a", null, async () => ++calls);
    await memo.get("a", null, async () => ++calls);
    expect(calls).toBe(2);
    expect(memo.size).toBe(0);
  });

  it("drops the least recently used key past its size", async () => {
    const memo = new VersionedMemo<string>(2);
    await memo.get("a", "1", async () => "a");
    await memo.get("b", "1", async () => "b");
    await memo.get("a", "1", async () => "a again"); // a is now the most recent
    await memo.get("c", "1", async () => "c"); // b goes
    expect(memo.size).toBe(2);
    expect(await memo.get("a", "1", async () => "a recounted")).toBe("a");
    expect(await memo.get("b", "1", async () => "b recounted")).toBe("b recounted");
  });
});
