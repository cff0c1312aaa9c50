import { describe, expect, it } from "vitest";
import { applySessionUpgrade, encodeSessionUpgrade } from "./session-upgrade";

const secret = "x".repeat(32);
const claims = { uid: 7, sv: 3, loginAt: Math.floor(Date.now() / 1000) - 60, sid: "session-a" };

describe("session upgrade", () => {
  it("moves the same session to the newer version", async () => {
    const { token, maxAge } = await encodeSessionUpgrade(claims, 4, secret);
    expect(maxAge).toBeGreaterThan(12 * 3600 - 120);
    expect(await applySessionUpgrade(claims, token, secret)).toEqual({ ...claims, sv: 4 });
  });

  it("ignores another session's upgrade, an older version, another key and garbage", async () => {
    const other = await encodeSessionUpgrade({ ...claims, sid: "session-b" }, 4, secret);
    expect(await applySessionUpgrade(claims, other.token, secret)).toEqual(claims);
    const older = await encodeSessionUpgrade(claims, 2, secret);
    expect(await applySessionUpgrade(claims, older.token, secret)).toEqual(claims);
    const forged = await encodeSessionUpgrade(claims, 9, "y".repeat(32));
    expect(await applySessionUpgrade(claims, forged.token, secret)).toEqual(claims);
    expect(await applySessionUpgrade(claims, "not-a-token", secret)).toEqual(claims);
    expect(await applySessionUpgrade(claims, undefined, secret)).toEqual(claims);
  });
});
