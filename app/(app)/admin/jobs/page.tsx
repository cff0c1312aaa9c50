import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/current";
import { formatDateTime, formatNumber } from "@/lib/format";
import { jobsOverview } from "@/lib/jobs/status";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("jobsTitle") };
}

/** The job queue as pg-boss keeps it (decision 060): national administrators only. */
export default async function JobsPage() {
  await requirePermission("jobs:read:national");
  const [t, ta, overview] = await Promise.all([getTranslations("notifications"), getTranslations("admin"), jobsOverview()]);
  const when = (d: Date | null) => (d ? formatDateTime(d) : t("never"));
  return (
    <div className="space-y-4">
      <section aria-labelledby="jobs-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {ta("back")}
        </Link>
        <h1 id="jobs-title" className="mt-2 text-2xl font-semibold">
          {t("jobsTitle")}
        </h1>
        <p className="mt-1 text-stone-700">{t("jobsIntro")}</p>
        {!overview.installed && (
          <p role="note" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t("jobsNotInstalled")}
          </p>
        )}
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="job-queues">
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("queue")}</th>
                <th scope="col" className="py-2 pr-3">{t("waiting")}</th>
                <th scope="col" className="py-2 pr-3">{t("retrying")}</th>
                <th scope="col" className="py-2 pr-3">{t("active")}</th>
                <th scope="col" className="py-2 pr-3">{t("completed")}</th>
                <th scope="col" className="py-2 pr-3">{t("failed")}</th>
                <th scope="col" className="py-2 pr-3">{t("lastRun")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {overview.queues.map((q) => (
                <tr key={q.name}>
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {t(`queue_${q.name}` as "queue_reminders-sweep")}
                  </th>
                  <td className="py-2 pr-3">{formatNumber(q.waiting)}</td>
                  <td className="py-2 pr-3">{formatNumber(q.retrying)}</td>
                  <td className="py-2 pr-3">{formatNumber(q.active)}</td>
                  <td className="py-2 pr-3">{formatNumber(q.completed)}</td>
                  <td className={`py-2 pr-3 ${q.failed > 0 ? "font-semibold text-red-800" : ""}`}>{formatNumber(q.failed)}</td>
                  <td className="py-2 pr-3">{when(q.lastCompletedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="failures-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="failures-title" className="text-lg font-semibold">
          {t("failuresTitle")}
        </h2>
        {overview.failures.length === 0 ? (
          <p role="status" className="mt-2 text-stone-600">
            {t("noFailures")}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("queue")}</th>
                  <th scope="col" className="py-2 pr-3">{t("jobId")}</th>
                  <th scope="col" className="py-2 pr-3">{t("retries")}</th>
                  <th scope="col" className="py-2 pr-3">{t("at")}</th>
                  <th scope="col" className="py-2 pr-3">{t("error")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {overview.failures.map((f) => (
                  <tr key={`${f.queue}:${f.id}`}>
                    <td className="py-2 pr-3">{t(`queue_${f.queue}` as "queue_reminders-sweep")}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{f.id}</td>
                    <td className="py-2 pr-3">{formatNumber(f.retryCount)}</td>
                    <td className="py-2 pr-3">{when(f.at)}</td>
                    <td className="py-2 pr-3">{f.error}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
