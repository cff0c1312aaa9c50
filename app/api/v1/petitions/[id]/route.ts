import type { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getApiPetition } from "@/lib/api/petitions";

export const dynamic = "force-dynamic";

/** GET /api/v1/petitions/{id}: one petition with its timeline; out of scope answers 404. */
export const GET = apiRoute<z.ZodType<Record<string, never>>, { id: string }, unknown>({
  permission: "petition:read:subtree",
  handle: ({ actor, params }) => (/^\d{1,9}$/.test(params.id) ? getApiPetition(actor, Number(params.id)) : Promise.resolve(null)),
});
