import { sendQueuedForm } from "@/lib/field/send";
import { logMeeting } from "@/lib/meetings/create";

/** POST /field/meetings: a meeting form kept offline, sent by the field app's service worker (decision 071). */
export function POST(request: Request) {
  return sendQueuedForm(request, "meeting:create:subtree", logMeeting, (data) => ({ ok: true, id: data.id, created: data.created, url: `/meetings/${data.id}` }));
}
