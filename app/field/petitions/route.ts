import { queuedFormRoute } from "@/lib/field/send";

/** POST /field/petitions: a petition taken in offline, sent by the field app's service worker (decision 071). */
export const POST = queuedFormRoute("petition");
