/** The user's own channels (Hồ sơ → Thông báo, decision 062), audited without the address itself. */
import type { Actor } from "../auth/actor";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { loadMailEnv } from "../env";
import type { SettingsInput } from "./schemas";

export async function getSettings(userId: number) {
  const s = await db.notificationSettings.findUnique({ where: { userId }, select: { email: true, byEmail: true } });
  let emailAvailable = false;
  try {
    emailAvailable = loadMailEnv() !== null;
  } catch {
    emailAvailable = false;
  }
  return { email: s?.email ?? null, byEmail: s?.byEmail ?? false, emailAvailable };
}

export async function saveSettings(actor: Pick<Actor, "userId" | "unit">, input: SettingsInput) {
  return db.$transaction(async (tx) => {
    await tx.notificationSettings.upsert({
      where: { userId: actor.userId },
      create: { userId: actor.userId, email: input.email, byEmail: input.byEmail },
      update: { email: input.email, byEmail: input.byEmail },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "notification.settings",
      entity: "User",
      entityId: actor.userId,
      unitId: actor.unit.id,
      data: { byEmail: input.byEmail, email: input.email ? "set" : "none" },
    });
    return { byEmail: input.byEmail };
  });
}
