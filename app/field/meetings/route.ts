import { queuedFormRoute } from "@/lib/field/send";

/** POST /field/meetings: a meeting form kept offline, sent by the field app's service worker (decision 071). */
export const POST = queuedFormRoute("meeting");
