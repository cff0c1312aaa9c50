import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/api/token-format";
import { actorFromToken, createToken, LAST_USED_RESOLUTION_MS, listOwnTokens, MAX_ACTIVE_TOKENS, revokeToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { actorAt, buildTree, createUser, type Tree } from "../support/factories";

let tree: Tree;
let owner: Actor;
let other: Actor;

beforeAll(async () => {
  tree = await buildTree();
  owner = actorAt(tree.districtA, "DISTRICT_STAFF", (await createUser(tree.districtA)).id);
  other = actorAt(tree.districtB, "DISTRICT_STAFF", (await createUser(tree.districtB)).id);
});

async function expectCode(promise: Promise<unknown>, code: ActionError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
}

describe("createToken", () => {
  it("stores only the hash and a prefix, with the expiry chosen, and writes an audit row", async () => {
    const now = new Date("2026-06-15T03:00:00Z");
    const made = await createToken(owner, { name: "Bảng tổng hợp", lifetime: 30 }, now);
    expect(made.token).toMatch(/^dv_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ userId: owner.userId, name: "Bảng tổng hợp", tokenHash: hashToken(made.token), prefix: made.token.slice(0, 11) });
    expect(row.expiresAt?.toISOString()).toBe("2026-07-15T03:00:00.000Z");
    expect(JSON.stringify(row)).not.toContain(made.token);

    const log = await db.auditLog.findFirstOrThrow({ where: { action: "api-token.create", entityId: String(made.id) } });
    expect(log).toMatchObject({ actorId: owner.userId, entity: "ApiToken", unitId: tree.districtA.id });
    expect(JSON.stringify(log.data)).not.toContain(made.token);

    const never = await createToken(owner, { name: "Không hết hạn", lifetime: null }, now);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: never.id } })).expiresAt).toBeNull();
  });

  it("refuses more than the live-token limit; revoked ones do not count", async () => {
    const user = actorAt(tree.communeA, "COMMUNE_SECRETARY", (await createUser(tree.communeA, "COMMUNE_SECRETARY")).id);
    const first = await createToken(user, { name: "t0", lifetime: 30 });
    for (let i = 1; i < MAX_ACTIVE_TOKENS; i++) await createToken(user, { name: `t${i}`, lifetime: 30 });
    await expectCode(createToken(user, { name: "one too many", lifetime: 30 }), "INVALID_STATE");
    await revokeToken(user, { tokenId: first.id });
    await expect(createToken(user, { name: "after revoking", lifetime: 30 })).resolves.toMatchObject({ name: "after revoking" });
  });
});

describe("listOwnTokens and revokeToken", () => {
  it("lists the user's own tokens with their status, never another user's", async () => {
    const mine = await createToken(owner, { name: "Của tôi", lifetime: 90 });
    const theirs = await createToken(other, { name: "Của người khác", lifetime: 90 });
    const listed = await listOwnTokens(owner);
    expect(listed.map((t) => t.id)).toContain(mine.id);
    expect(listed.map((t) => t.id)).not.toContain(theirs.id);
    expect(listed.find((t) => t.id === mine.id)).toMatchObject({ status: "active", prefix: mine.prefix, lastUsedAt: null });
    expect(Object.keys(listed[0])).not.toContain("tokenHash");
  });

  it("revokes the user's own token with an audit row; another user's token is not found", async () => {
    const mine = await createToken(owner, { name: "Sẽ thu hồi", lifetime: 90 });
    await expectCode(revokeToken(other, { tokenId: mine.id }), "NOT_FOUND");
    await expectCode(revokeToken(owner, { tokenId: 999_999 }), "NOT_FOUND");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).toBeNull();

    await expect(revokeToken(owner, { tokenId: mine.id })).resolves.toEqual({ id: mine.id, name: "Sẽ thu hồi" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).not.toBeNull();
    // a second submission changes nothing and writes no second audit row
    await revokeToken(owner, { tokenId: mine.id });
    expect(await db.auditLog.count({ where: { action: "api-token.revoke", entityId: String(mine.id) } })).toBe(1);
    expect((await listOwnTokens(owner)).find((t) => t.id === mine.id)?.status).toBe("revoked");
  });
});

describe("actorFromToken", () => {
  it("a valid token acts as its user: same role and unit", async () => {
    const made = await createToken(owner, { name: "Hợp lệ", lifetime: 30 });
    const actor = await actorFromToken(made.token);
    expect(actor).toMatchObject({ userId: owner.userId, duties: ["PETITIONS", "ORGANISATION", "READING"], unit: { id: tree.districtA.id } });
  });

  it("refuses an unknown, malformed, revoked or expired token", async () => {
    const made = await createToken(owner, { name: "Từ chối", lifetime: 30 }, new Date("2026-01-01T00:00:00Z"));
    expect(await actorFromToken(made.token, new Date("2026-01-30T23:59:59Z"))).not.toBeNull();
    expect(await actorFromToken(made.token, new Date("2026-01-31T00:00:00Z"))).toBeNull(); // expired
    expect(await actorFromToken(`dv_${"A".repeat(43)}`)).toBeNull(); // unknown
    expect(await actorFromToken(made.token.slice(0, -1))).toBeNull(); // malformed
    expect(await actorFromToken(made.token.toUpperCase())).toBeNull();

    const revoked = await createToken(owner, { name: "Thu hồi", lifetime: null });
    expect(await actorFromToken(revoked.token)).not.toBeNull();
    await revokeToken(owner, { tokenId: revoked.id });
    expect(await actorFromToken(revoked.token)).toBeNull();
  });

  it("refuses the token of a disabled user, and accepts it again when the user is re-enabled", async () => {
    const user = await createUser(tree.districtA);
    const made = await createToken(actorAt(tree.districtA, "DISTRICT_STAFF", user.id), { name: "Tài khoản bị khóa", lifetime: null });
    expect(await actorFromToken(made.token)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await actorFromToken(made.token)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await actorFromToken(made.token)).not.toBeNull();
  });

  it("marks the token used, at most once a minute", async () => {
    const made = await createToken(owner, { name: "Lần dùng", lifetime: null });
    const t0 = new Date("2026-06-15T03:00:00Z");
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt?.toISOString();
    await actorFromToken(made.token, t0);
    expect(await lastUsed()).toBe(t0.toISOString());
    await actorFromToken(made.token, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1000));
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await actorFromToken(made.token, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });
});
