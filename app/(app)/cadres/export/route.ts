import type { NextRequest } from "next/server";
import { exportCadresFor } from "@/lib/cadres/downloads";
import { parseCadreFilters } from "@/lib/cadres/filters";
import { actorForRoute, attachment, XLSX_TYPE } from "@/lib/cadres/route-auth";
import { isoDay, todayInVietnam } from "@/lib/time";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const actor = await actorForRoute("organisation:read:subtree");
  if (actor instanceof Response) return actor;
  const filters = parseCadreFilters(Object.fromEntries(request.nextUrl.searchParams));
  const { buffer } = await exportCadresFor(actor, filters);
  const name = `danh-sach-can-bo-${isoDay(todayInVietnam())}.xlsx`;
  return new Response(new Uint8Array(buffer), {
    headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(name, name), "Cache-Control": "no-store" },
  });
}
