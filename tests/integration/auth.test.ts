import { beforeAll, describe, expect, it } from "vitest";
import { actorFromClaims, revokeSession } from "@/lib/auth/actor";
import { ABSOLUTE_TIMEOUT_SECONDS } from "@/lib/auth/session-policy";
import { authenticate } from "@/lib/auth/sign-in";
import { LOCK_MS, MAX_FAILURES } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { buildTree, createUser, TEST_PASSWORD, uid, type Tree } from "../support/factories";

let tree: Tree;
beforeAll(async () => {
  tree = await buildTree();
});

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("authenticate", () => {
  it("signs in with the right password, case-insensitively on the username, and audits it", async () => {
    const user = await createUser(tree.districtA);
    const result = await authenticate(`  ${user.username.toUpperCase()} `, TEST_PASSWORD);
    expect(result).toMatchObject({ ok: true, userId: user.id, sessionVersion: 0 });
    expect(await db.auditLog.count({ where: { action: "auth.login", actorId: user.id } })).toBe(1);
  });

  it("refuses a wrong password and an unknown user with the same answer", async () => {
    const user = await createUser(tree.districtA);
    expect(await authenticate(user.username, "sai-mat-khau")).toEqual({ ok: false, error: "INVALID" });
    expect(await authenticate("khong.ton.tai", "sai-mat-khau")).toEqual({ ok: false, error: "INVALID" });
    expect(await authenticate("", "")).toEqual({ ok: false, error: "INVALID" });
  });

  it("locks an account for 15 minutes after 10 failures within 15 minutes, even against the right password", async () => {
    const user = await createUser(tree.districtA);
    const t0 = new Date("2026-05-04T02:00:00Z");
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await authenticate(user.username, `sai-${i}`, at(t0, i * 1000))).toEqual({ ok: false, error: "INVALID" });
    }
    expect(await authenticate(user.username, "sai-10", at(t0, 10_000))).toEqual({ ok: false, error: "LOCKED" });
    expect(await authenticate(user.username, TEST_PASSWORD, at(t0, 60_000))).toEqual({ ok: false, error: "LOCKED" });
    expect(await authenticate(user.username, TEST_PASSWORD, at(t0, 10_000 + LOCK_MS - 1000))).toEqual({ ok: false, error: "LOCKED" });
    // the lock ends after 15 minutes
    expect(await authenticate(user.username, TEST_PASSWORD, at(t0, 10_000 + LOCK_MS + 1000))).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "auth.locked", actorId: user.id } })).toBe(1);
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    const user = await createUser(tree.districtA);
    const t0 = new Date("2026-05-04T03:00:00Z");
    for (let i = 0; i < MAX_FAILURES + 2; i++) {
      expect(await authenticate(user.username, "sai", at(t0, i * 2 * 60_000))).toEqual({ ok: false, error: "INVALID" });
    }
  });

  it("locks unknown usernames the same way, so the lock reveals nothing", async () => {
    const t0 = new Date("2026-05-04T04:00:00Z");
    let last;
    for (let i = 0; i < MAX_FAILURES; i++) last = await authenticate("ai.do.khong.co", "sai", at(t0, i));
    expect(last).toEqual({ ok: false, error: "LOCKED" });
  });

  it("a correct sign-in clears earlier failures", async () => {
    const user = await createUser(tree.districtA);
    const t0 = new Date("2026-05-04T05:00:00Z");
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate(user.username, "sai", at(t0, i));
    expect(await authenticate(user.username, TEST_PASSWORD, at(t0, 100))).toMatchObject({ ok: true });
    expect(await authenticate(user.username, "sai", at(t0, 200))).toEqual({ ok: false, error: "INVALID" });
  });

  it("tells a disabled user so, only once the password is right", async () => {
    const user = await createUser(tree.districtA, "VIEWER", { active: false });
    expect(await authenticate(user.username, "sai")).toEqual({ ok: false, error: "INVALID" });
    expect(await authenticate(user.username, TEST_PASSWORD)).toEqual({ ok: false, error: "DISABLED" });
  });
});

describe("actorFromClaims", () => {
  it("builds the actor with the home unit's path", async () => {
    const user = await createUser(tree.communeA, "COMMUNE_SECRETARY");
    const actor = await actorFromClaims({ uid: user.id, sv: 0, loginAt: Math.floor(Date.now() / 1000), sid: uid() });
    expect(actor).toMatchObject({ userId: user.id, role: "COMMUNE_SECRETARY", unit: { id: tree.communeA.id, ancestorIds: tree.communeA.ancestorIds } });
  });

  it("ends the session when the user is disabled or their password changes", async () => {
    const user = await createUser(tree.districtA);
    const claims = { uid: user.id, sv: 0, loginAt: Math.floor(Date.now() / 1000), sid: uid() };
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await actorFromClaims(claims)).toBeNull();
    expect(await actorFromClaims({ ...claims, sv: 1 })).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await actorFromClaims({ ...claims, sv: 1 })).toBeNull();
  });

  it("ends the session 12 hours after sign-in, whatever the activity", async () => {
    const user = await createUser(tree.districtA);
    const now = new Date();
    const loginAt = Math.floor(now.getTime() / 1000) - ABSOLUTE_TIMEOUT_SECONDS - 1;
    expect(await actorFromClaims({ uid: user.id, sv: 0, loginAt, sid: uid() }, now)).toBeNull();
    expect(await actorFromClaims({ uid: user.id, sv: 0, loginAt: loginAt + 60, sid: uid() }, now)).not.toBeNull();
  });

  it("ends a signed-out session for good, even if its cookie comes back, and leaves the user's other sessions", async () => {
    const user = await createUser(tree.districtA);
    const loginAt = Math.floor(Date.now() / 1000);
    const signedOut = { uid: user.id, sv: 0, loginAt, sid: uid() };
    const otherDevice = { uid: user.id, sv: 0, loginAt, sid: uid() };
    await revokeSession(signedOut);
    await revokeSession(signedOut); // signing out twice is harmless
    expect(await actorFromClaims(signedOut)).toBeNull();
    expect(await actorFromClaims(otherDevice)).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.logout", actorId: user.id } })).toBe(2);
  });
});
