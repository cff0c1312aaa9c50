import { sendQueuedForm } from "@/lib/field/send";
import { intakeDefinition, placeMessage } from "@/lib/petitions/intake-action";

/** POST /field/petitions: a petition taken in offline, sent by the field app's service worker (decision 071). */
export function POST(request: Request) {
  return sendQueuedForm(request, "petition:create:subtree", intakeDefinition, (data) =>
    "place" in data ? { ok: false, fieldErrors: { unitId: [placeMessage(data.place.text, data.place.matches.length > 0)] } } : { ok: true, id: data.id, created: data.created, url: `/petitions/${data.id}` },
  );
}
