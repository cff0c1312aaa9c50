/**
 * The reminder schedule of each petition field (Quản trị → Lịch nhắc hạn, decision 061): national
 * reference data like the fields themselves, edited by national administrators, audited.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { ActionError } from "../actions/result";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { checkboxField, idField } from "../forms/fields";
import { DEFAULT_SCHEDULE, SCHEDULE_LIMITS } from "./schedule";

const whole = (min: number, max: number, message: string) => z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

export const reminderScheduleSchema = z.object({
  fieldId: idField(),
  daysBefore: whole(SCHEDULE_LIMITS.daysBefore.min, SCHEDULE_LIMITS.daysBefore.max, `Số ngày làm việc trước hạn: từ ${SCHEDULE_LIMITS.daysBefore.min} đến ${SCHEDULE_LIMITS.daysBefore.max}.`),
  onDueDay: checkboxField,
  overdueEvery: whole(SCHEDULE_LIMITS.overdueEvery.min, SCHEDULE_LIMITS.overdueEvery.max, `Nhắc lại khi quá hạn: từ ${SCHEDULE_LIMITS.overdueEvery.min} đến ${SCHEDULE_LIMITS.overdueEvery.max} ngày làm việc.`),
});
export type ReminderScheduleInput = z.output<typeof reminderScheduleSchema>;

export async function listReminderSchedules() {
  const fields = await db.petitionField.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, active: true, reminderSchedule: { select: { daysBefore: true, onDueDay: true, overdueEvery: true } } },
  });
  return fields.map((f) => ({ fieldId: f.id, name: f.name, active: f.active, custom: f.reminderSchedule !== null, ...(f.reminderSchedule ?? DEFAULT_SCHEDULE) }));
}

export async function saveReminderSchedule(actor: Pick<Actor, "userId" | "unit">, input: ReminderScheduleInput) {
  return db.$transaction(async (tx) => {
    const field = await tx.petitionField.findUnique({ where: { id: input.fieldId }, select: { id: true, name: true } });
    if (!field) throw new ActionError("NOT_FOUND");
    const values = { daysBefore: input.daysBefore, onDueDay: input.onDueDay, overdueEvery: input.overdueEvery };
    await tx.reminderSchedule.upsert({ where: { fieldId: field.id }, create: { fieldId: field.id, ...values }, update: values });
    await audit(tx, { actorId: actor.userId, action: "reminder-schedule.update", entity: "PetitionField", entityId: field.id, unitId: actor.unit.id, data: { name: field.name, ...values } });
    return { fieldId: field.id, name: field.name };
  });
}
