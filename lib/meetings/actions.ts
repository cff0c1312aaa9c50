"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../actions/define-action";
import { createMeeting } from "./create";
import { editMeeting, unlockMeeting } from "./edit";
import { meetingEditSchema, meetingSchema, unlockSchema } from "./schemas";

const create = defineAction({
  schema: meetingSchema,
  permission: "meeting:create:subtree",
  run: ({ input, actor }) => createMeeting(actor, input),
  revalidate: () => ["/meetings", "/petitions"],
});

/** Who may correct which meeting is the rules' call (./rules.ts), not the permission's. */
const edit = defineAction({
  schema: meetingEditSchema,
  permission: "meeting:create:subtree",
  run: ({ input, actor }) => editMeeting(actor, input),
  revalidate: ({ data }) => [`/meetings/${data.meetingId}`, "/meetings"],
});

const unlock = defineAction({
  schema: unlockSchema,
  permission: "meeting:unlock:subtree",
  run: ({ input, actor }) => unlockMeeting(actor, input),
  revalidate: ({ data }) => [`/meetings/${data.meetingId}`],
});

type Data<F> = F extends (prev: ActionState<infer T>, formData: FormData) => unknown ? T : never;

/** On success the browser goes to the meeting's page (with or without JavaScript). */
export async function createMeetingAction(prev: ActionState<Data<typeof create>>, formData: FormData) {
  const result = await create(prev, formData);
  if (result.ok) redirect(`/meetings/${result.data.id}?${result.data.created ? "created" : "resubmitted"}=1`);
  return result;
}

export async function editMeetingAction(prev: ActionState<Data<typeof edit>>, formData: FormData) {
  const result = await edit(prev, formData);
  if (result.ok) redirect(`/meetings/${result.data.meetingId}?edited=1`);
  return result;
}

export async function unlockMeetingAction(prev: ActionState<Data<typeof unlock>>, formData: FormData) {
  return unlock(prev, formData);
}
