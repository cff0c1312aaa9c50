import type { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getApiMeeting } from "@/lib/api/meetings";
import { parseId } from "@/lib/forms/fields";

export const dynamic = "force-dynamic";

/** GET /api/v1/meetings/{id}: one meeting with attendance and raised petitions; out of scope answers 404. */
export const GET = apiRoute<z.ZodType<Record<string, never>>, { id: string }, unknown>({
  permission: "meeting:read:subtree",
  handle: ({ actor, params }) => {
    const id = parseId(params.id);
    return id === null ? Promise.resolve(null) : getApiMeeting(actor, id);
  },
});
