import { apiRoute } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of /api/v1, for any signed-in user or token. */
export const GET = apiRoute({
  permission: null,
  handle: async () => openApiDocument,
});
