/**
 * Issue 16, part 3 (decision 062): the notification centre answers the user's own only, in keyset pages,
 * marks one or all read, and the API answers the same; another user's notification is not found, and no
 * malformed cursor or id gives a 500.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/result";
import { InvalidCursorError } from "@/lib/api/cursor";
import { notificationListQuery } from "@/lib/api/notifications";
import { db } from "@/lib/db/client";
import { listNotifications, markAllRead, markRead, unreadCount } from "@/lib/notifications/queries";
import { settingsSchema } from "@/lib/notifications/schemas";
import { buildTree, createUser } from "../support/factories";

let me: { userId: number };
let other: { userId: number };

beforeAll(async () => {
  const tree = await buildTree();
  me = { userId: (await createUser(tree.districtA)).id };
  other = { userId: (await createUser(tree.districtA)).id };
  for (const [user, n] of [
    [me, 45],
    [other, 3],
  ] as const) {
    await db.notification.createMany({
      data: Array.from({ length: n }, (_, i) => ({ userId: user.userId, kind: "OVERDUE" as const, day: new Date("2026-03-02"), title: `Kiến nghị T-${i} đã quá hạn`, body: "Thử", link: `/petitions/${i + 1}`, dedupeKey: `t:${user.userId}:${i}` })),
    });
  }
});

describe("the notification centre", () => {
  it("lists the user's own, newest first, 20 a page, to the end", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listNotifications(me, { cursor });
      seen.push(...page.items.map((n) => n.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const mine = (await db.notification.findMany({ where: { userId: me.userId }, orderBy: { id: "desc" }, select: { id: true } })).map((n) => n.id);
    expect(seen).toEqual(mine);
    expect(seen).toHaveLength(45);
  });

  it("counts the unread, marks one read, refuses another's as not found, marks all read", async () => {
    expect(await unreadCount(me.userId)).toBe(45);
    const [first] = (await listNotifications(me, { limit: 1 })).items;
    await markRead(me, first.id);
    await markRead(me, first.id); // twice: the same
    expect(await unreadCount(me.userId)).toBe(44);
    const theirs = (await listNotifications(other, { limit: 1 })).items[0];
    await expect(markRead(me, theirs.id)).rejects.toEqual(new ActionError("NOT_FOUND"));
    expect((await listNotifications(other, { limit: 1 })).items[0].read).toBe(false);
    expect((await markAllRead(me)).count).toBe(44);
    expect(await unreadCount(me.userId)).toBe(0);
    expect(await unreadCount(other.userId)).toBe(3);
    expect((await listNotifications(me, { unreadOnly: true })).items).toEqual([]);
  });

  it("refuses any malformed cursor as a bad request, never as an error of the database", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (cursor) => {
        const parsed = notificationListQuery.safeParse({ cursor });
        if (!parsed.success) return;
        try {
          await listNotifications(me, { cursor: parsed.data.cursor, limit: parsed.data.limit });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidCursorError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("takes an e-mail address only when it is one, and requires it to send by e-mail", () => {
    expect(settingsSchema.safeParse({ email: "", byEmail: "" }).success).toBe(true);
    expect(settingsSchema.safeParse({ email: "", byEmail: "on" }).success).toBe(false);
    expect(settingsSchema.safeParse({ email: "không phải e-mail", byEmail: "on" }).success).toBe(false);
    expect(settingsSchema.safeParse({ email: "can.bo@danvan.test", byEmail: "on" }).data).toEqual({ email: "can.bo@danvan.test", byEmail: true, phone: null, byZalo: false, bySms: false });
  });
});
