import type { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getApiMeeting } from "@/lib/api/meetings";

export const dynamic = "force-dynamic";

/** GET /api/v1/meetings/{id}: one meeting with attendance and raised petitions; out of scope answers 404. */
export const GET = apiRoute<z.ZodType<Record<string, never>>, { id: string }, unknown>({
  permission: "meeting:read:subtree",
  handle: ({ actor, params }) => (/^\d{1,9}$/.test(params.id) ? getApiMeeting(actor, Number(params.id)) : Promise.resolve(null)),
});
