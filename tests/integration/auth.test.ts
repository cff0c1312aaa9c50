import { beforeAll, describe, expect, it } from "vitest";
import { actorFromClaims, revokeSession } from "@/lib/auth/actor";
import { ABSOLUTE_TIMEOUT_SECONDS } from "@/lib/auth/session-policy";
import { authenticate } from "@/lib/auth/sign-in";
import { ACCOUNT_LOCK_MS, LOCK_MS, MAX_ACCOUNT_FAILURES, MAX_FAILURES } from "@/lib/auth/throttle";
import { currentDbHandle, db, installDb } from "@/lib/db/client";
import { QueryRecorder, recordingFactory } from "@/lib/db/query-capture";
import { insertUnit } from "@/lib/units/tree";
import { isHomeClosed } from "@/lib/auth/home-closed";
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

  it("locks an account from the same address for 15 minutes after 10 failures within 15 minutes, even against the right password", async () => {
    const user = await createUser(tree.districtA);
    const t0 = new Date("2026-05-04T02:00:00Z");
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await authenticate(user.username, `sai-${i}`, { now: at(t0, i * 1000) })).toEqual({ ok: false, error: "INVALID" });
    }
    expect(await authenticate(user.username, "sai-10", { now: at(t0, 10_000) })).toEqual({ ok: false, error: "LOCKED" });
    expect(await authenticate(user.username, TEST_PASSWORD, { now: at(t0, 60_000) })).toEqual({ ok: false, error: "LOCKED" });
    expect(await authenticate(user.username, TEST_PASSWORD, { now: at(t0, 10_000 + LOCK_MS - 1000) })).toEqual({ ok: false, error: "LOCKED" });
    // the lock ends after 15 minutes
    expect(await authenticate(user.username, TEST_PASSWORD, { now: at(t0, 10_000 + LOCK_MS + 1000) })).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "auth.locked", actorId: user.id } })).toBe(1);
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    const user = await createUser(tree.districtA);
    const t0 = new Date("2026-05-04T03:00:00Z");
    for (let i = 0; i < MAX_FAILURES + 2; i++) {
      expect(await authenticate(user.username, "sai", { now: at(t0, i * 2 * 60_000) })).toEqual({ ok: false, error: "INVALID" });
    }
  });

  it("locks unknown usernames the same way, so the lock reveals nothing", async () => {
    const t0 = new Date("2026-05-04T04:00:00Z");
    let last;
    for (let i = 0; i < MAX_FAILURES; i++) last = await authenticate("ai.do.khong.co", "sai", { now: at(t0, i) });
    expect(last).toEqual({ ok: false, error: "LOCKED" });
  });

  it("a correct sign-in clears earlier failures", async () => {
    const user = await createUser(tree.districtA);
    const t0 = new Date("2026-05-04T05:00:00Z");
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate(user.username, "sai", { now: at(t0, i) });
    expect(await authenticate(user.username, TEST_PASSWORD, { now: at(t0, 100) })).toMatchObject({ ok: true });
    expect(await authenticate(user.username, "sai", { now: at(t0, 200) })).toEqual({ ok: false, error: "INVALID" });
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
    expect(actor).toMatchObject({ userId: user.id, duties: ["PETITION_INTAKE", "MEETINGS", "READING"], unit: { id: tree.communeA.id, ancestorIds: tree.communeA.ancestorIds } });
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

  it("gives a closed home unit's last day as a date, which the gate reads (decision 055)", async () => {
    const home = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Đã nhập ${uid()}` });
    await db.unit.update({ where: { id: home.id }, data: { validTo: new Date("2025-06-30T00:00:00Z") } });
    const user = await createUser(home, "COMMUNE_SECRETARY");
    const actor = await actorFromClaims({ uid: user.id, sv: 0, loginAt: Math.floor(Date.now() / 1000), sid: uid() });
    expect(actor!.unit.validTo).toEqual(new Date("2025-06-30T00:00:00Z"));
    expect(isHomeClosed(actor!)).toBe(true);
  });

  it("reads the session in one statement: the user, the home unit, the units closed into it, the second-factor rule and the sign-out", async () => {
    // Two communes closed into communeA, one of them by way of the other (decision 057): both are reached.
    const closed = async (into: { id: number }) => {
      const old = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Cũ ${uid()}` });
      await db.unit.update({ where: { id: old.id }, data: { validTo: new Date("2025-06-30T00:00:00Z") } });
      await db.unitSuccession.create({ data: { predecessorId: old.id, successorId: into.id, kind: "FULL", effectiveOn: new Date("2025-07-01T00:00:00Z") } });
      return old;
    };
    const first = await closed(tree.communeA);
    const second = await closed(first);
    const user = await createUser(tree.communeA, "COMMUNE_SECRETARY");
    const claims = { uid: user.id, sv: 0, loginAt: Math.floor(Date.now() / 1000), sid: uid() };
    const base = currentDbHandle()!;
    const recorder = new QueryRecorder();
    installDb({ ...base, factory: recordingFactory(base.factory, recorder), close: async () => {} });
    try {
      const actor = await actorFromClaims(claims);
      expect(recorder.queries).toHaveLength(1);
      expect(actor).toEqual({
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        duties: ["PETITION_INTAKE", "MEETINGS", "READING"],
        mustChangePassword: false,
        mustEnrolTwoFactor: false,
        agencyId: null,
        unit: {
          id: tree.communeA.id,
          level: "COMMUNE",
          typeLabel: tree.communeA.typeLabel,
          name: tree.communeA.name,
          code: tree.communeA.code,
          ancestorIds: tree.communeA.ancestorIds,
          validTo: null,
          standsFor: [first.id, second.id].sort((a, b) => a - b),
        },
      });
      await revokeSession(claims);
      const before = recorder.queries.length;
      expect(await actorFromClaims(claims)).toBeNull();
      expect(recorder.queries.length - before).toBe(1);
    } finally {
      installDb(base);
    }
  });
});

