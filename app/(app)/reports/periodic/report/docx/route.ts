import { getActor } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { reportDocx } from "@/lib/periodic-reports/docx";
import { reportDocumentFor } from "@/lib/periodic-reports/output";
import { parsePeriodicParams, periodicQuery } from "@/lib/periodic-reports/params";
import { todayInVietnam } from "@/lib/time";

/** GET /reports/periodic/report/docx?unit=&period=: the report as a Word document in the Party's format (decision 067). */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Chưa đăng nhập", { status: 401 });
  if (!allows(actor, "periodic-report:read:subtree")) return new Response("Không tìm thấy", { status: 404 });
  const params = parsePeriodicParams(Object.fromEntries(new URL(request.url).searchParams), todayInVietnam());
  const found = await reportDocumentFor(actor, params.unit ?? actor.unit.id, params.period);
  if (!found) return new Response("Không tìm thấy", { status: 404 });
  // A unit in reach that has not written this period's report: nothing to download; its report page says so.
  if (!found.document) return new Response(null, { status: 303, headers: { Location: `/reports/periodic/report?${periodicQuery({ unit: found.unitId, period: params.period })}` } });
  const body = await reportDocx(found.document);
  await audit(db, { actorId: actor.userId, action: "periodic-report.export", entity: "PeriodicReport", entityId: found.reportId, unitId: found.unitId, data: { period: params.period.key, format: "docx" } });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="bao-cao-${params.period.key}-${found.unitId}.docx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
