import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { exportPetitions } from "@/lib/petitions/export";
import { parsePetitionFilters } from "@/lib/petitions/list";

/** GET /petitions/export?format=xlsx|csv&<the list's filters>: the report is always in Vietnamese. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Chưa đăng nhập", { status: 401 });
  if (!allows(actor, "petition:read:subtree")) return new Response("Không tìm thấy", { status: 404 });
  const url = new URL(request.url);
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  const format = params.format === "csv" ? "csv" : "xlsx";
  const t = await getTranslations({ locale: "vi", namespace: "petitions" });
  const label = (key: string) => t(key.includes(".") ? key : `export.${key}`);
  const file = await exportPetitions(actor, parsePetitionFilters(params), format, label);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