/** Every password check writes exactly one of these audit rows, so they count argon2 verifications. */
const PASSWORD_CHECKS = ["auth.login", "auth.login-failed", "auth.locked"];
const passwordChecks = (username: string) =>
  db.auditLog.count({ where: { action: { in: PASSWORD_CHECKS }, OR: [{ data: { path: ["username"], equals: username } }, { actor: { username } }] } });

describe("throttle per account and source (finding 6)", () => {
  it("lets a parallel burst of 30 wrong passwords reach at most 10 password checks", async () => {
    const user = await createUser(tree.districtA);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => authenticate(user.username, `sai-${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await passwordChecks(user.username)).toBe(MAX_FAILURES);
    expect(await authenticate(user.username, TEST_PASSWORD)).toEqual({ ok: false, error: "LOCKED" });
  });

  it("a lock from one address does not refuse the right password from another address", async () => {
    const user = await createUser(tree.districtA);
    const t0 = new Date("2026-05-05T02:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate(user.username, "sai", { source: "203.0.113.9", now: at(t0, i * 1000) });
    expect(await authenticate(user.username, TEST_PASSWORD, { source: "203.0.113.9", now: at(t0, 20_000) })).toEqual({ ok: false, error: "LOCKED" });
    expect(await authenticate(user.username, TEST_PASSWORD, { source: "198.51.100.7", now: at(t0, 21_000) })).toMatchObject({ ok: true, userId: user.id });
  });

  it("a known device signs in with the right password even from the attacker's address and after the account-wide lock", async () => {
    const user = await createUser(tree.districtA, "ADMIN");
    const t0 = new Date("2026-05-05T03:00:00Z");
    // Failures from many addresses, ten each, until the slower account-wide limit is reached.
    for (let n = 0; n * MAX_FAILURES < MAX_ACCOUNT_FAILURES; n++) {
      for (let i = 0; i < MAX_FAILURES; i++) await authenticate(user.username, "sai", { source: `203.0.113.${n}`, now: at(t0, n * 20_000 + i) });
    }
    // A new address is refused now: the account as a whole is locked for unknown devices ...
    expect(await authenticate(user.username, TEST_PASSWORD, { source: "198.51.100.7", now: at(t0, 200_000) })).toEqual({ ok: false, error: "LOCKED" });
    // ... but the user's own browser, which signed in before, is not.
    expect(await authenticate(user.username, TEST_PASSWORD, { source: "203.0.113.0", knownUserIds: [user.id], now: at(t0, 201_000) })).toMatchObject({ ok: true });
    // A device known for another user is a stranger for this one.
    expect(await authenticate(user.username, TEST_PASSWORD, { source: "203.0.113.0", knownUserIds: [user.id + 1], now: at(t0, 202_000) })).toEqual({ ok: false, error: "LOCKED" });
    // The account-wide lock ends after an hour.
    expect(await authenticate(user.username, TEST_PASSWORD, { source: "198.51.100.7", now: at(t0, 200_000 + ACCOUNT_LOCK_MS) })).toMatchObject({ ok: true });
  });

  it("still throttles wrong passwords from a known device", async () => {
    const user = await createUser(tree.districtA);
    const t0 = new Date("2026-05-05T04:00:00Z");
    const known = { source: "198.51.100.7", knownUserIds: [user.id] };
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate(user.username, "sai", { ...known, now: at(t0, i) });
    expect(await authenticate(user.username, TEST_PASSWORD, { ...known, now: at(t0, 1000) })).toEqual({ ok: false, error: "LOCKED" });
  });
});
