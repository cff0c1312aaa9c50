import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { authSecret } from "@/lib/auth/secret";
import { knownDeviceCookieName } from "@/lib/auth/known-device";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { signInWithCodeFromForm } from "@/lib/auth/sign-in-code";
import { signInFromForm, signInWith } from "@/lib/auth/sign-in-form";
import { pendingCookieName, readPendingSignIn } from "@/lib/auth/two-factor/pending";
import { checkSecondFactor, CODE_RULE, confirmEnrolment, newEnrolment, resetTwoFactor, setTwoFactorRequired, twoFactorStatus } from "@/lib/auth/two-factor/store";
import { totpCode } from "@/lib/auth/two-factor/totp";
import { unseal } from "@/lib/auth/sealed";
import { db } from "@/lib/db/client";
import { actorAt, buildTree, createUser, TEST_PASSWORD, type Tree } from "../support/factories";

let tree: Tree;
beforeAll(async () => {
  tree = await buildTree();
});

const from = { forwardedFor: "198.51.100.20", knownDevice: undefined };
const STEP = 30_000;

/** A user with a confirmed second factor: its secret (as the app holds it) and recovery codes. */
async function enrolled(role: "ADMIN" | "PROVINCE_LEADER" | "DISTRICT_STAFF" = "ADMIN", now = new Date(Date.now() - 3 * STEP)) {
  const user = await createUser(role === "ADMIN" ? tree.nation : tree.province, role);
  const enrolment = newEnrolment({ userId: user.id, username: user.username }, now.getTime());
  const result = await confirmEnrolment(user.id, enrolment.sealed, totpCode(enrolment.secret, now.getTime()), now);
  if (!result.ok) throw new Error(result.error);
  return { user, secret: enrolment.secret, recoveryCodes: result.recoveryCodes };
}

describe("enrolment", () => {
  it("turns the second factor on only with a code that matches the secret shown, and stores the secret sealed", async () => {
    const user = await createUser(tree.nation, "ADMIN");
    const now = new Date();
    const enrolment = newEnrolment({ userId: user.id, username: user.username }, now.getTime());
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    expect(await confirmEnrolment(user.id, enrolment.sealed, "000000", now)).toEqual({ ok: false, error: "CODE_INVALID" });
    expect((await twoFactorStatus(user.id)).on).toBe(false);

    const result = await confirmEnrolment(user.id, enrolment.sealed, totpCode(enrolment.secret, now.getTime()), now);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.recoveryCodes).toHaveLength(10);
    const row = await db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).not.toContain(enrolment.secret);
    expect(unseal(row.secret, authSecret(), "two-factor-secret")).toBe(enrolment.secret);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of result.ok ? result.recoveryCodes : []) expect(stored.some((s) => s.codeHash.includes(code))).toBe(false);
    expect(await db.auditLog.count({ where: { action: "auth.2fa-enrolled", actorId: user.id } })).toBe(1);
    expect(await twoFactorStatus(user.id)).toMatchObject({ on: true, codesLeft: 10 });
  });

  it("refuses another user's enrolment form, and an expired one", async () => {
    const user = await createUser(tree.nation, "ADMIN");
    const other = await createUser(tree.nation, "ADMIN");
    const now = new Date();
    const enrolment = newEnrolment({ userId: other.id, username: other.username }, now.getTime());
    expect(await confirmEnrolment(user.id, enrolment.sealed, totpCode(enrolment.secret, now.getTime()), now)).toEqual({ ok: false, error: "EXPIRED" });
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await confirmEnrolment(other.id, enrolment.sealed, totpCode(enrolment.secret, later.getTime()), later)).toEqual({ ok: false, error: "EXPIRED" });
  });
});

