import { importTemplateBody } from "@/lib/cadres/downloads";
import { actorForRoute, attachment, XLSX_TYPE } from "@/lib/cadres/route-auth";

export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await actorForRoute("cadre:manage:subtree");
  if (actor instanceof Response) return actor;
  return new Response(await importTemplateBody(actor), {
    headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment("mau-nhap-can-bo.xlsx", "mau-nhap-can-bo.xlsx"), "Cache-Control": "no-store" },
  });
}
