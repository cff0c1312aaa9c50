"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../actions/define-action";
import { editMeeting, unlockMeeting } from "./edit";
import { meetingEditSchema, unlockSchema } from "./schemas";

// Logging a meeting is not a server action: its form lives on the Pages Router (./create.ts `logMeeting`, decision 019).

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

export async function editMeetingAction(prev: ActionState<Data<typeof edit>>, formData: FormData) {
  const result = await edit(prev, formData);
  if (result.ok) redirect(`/meetings/${result.data.meetingId}?edited=1`);
  return result;
}

export async function unlockMeetingAction(prev: ActionState<Data<typeof unlock>>, formData: FormData) {
  return unlock(prev, formData);
}
