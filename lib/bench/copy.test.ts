import { describe, expect, it } from "vitest";
import { copyField, CopyFeed } from "./copy";

describe("copyField", () => {
  it("writes COPY's text format: null, numbers, booleans, dates, int arrays", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField(42)).toBe("42");
    expect(copyField(true)).toBe("t");
    expect(copyField(new Date("2026-11-23T03:00:00Z"))).toBe("2026-11-23T03:00:00.000Z");
    expect(copyField([1, 2, 3])).toBe("{1,2,3}");
  });

  it("escapes backslashes, tabs and line breaks, and leaves Vietnamese text alone", () => {
    expect(copyField("Thôn Đình, xã Quang Sơn")).toBe("Thôn Đình, xã Quang Sơn");
    expect(copyField("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyField("\\N")).toBe("\\\\N");
  });
});

describe("CopyFeed", () => {
  const drain = async (feed: CopyFeed) => {
    let text = "";
    for await (const chunk of feed.chunks()) text += chunk;
    return text;
  };

  it("hands over every line in order, the last partial chunk at the end", async () => {
    const feed = new CopyFeed();
    const reading = drain(feed);
    feed.row([1, "a\tb", null]);
    for (let i = 0; i < 5000; i++) feed.line(`${i}\t${"x".repeat(30)}`);
    feed.end();
    const text = await reading;
    const lines = text.split("\n");
    expect(lines[0]).toBe("1\ta\\tb\t\\N");
    expect(lines[5000]).toBe(`4999\t${"x".repeat(30)}`);
    expect(lines).toHaveLength(5002);
    expect(feed.count).toBe(5001);
  });

  it("asks the writer to wait while it is full, and lets it go once read", async () => {
    const feed = new CopyFeed(2);
    for (let i = 0; i < 3 * 2200; i++) feed.line(`${i}\t${"y".repeat(25)}`);
    const wait = feed.pace();
    expect(wait).toBeInstanceOf(Promise);
    let released = false;
    void wait!.then(() => (released = true));
    const reader = feed.chunks();
    await reader.next();
    await reader.next();
    await Promise.resolve();
    expect(released).toBe(true);
    expect(feed.pace()).toBeUndefined();
  });

  it("fails a waiting writer when the reader failed", async () => {
    const feed = new CopyFeed(1);
    for (let i = 0; i < 2 * 2200; i++) feed.line(`${i}\t${"z".repeat(25)}`);
    const wait = feed.pace();
    feed.fail(new Error("COPY failed"));
    await expect(wait).rejects.toThrow("COPY failed");
    await expect(feed.pace()).rejects.toThrow("COPY failed");
  });
});
