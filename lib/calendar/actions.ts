"use server";
import { defineAction, type ActionState } from "../actions/define-action";
import { addCalendarDay, deleteCalendarDay, restoreCalendarYear, updateCalendarDay } from "./admin";
import { addCalendarDaySchema, deleteCalendarDaySchema, restoreCalendarYearSchema, updateCalendarDaySchema } from "./schemas";

const PAGE = "/admin/calendar";

const add = defineAction({ schema: addCalendarDaySchema, permission: "reference:manage:national", run: ({ input, actor }) => addCalendarDay(actor, input), revalidate: () => [PAGE] });
const update = defineAction({ schema: updateCalendarDaySchema, permission: "reference:manage:national", run: ({ input, actor }) => updateCalendarDay(actor, input), revalidate: () => [PAGE] });
const remove = defineAction({ schema: deleteCalendarDaySchema, permission: "reference:manage:national", run: ({ input, actor }) => deleteCalendarDay(actor, input), revalidate: () => [PAGE] });
const restore = defineAction({ schema: restoreCalendarYearSchema, permission: "reference:manage:national", run: ({ input, actor }) => restoreCalendarYear(actor, input), revalidate: () => [PAGE] });

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

export async function addCalendarDayAction(prev: ActionState<Data<typeof add>>, formData: FormData) {
  return add(prev, formData);
}
export async function updateCalendarDayAction(prev: ActionState<Data<typeof update>>, formData: FormData) {
  return update(prev, formData);
}
export async function deleteCalendarDayAction(prev: ActionState<Data<typeof remove>>, formData: FormData) {
  return remove(prev, formData);
}
export async function restoreCalendarYearAction(prev: ActionState<Data<typeof restore>>, formData: FormData) {
  return restore(prev, formData);
}
