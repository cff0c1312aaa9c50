import { describe, expect, it } from "vitest";
import { seal, unseal } from "./sealed";

const secret = "s".repeat(40);

describe("seal / unseal", () => {
  it("opens what it sealed, for the same purpose and secret only", () => {
    const text = seal({ uid: 7 }, secret, "known-device");
    expect(unseal(text, secret, "known-device")).toEqual({ uid: 7 });
    expect(unseal(text, secret, "two-factor-pending")).toBeNull();
    expect(unseal(text, "t".repeat(40), "known-device")).toBeNull();
    expect(text).not.toContain("uid");
  });

  it("refuses an altered value and an expired one", () => {
    const text = seal({ uid: 7 }, secret, "known-device", 60, 1_000_000);
    const altered = Buffer.from(text, "base64url");
    altered[altered.length - 1] ^= 1;
    expect(unseal(altered.toString("base64url"), secret, "known-device", 1_000_000)).toBeNull();
    expect(unseal(text, secret, "known-device", 1_000_000 + 59_000)).toEqual({ uid: 7 });
    expect(unseal(text, secret, "known-device", 1_000_000 + 60_000)).toBeNull();
    expect(unseal("garbage", secret, "known-device")).toBeNull();
    expect(unseal(undefined, secret, "known-device")).toBeNull();
  });
});
