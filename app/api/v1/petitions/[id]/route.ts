import type { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getApiPetition } from "@/lib/api/petitions";
import { parseId } from "@/lib/forms/fields";

export const dynamic = "force-dynamic";

/** GET /api/v1/petitions/{id}: one petition with its timeline; out of scope answers 404. */
export const GET = apiRoute<z.ZodType<Record<string, never>>, { id: string }, unknown>({
  permission: "petition:read:subtree",
  handle: ({ actor, params }) => {
    const id = parseId(params.id);
    return id === null ? Promise.resolve(null) : getApiPetition(actor, id);
  },
});
