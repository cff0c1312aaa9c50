import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkDatabase();
  return health.ok
    ? Response.json({ status: "ok", db: "ok" })
    : Response.json({ status: "error", db: "error", reason: health.reason }, { status: 503 });
}
