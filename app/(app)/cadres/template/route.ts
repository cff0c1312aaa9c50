import { importTemplateFor } from "@/lib/cadres/downloads";
import { actorForRoute, attachment, XLSX_TYPE } from "@/lib/cadres/route-auth";

export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await actorForRoute("cadre:manage:subtree");
  if (actor instanceof Response) return actor;
  const body = await importTemplateFor(actor);
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment("mau-nhap-can-bo.xlsx", "mau-nhap-can-bo.xlsx"), "Cache-Control": "no-store" },
  });
}
