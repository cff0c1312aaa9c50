import { describe, expect, it } from "vitest";
import * as nextAuth from "next-auth/jwt";
import { decode, encode } from "./jwt";

const secret = "a-secret-of-at-least-thirty-two-characters";
const token = { uid: 7, sv: 2, loginAt: 1_800_000_000, sid: "5f0c3c4e-3a54-4c55-9b1e-7d0f6f1f2a10" };

describe("session tokens in next-auth's format", () => {
  it("reads what next-auth wrote, and next-auth reads what we write (tokens in browsers survive the change)", async () => {
    expect(await decode({ token: await nextAuth.encode({ token, secret, maxAge: 600 }), secret })).toMatchObject(token);
    const ours = await encode({ token, secret, maxAge: 600 });
    const read = await nextAuth.decode({ token: ours, secret });
    expect(read).toMatchObject(token);
    expect(Number(read!.exp) - Number(read!.iat)).toBe(600);
    expect(read!.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a token of another secret, of another salt, or tampered with", async () => {
    const sealed = await encode({ token, secret, maxAge: 600 });
    await expect(decode({ token: sealed, secret: `${secret}x` })).rejects.toThrow();
    await expect(decode({ token: sealed, secret, salt: "other" })).rejects.toThrow();
    const parts = sealed.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(decode({ token: parts.join("."), secret })).rejects.toThrow();
    expect(await decode({ token: await encode({ token, secret, salt: "other", maxAge: 600 }), secret, salt: "other" })).toMatchObject(token);
  });

  it("refuses an expired token", async () => {
    const expired = await nextAuth.encode({ token, secret, maxAge: -60 });
    await expect(decode({ token: expired, secret })).rejects.toThrow();
  });
});
