import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery";
import { matchTotpStep, newTotpSecret, normaliseTotpCode, totpCode, totpStep, totpUri } from "./totp";

const T = Date.UTC(2026, 11, 6, 3, 0, 15); // 15 s into a step

describe("TOTP codes", () => {
  const secret = newTotpSecret();

  it("makes a 32-character base32 secret and an otpauth address an app reads", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, "admin");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
  });

  it("accepts this step's code and one step either side, and says which step it matched", () => {
    expect(matchTotpStep(secret, totpCode(secret, T), T)).toBe(totpStep(T));
    expect(matchTotpStep(secret, totpCode(secret, T - 30_000), T)).toBe(totpStep(T) - 1);
    expect(matchTotpStep(secret, totpCode(secret, T + 30_000), T)).toBe(totpStep(T) + 1);
  });

  it("refuses a code two steps away, another secret's code, and anything not six digits", () => {
    expect(matchTotpStep(secret, totpCode(secret, T - 60_000), T)).toBeNull();
    expect(matchTotpStep(secret, totpCode(secret, T + 60_000), T)).toBeNull();
    expect(matchTotpStep(newTotpSecret(), totpCode(secret, T), T)).toBeNull();
    expect(matchTotpStep(secret, "12345", T)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", T)).toBeNull();
    expect(matchTotpStep(secret, "", T)).toBeNull();
  });

  it("reads a code typed with a space or dash", () => {
    const code = totpCode(secret, T);
    expect(normaliseTotpCode(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(code);
    expect(matchTotpStep(secret, `${code.slice(0, 3)}-${code.slice(3)}`, T)).toBe(totpStep(T));
  });
});

describe("recovery codes", () => {
  it("makes ten different codes of 12 characters without look-alikes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it("hashes a code the same however it is typed, and refuses what cannot be one", () => {
    const [code] = newRecoveryCodes(1);
    expect(hashRecoveryCode(code.toUpperCase().replace(/-/g, " "))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(normaliseRecoveryCode("1111-1111-1111")).toBeNull();
    expect(hashRecoveryCode("short")).toBeNull();
  });
});
