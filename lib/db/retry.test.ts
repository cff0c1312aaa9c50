import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { isTransientWriteError, isUniqueViolation } from "./errors";
import { backoffMs, withRetries } from "./retry";

const known = (code: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError("x", { code, clientVersion: "7", meta });
/** How a raw query's failure reaches us: P2010 carrying the driver adapter's error. */
const raw = (cause: Record<string, unknown>) => known("P2010", { driverAdapterError: { name: "DriverAdapterError", cause } });

describe("the errors a write may be retried after", () => {
  it("are serialisation failures, deadlocks and expired or unstarted interactive transactions", () => {
    expect(isTransientWriteError(known("P2034"))).toBe(true);
    expect(isTransientWriteError(known("P2028"))).toBe(true);
    expect(isTransientWriteError(raw({ kind: "TransactionWriteConflict", originalCode: "40001" }))).toBe(true);
    expect(isTransientWriteError(raw({ kind: "postgres", originalCode: "40P01" }))).toBe(true);
    expect(isTransientWriteError(Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { kind: "TransactionWriteConflict" } }))).toBe(true);
  });

  it("are not unique violations, other database errors or anything else", () => {
    expect(isTransientWriteError(known("P2002"))).toBe(false);
    expect(isTransientWriteError(raw({ kind: "UniqueConstraintViolation", originalCode: "23505" }))).toBe(false);
    expect(isTransientWriteError(raw({ kind: "postgres", originalCode: "42P18" }))).toBe(false);
    expect(isTransientWriteError(new Error("boom"))).toBe(false);
    expect(isTransientWriteError(null)).toBe(false);
  });

  it("tell a unique violation however it came", () => {
    expect(isUniqueViolation(known("P2002"))).toBe(true);
    expect(isUniqueViolation(raw({ kind: "UniqueConstraintViolation", originalCode: "23505" }))).toBe(true);
    expect(isUniqueViolation(raw({ kind: "TransactionWriteConflict", originalCode: "40001" }))).toBe(false);
  });
});

describe("withRetries", () => {
  const noWait = { sleep: async () => {} };

  it("runs the work again after a transient failure, up to the number of attempts", async () => {
    let calls = 0;
    const result = await withRetries(async (attempt) => {
      calls++;
      if (attempt < 3) throw known("P2034");
      return "saved";
    }, noWait);
    expect(result).toBe("saved");
    expect(calls).toBe(3);

    calls = 0;
    await expect(withRetries(async () => { calls++; throw known("P2034"); }, { ...noWait, attempts: 4 })).rejects.toMatchObject({ code: "P2034" });
    expect(calls).toBe(4);
  });

  it("passes any other error straight through, after one attempt", async () => {
    let calls = 0;
    await expect(withRetries(async () => { calls++; throw known("P2002"); }, noWait)).rejects.toMatchObject({ code: "P2002" });
    expect(calls).toBe(1);
  });

  it("waits a random part of a doubling, capped interval between attempts", async () => {
    const waits: number[] = [];
    await withRetries(async (attempt) => { if (attempt < 5) throw known("P2034"); }, { sleep: async (ms) => void waits.push(ms), random: () => 0.999, baseDelayMs: 10, maxDelayMs: 50 });
    expect(waits).toEqual([9, 19, 39, 49]);
    expect(backoffMs(3, { random: () => 0 })).toBe(0);
  });
});
