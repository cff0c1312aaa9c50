import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerToken, generateToken, hashToken, looksLikeToken, tokenStatus } from "./token-format";

describe("generateToken", () => {
  it("makes dv_ + 32 random bytes in base64url, its SHA-256 hex and a short prefix", () => {
    const { token, tokenHash, prefix } = generateToken();
    expect(token).toMatch(/^dv_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(prefix).toBe(token.slice(0, 11));
    expect(looksLikeToken(token)).toBe(true);
  });

  it("never makes the same token twice", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateToken().token));
    expect(tokens.size).toBe(200);
  });
});

describe("hashToken", () => {
  it("is SHA-256 hex of the whole token", () => {
    // printf dv_abc | sha256sum
    expect(hashToken("dv_abc")).toBe("f9f46c10c35d665ecd2c6538244faddd234261df863466a0bfc60e7a36920113");
    expect(hashToken("dv_abc")).not.toBe(hashToken("dv_abd"));
  });
});

describe("looksLikeToken", () => {
  it.each([
    ["dv_" + "A".repeat(43), true],
    ["dv_" + "A".repeat(42), false],
    ["dv_" + "A".repeat(44), false],
    ["xx_" + "A".repeat(43), false],
    ["dv_" + "A".repeat(42) + "=", false],
    ["dv_" + "A".repeat(42) + "+", false],
    ["", false],
  ])("%s → %s", (value, expected) => {
    expect(looksLikeToken(value)).toBe(expected);
  });
});

describe("bearerToken", () => {
  it("reads Bearer <token>, refuses other schemes, and says when there is no header", () => {
    expect(bearerToken(null)).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken("Bearer dv_x")).toBe("dv_x");
    expect(bearerToken("bearer   dv_x ")).toBe("dv_x");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken("")).toBeNull();
  });
});

describe("tokenStatus", () => {
  const now = new Date("2026-06-15T10:00:00Z");
  it("is revoked, then expired, else active", () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenStatus({ revokedAt: null, expiresAt: new Date("2026-06-15T10:00:01Z") }, now)).toBe("active");
    expect(tokenStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenStatus({ revokedAt: new Date("2026-06-01"), expiresAt: new Date("2026-06-02") }, now)).toBe("revoked");
  });
});
