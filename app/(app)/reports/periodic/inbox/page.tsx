import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { InvalidCursorError } from "@/lib/api/cursor";
import { requirePermission } from "@/lib/auth/current";
import { formatDate } from "@/lib/format";
import { periodicQuery } from "@/lib/periodic-reports/params";
import { parseReportPeriod, reportPeriodLabel } from "@/lib/periodic-reports/period";
import { awaitingApproval } from "@/lib/periodic-reports/queries";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("periodicReports"))("inbox.title") };
}

/** The reports sent to the user's unit and awaiting its decision, oldest first, 50 a page (`?cursor=`). */
export default async function AwaitingApprovalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("periodic-report:approve:subtree");
  const t = await getTranslations("periodicReports");
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === "string" && raw.length > 0 ? raw : undefined;
  let page;
  try {
    page = await awaitingApproval(actor, { cursor });
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    page = await awaitingApproval(actor);
  }
  return (
    <section aria-labelledby="inbox-title" className="space-y-4">
      <div>
        <h1 id="inbox-title" className="text-2xl font-semibold">
          {t("inbox.title")}
        </h1>
        <p className="mt-1 text-stone-700">{t("inbox.intro")}</p>
      </div>
      {page.items.length === 0 ? (
        <p role="status" className="text-stone-600">
          {t("inbox.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white" data-testid="inbox-list">
          {page.items.map((r) => {
            const period = parseReportPeriod(r.period)!;
            return (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-report={r.id}>
                <div>
                  <p className="font-medium">{unitFullName(r.unit)}</p>
                  <p className="text-sm text-stone-700">
                    {t("inbox.period")}: {reportPeriodLabel(period)} · {t("inbox.submitted")}: {formatDate(r.submittedAt)} · {t("inbox.due")}: {formatDate(r.dueOn)}
                  </p>
                </div>
                <Link
                  href={`/reports/periodic/report?${periodicQuery({ unit: r.unit.id, period })}`}
                  aria-label={`${t("inbox.open")}: ${unitFullName(r.unit)}, ${reportPeriodLabel(period)}`}
                  className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-stone-100"
                >
                  {t("inbox.open")}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <nav aria-label={t("inbox.title")} className="flex flex-wrap gap-3">
        {cursor && (
          <Link href="/reports/periodic/inbox" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
            {t("inbox.first")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={`/reports/periodic/inbox?cursor=${page.nextCursor}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
            {t("inbox.next")}
          </Link>
        )}
      </nav>
    </section>
  );
}
