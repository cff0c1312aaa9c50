import { getActor } from "@/lib/auth/current";
import { ExportTooLarge, exportRanking } from "@/lib/scoring/export";
import { parseScoringParams } from "@/lib/scoring/params";
import { rankingUnit, scoredCount } from "@/lib/scoring/queries";
import { todayInVietnam } from "@/lib/time";

/** GET /scoring/export?unit=&period=: the ranking as an xlsx in the template's layout, always in Vietnamese. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Chưa đăng nhập", { status: 401 });
  const params = parseScoringParams(Object.fromEntries(new URL(request.url).searchParams), todayInVietnam());
  const unit = await rankingUnit(actor, params.unit ?? actor.unit.id);
  if (!unit) return new Response("Không tìm thấy", { status: 404 });
  try {
    // The count first: a file too large is refused before any of it is built.
    const file = await exportRanking(actor, unit, params.period, await scoredCount(unit.id, params.period));
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ExportTooLarge) return new Response("Quá nhiều thôn cho một tệp: hãy chọn một đơn vị nhỏ hơn.", { status: 413 });
    throw error;
  }
}
