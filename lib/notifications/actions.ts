"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { markAllRead, markRead } from "./queries";
import { saveReminderSchedule, reminderScheduleSchema } from "./reminder-schedules";
import { markAllReadSchema, markReadSchema, settingsSchema } from "./schemas";
import { saveSettings } from "./settings";

const read = defineAction({
  schema: markReadSchema,
  permission: "notification:read:own",
  run: ({ input, actor }) => markRead(actor, input.notificationId),
  revalidate: () => ["/notifications"],
});

const readAll = defineAction({
  schema: markAllReadSchema,
  permission: "notification:read:own",
  run: ({ actor }) => markAllRead(actor),
  revalidate: () => ["/notifications"],
});

const settings = defineAction({
  schema: settingsSchema,
  permission: "profile:update:own",
  run: ({ input, actor }) => saveSettings(actor, input),
  revalidate: () => ["/profile/notifications"],
});

const schedule = defineAction({
  schema: reminderScheduleSchema,
  permission: "reference:manage:national",
  run: ({ input, actor }) => saveReminderSchedule(actor, input),
  revalidate: () => ["/admin/reminders"],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function markNotificationReadAction(prev: ActionState<Data<typeof read>>, formData: FormData) {
  return read(prev, formData);
}

export async function markAllNotificationsReadAction(prev: ActionState<Data<typeof readAll>>, formData: FormData) {
  return readAll(prev, formData);
}

export async function saveNotificationSettingsAction(prev: ActionState<Data<typeof settings>>, formData: FormData) {
  return settings(prev, formData);
}

export async function saveReminderScheduleAction(prev: ActionState<Data<typeof schedule>>, formData: FormData) {
  return schedule(prev, formData);
}