describe("signing in with a second factor", () => {
  it("asks for the code after the right password, with a pending step naming the user; the code then signs in", async () => {
    const { user, secret } = await enrolled();
    const first = await signInWith(user.username, TEST_PASSWORD, from);
    expect(first).toMatchObject({ ok: false, error: "CODE_REQUIRED" });
    const pending = "pending" in first && first.pending ? readPendingSignIn(first.pending.value, authSecret()) : null;
    expect(pending).toEqual({ uid: user.id, sv: 0 });
    // a wrong password never gets as far as the code
    expect(await signInWith(user.username, "sai-mat-khau", from)).toEqual({ ok: false, error: "INVALID" });

    const withCode = await signInWith(user.username, TEST_PASSWORD, from, totpCode(secret));
    expect(withCode).toMatchObject({ ok: true, userId: user.id });
  });

  it("refuses a code used once already (replay), within its window", async () => {
    const { user, secret } = await enrolled();
    const now = new Date(Date.now() + 5 * STEP);
    const code = totpCode(secret, now.getTime());
    expect(await checkSecondFactor(user.id, code, now)).toEqual({ ok: true, via: "totp" });
    expect(await checkSecondFactor(user.id, code, new Date(now.getTime() + 1000))).toEqual({ ok: false, error: "CODE_INVALID" });
    // nor the step before it, although still inside the window
    expect(await checkSecondFactor(user.id, totpCode(secret, now.getTime() - STEP), now)).toEqual({ ok: false, error: "CODE_INVALID" });
    expect(await db.auditLog.count({ where: { action: "auth.2fa-replay", actorId: user.id } })).toBe(2);
    // the next step's code works
    expect(await checkSecondFactor(user.id, totpCode(secret, now.getTime() + STEP), new Date(now.getTime() + STEP))).toEqual({ ok: true, via: "totp" });
  });

  it("lets one of two parallel uses of the same code through", async () => {
    const { user, secret } = await enrolled();
    const now = new Date(Date.now() + 10 * STEP);
    const code = totpCode(secret, now.getTime());
    const results = await Promise.all([checkSecondFactor(user.id, code, now), checkSecondFactor(user.id, code, now), checkSecondFactor(user.id, code, now)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("accepts each recovery code once, however typed, and audits its use", async () => {
    const { user, recoveryCodes } = await enrolled();
    const [code] = recoveryCodes;
    expect(await checkSecondFactor(user.id, code.toUpperCase())).toEqual({ ok: true, via: "recovery" });
    expect(await checkSecondFactor(user.id, code)).toEqual({ ok: false, error: "CODE_INVALID" });
    expect(await twoFactorStatus(user.id)).toMatchObject({ codesLeft: 9 });
    expect(await db.auditLog.count({ where: { action: "auth.2fa-recovery-used", actorId: user.id } })).toBe(1);
    // another user's recovery code is not this user's
    const other = await enrolled();
    expect(await checkSecondFactor(user.id, other.recoveryCodes[0])).toEqual({ ok: false, error: "CODE_INVALID" });
  });

  it("locks the code step after five wrong codes, even against the right one, and audits the failures", async () => {
    const { user, secret } = await enrolled();
    const now = new Date(Date.now() + 20 * STEP);
    for (let i = 0; i < CODE_RULE.max; i++) expect((await checkSecondFactor(user.id, "000000", now)).ok).toBe(false);
    expect(await checkSecondFactor(user.id, totpCode(secret, now.getTime()), now)).toEqual({ ok: false, error: "CODE_LOCKED" });
    expect(await db.auditLog.count({ where: { action: { in: ["auth.2fa-failed", "auth.2fa-locked"] }, actorId: user.id } })).toBe(CODE_RULE.max);
  });

  it("a parallel burst of 20 wrong codes gets at most five checks", async () => {
    const { user } = await enrolled();
    await Promise.all(Array.from({ length: 20 }, () => checkSecondFactor(user.id, "111111")));
    expect(await db.auditLog.count({ where: { action: { in: ["auth.2fa-failed", "auth.2fa-locked"] }, actorId: user.id } })).toBe(CODE_RULE.max);
  });
});

describe("admin reset and the rule per role", () => {
  it("an admin's reset removes the second factor and its codes, audited; the user signs in with the password and must enrol again", async () => {
    const { user } = await enrolled("PROVINCE_LEADER");
    const admin = await createUser(tree.nation, "ADMIN");
    const adminActor = actorAt(tree.nation, "ADMIN", admin.id);
    // outside an admin's reach, the user does not exist; and an admin does not reset their own
    await expect(resetTwoFactor(actorAt(tree.districtB, "ADMIN", admin.id), user.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resetTwoFactor(actorAt(tree.province, "PROVINCE_LEADER", admin.id), user.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resetTwoFactor(actorAt(tree.nation, "ADMIN", user.id), user.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await twoFactorStatus(user.id)).toMatchObject({ on: true });
    expect(await resetTwoFactor(adminActor, user.id)).toEqual({ id: user.id, removed: true });
    expect(await resetTwoFactor(adminActor, user.id)).toEqual({ id: user.id, removed: false });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "auth.2fa-reset", entityId: String(user.id), actorId: admin.id } })).toBe(1);
    expect(await signInWith(user.username, TEST_PASSWORD, from)).toMatchObject({ ok: true });
    expect(await loadActor(user.id)).toMatchObject({ mustEnrolTwoFactor: true });
  });

  it("requires enrolment of whoever holds a duty the setting names, and of no others (decision 049)", async () => {
    const admin = await createUser(tree.nation, "ADMIN");
    const leader = await createUser(tree.province, "PROVINCE_LEADER");
    const staff = await createUser(tree.districtA, "DISTRICT_STAFF");
    // a new database requires it of administrators and province leaders
    expect(await loadActor(admin.id)).toMatchObject({ mustEnrolTwoFactor: true });
    expect(await loadActor(leader.id)).toMatchObject({ mustEnrolTwoFactor: true });
    expect(await loadActor(staff.id)).toMatchObject({ mustEnrolTwoFactor: false });
    // a province administrator may not change the national rule
    await expect(setTwoFactorRequired(actorAt(tree.province, "ADMIN", admin.id), ["ACCOUNTS"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setTwoFactorRequired(actorAt(tree.nation, "ADMIN", admin.id), ["ACCOUNTS", "ORGANISATION"]);
    expect(await loadActor(leader.id)).toMatchObject({ mustEnrolTwoFactor: false });
    expect(await loadActor(staff.id)).toMatchObject({ mustEnrolTwoFactor: true });
    // one duty of several is enough: a commune Party committee user keeps the organisation too
    const committee = await createUser(tree.communeA, "COMMUNE_COMMITTEE");
    const secretary = await createUser(tree.communeA, "COMMUNE_SECRETARY");
    expect(await loadActor(committee.id)).toMatchObject({ mustEnrolTwoFactor: true });
    expect(await loadActor(secretary.id)).toMatchObject({ mustEnrolTwoFactor: false });
    expect(await db.auditLog.count({ where: { action: "auth.2fa-policy", actorId: admin.id } })).toBe(1);
    await setTwoFactorRequired(actorAt(tree.nation, "ADMIN", admin.id), ["ACCOUNTS", "DIRECTING"]);
    // once enrolled, the rule is met
    const { user } = await enrolled("ADMIN");
    expect(await loadActor(user.id)).toMatchObject({ mustEnrolTwoFactor: false });
  });
});

describe("the sign-in endpoints with a second factor", () => {
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields) });
  const setCookies = (res: Response) => res.headers.getSetCookie();
  const cookieValue = (res: Response, name: string) => setCookies(res).find((c) => c.startsWith(`${name}=`))?.split(";")[0].slice(name.length + 1);

  it("the form goes on to the code page with a pending cookie, and the code page's post signs in", async () => {
    const { user, secret } = await enrolled();
    const first = await signInFromForm(post("/sign-in", { username: user.username, password: TEST_PASSWORD, callbackUrl: "/petitions" }));
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/login/code?callbackUrl=%2Fpetitions");
    expect(cookieValue(first, sessionCookieName())).toBeUndefined();
    const pending = cookieValue(first, pendingCookieName());
    expect(pending).toBeTruthy();

    const wrong = await signInWithCodeFromForm(post("/sign-in/code", { code: "000000", callbackUrl: "/petitions" }, { cookie: `${pendingCookieName()}=${pending}` }));
    expect(wrong.headers.get("location")).toBe("/login/code?error=CODE_INVALID&callbackUrl=%2Fpetitions");
    const right = await signInWithCodeFromForm(post("/sign-in/code", { code: totpCode(secret), callbackUrl: "/petitions" }, { cookie: `${pendingCookieName()}=${pending}` }));
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/petitions");
    expect(cookieValue(right, sessionCookieName())).toBeTruthy();
    expect(cookieValue(right, knownDeviceCookieName())).toBeTruthy();
    // without a pending step, back to the password
    const none = await signInWithCodeFromForm(post("/sign-in/code", { code: totpCode(secret, Date.now() + STEP) }));
    expect(none.headers.get("location")).toBe("/login?error=EXPIRED");
  });

  it("asked for JSON (the in-page sign-in again), answers CODE_REQUIRED, then signs in with the code in the same post", async () => {
    const { user, secret } = await enrolled();
    const json = { accept: "application/json" };
    const first = await signInFromForm(post("/sign-in", { username: user.username, password: TEST_PASSWORD }, json));
    expect(first.status).toBe(401);
    expect(await first.json()).toEqual({ ok: false, error: "CODE_REQUIRED" });
    expect(cookieValue(first, sessionCookieName())).toBeUndefined();
    const wrong = await signInFromForm(post("/sign-in", { username: user.username, password: TEST_PASSWORD, code: "000000" }, json));
    expect(await wrong.json()).toEqual({ ok: false, error: "CODE_INVALID" });
    const right = await signInFromForm(post("/sign-in", { username: user.username, password: TEST_PASSWORD, code: totpCode(secret) }, json));
    expect(await right.json()).toEqual({ ok: true });
    expect(cookieValue(right, sessionCookieName())).toBeTruthy();
  });
});
