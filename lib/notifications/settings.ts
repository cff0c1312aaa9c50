/** The user's own channels (Hồ sơ → Thông báo, decision 062), audited without the address itself. */
import type { Actor } from "../auth/actor";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { loadMailEnv, loadSmsEnv, loadZaloEnv } from "../env";
import type { SettingsInput } from "./schemas";

/** Whether a channel is configured on this server (a setting that does not parse counts as off here; the worker says why). */
function configured(load: () => unknown): boolean {
  try {
    return load() !== null;
  } catch {
    return false;
  }
}

export async function getSettings(userId: number) {
  const s = await db.notificationSettings.findUnique({ where: { userId }, select: { email: true, byEmail: true, phone: true, byZalo: true, bySms: true } });
  return {
    email: s?.email ?? null,
    byEmail: s?.byEmail ?? false,
    phone: s?.phone ?? null,
    byZalo: s?.byZalo ?? false,
    bySms: s?.bySms ?? false,
    emailAvailable: configured(loadMailEnv),
    zaloAvailable: configured(loadZaloEnv),
    smsAvailable: configured(loadSmsEnv),
  };
}

export async function saveSettings(actor: Pick<Actor, "userId" | "unit">, input: SettingsInput) {
  return db.$transaction(async (tx) => {
    await tx.notificationSettings.upsert({
      where: { userId: actor.userId },
      create: { userId: actor.userId, email: input.email, byEmail: input.byEmail, phone: input.phone, byZalo: input.byZalo, bySms: input.bySms },
      update: { email: input.email, byEmail: input.byEmail, phone: input.phone, byZalo: input.byZalo, bySms: input.bySms },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "notification.settings",
      entity: "User",
      entityId: actor.userId,
      unitId: actor.unit.id,
      data: { byEmail: input.byEmail, email: input.email ? "set" : "none", byZalo: input.byZalo, bySms: input.bySms, phone: input.phone ? "set" : "none" },
    });
    return { byEmail: input.byEmail, byZalo: input.byZalo, bySms: input.bySms };
  });
}
