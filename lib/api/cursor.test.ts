import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, InvalidCursorError, pageParams, readCursor, toPage } from "./cursor";

const key = z.tuple([z.number().int(), z.string()]);

describe("encodeCursor / decodeCursor", () => {
  it("round-trips a key, Vietnamese text included, through an opaque base64url string", () => {
    const cursor = encodeCursor([3, "Lập Thạch"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("L");
    expect(decodeCursor(cursor, key)).toEqual([3, "Lập Thạch"]);
  });

  it("refuses what is not one of ours: bad characters, bad JSON, the wrong shape", () => {
    expect(decodeCursor("not a cursor!", key)).toBeNull();
    expect(decodeCursor(Buffer.from("{oops").toString("base64url"), key)).toBeNull();
    expect(decodeCursor(encodeCursor({ id: 3 }), key)).toBeNull();
    expect(decodeCursor(encodeCursor([3.5, "x"]), key)).toBeNull();
    expect(decodeCursor("A".repeat(3000), key)).toBeNull();
  });

  // Issue 12, finding 7: a forged key reached PostgreSQL (a NUL byte in a name, an id past 2^31).
  it("refuses keys the database could not take: control characters, integers past PostgreSQL's", () => {
    expect(decodeCursor(encodeCursor([3, "a\u0000b"]), key)).toBeNull();
    expect(decodeCursor(encodeCursor([2147483648, "x"]), key)).toBeNull();
    expect(decodeCursor(encodeCursor([-2147483649, "x"]), key)).toBeNull();
    expect(decodeCursor(encodeCursor([2147483647, "x"]), key)).toEqual([2147483647, "x"]);
  });

  it("readCursor: undefined is the first page, garbage throws", () => {
    expect(readCursor(undefined, key)).toBeUndefined();
    expect(readCursor(encodeCursor([1, "a"]), key)).toEqual([1, "a"]);
    expect(() => readCursor("garbage", key)).toThrow(InvalidCursorError);
  });
});

describe("toPage", () => {
  const rows = [1, 2, 3, 4].map((id) => ({ id, name: `n${id}` }));
  it("shows `limit` rows and a cursor on the last one shown when there were more", () => {
    const page = toPage(rows, 3, (r) => [r.id, r.name], (r) => r.name);
    expect(page.items).toEqual(["n1", "n2", "n3"]);
    expect(decodeCursor(page.nextCursor!, key)).toEqual([3, "n3"]);
  });

  it("has no cursor on the last page", () => {
    expect(toPage(rows, 4, (r) => [r.id], (r) => r.id)).toEqual({ items: [1, 2, 3, 4], nextCursor: null });
    expect(toPage([], 4, () => [], (r) => r)).toEqual({ items: [], nextCursor: null });
  });
});

describe("pageParams", () => {
  const schema = z.object(pageParams);
  it("defaults limit to 50 and accepts 1–200", () => {
    expect(schema.parse({})).toEqual({ limit: 50 });
    expect(schema.parse({ limit: "200", cursor: "abc" })).toEqual({ limit: 200, cursor: "abc" });
    expect(schema.parse({ limit: "1" }).limit).toBe(1);
  });

  it.each(["0", "201", "2.5", "abc", "-1"])("refuses limit=%s with a message", (limit) => {
    const result = schema.safeParse({ limit });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/limit/);
  });
});
