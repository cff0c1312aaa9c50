import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FigureTables, StandingBadge, StatusBadge } from "@/components/periodic-reports/parts";
import { ReportForm } from "@/components/periodic-reports/report-form";
import { AddHotspotForm, HotspotTable } from "@/components/periodic-reports/hotspots";
import { hotspotPlaces, hotspotsOfReport } from "@/lib/periodic-reports/hotspot-queries";
import { RefForm } from "@/components/refdata/ref-form";
import { requirePermission } from "@/lib/auth/current";
import { formatDate, formatDateTime } from "@/lib/format";
import { decideReportAction, refreshReportAction, startReportAction } from "@/lib/periodic-reports/actions";
import { parsePeriodicParams, periodicQuery } from "@/lib/periodic-reports/params";
import { reportPeriodLabel } from "@/lib/periodic-reports/period";
import { approvedBelow, reportOfPeriod } from "@/lib/periodic-reports/queries";
import { COMMENT_MAX, SECTION_MAX } from "@/lib/periodic-reports/schemas";
import { SECTION_KEYS } from "@/lib/periodic-reports/template";
import { todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("periodicReports"))("title") };
}

/** One unit's report of one period: its figures, its text, its cycle (write, send; approve, return, reopen). */
export default async function PeriodicReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("periodic-report:read:subtree");
  const params = parsePeriodicParams(await searchParams, todayInVietnam());
  const [data, below] = await Promise.all([reportOfPeriod(actor, params.unit ?? actor.unit.id, params.period), approvedBelow(actor, params.unit ?? actor.unit.id, params.period)]);
  if (!data || !below) notFound();
  const t = await getTranslations("periodicReports");
  const { unit, report } = data;
  const unitName = unitFullName(unit);
  const label = reportPeriodLabel(params.period);
  const errors = { CONFLICT: t("report.conflict"), INVALID_STATE: t("report.invalidState") };
  const hidden = report ? [{ kind: "hidden" as const, name: "reportId", value: String(report.id) }, { kind: "hidden" as const, name: "version", value: String(report.version) }] : [];
  const editable = !!report?.writerSteps.includes("save");
  const [hotspots, places] = await Promise.all([report ? hotspotsOfReport(report.id) : [], editable ? hotspotPlaces(unit) : []]);
  const sections = (report?.template.sectionKeys ?? [...SECTION_KEYS]).filter((k): k is (typeof SECTION_KEYS)[number] => (SECTION_KEYS as readonly string[]).includes(k));

  return (
    <article className="space-y-6" data-testid="periodic-report">
      <p className="text-sm print:hidden">
        <Link href={`/reports/periodic?${periodicQuery({ unit: unit.id, period: params.period })}`} className="text-brand-700 underline">
          {t("report.back")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("report.title", { period: label, unit: unitName })}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge status={report?.status ?? null} />
          <StandingBadge standing={data.standing} />
          <span className="text-sm text-stone-700">{t("due", { date: formatDate(data.dueOn) })}</span>
          {report?.submittedAt && <span className="text-sm text-stone-700">· {t("submittedAt", { time: formatDateTime(report.submittedAt) })}</span>}
          {report?.approvedAt && <span className="text-sm text-stone-700">· {t("approvedAt", { time: formatDateTime(report.approvedAt) })}</span>}
        </p>
        {data.approverUnit && <p className="text-sm text-stone-700">{t("report.approver", { unit: unitFullName(data.approverUnit) })}</p>}
        {report && <p className="text-sm text-stone-600">{t("report.template", { version: String(report.template.version) })}</p>}
        {report && (
          <p className="flex flex-wrap gap-3 print:hidden">
            <Link href={`/reports/periodic/report/print?${periodicQuery({ unit: unit.id, period: params.period })}`} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-50">
              {t("report.printView")}
            </Link>
            <a href={`/reports/periodic/report/docx?${periodicQuery({ unit: unit.id, period: params.period })}`} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-50">
              {t("report.docx")}
            </a>
          </p>
        )}
      </header>

      {!report && (
        <section className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
          <p className="text-stone-700">{data.approverUnit ? t("own.none") : t("own.notReporting")}</p>
          {data.mayStart && (
            <RefForm
              action={startReportAction}
              fields={[
                { kind: "hidden", name: "unitId", value: String(unit.id) },
                { kind: "hidden", name: "period", value: params.period.key },
              ]}
              submit={t("report.start")}
              success={t("report.started")}
              errors={errors}
              layout="inline"
            />
          )}
        </section>
      )}

      {report && (
        <>
          <section aria-labelledby="figures-title" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
            <h2 id="figures-title" className="text-lg font-semibold">
              {t("report.figures")}
            </h2>
            <p className="text-sm text-stone-600">
              {t("report.figuresAt", { time: formatDateTime(report.figuresAt) })} · {report.status === "DRAFT" || report.status === "RETURNED" ? t("report.live") : t("report.snapshot")}
            </p>
            <FigureTables figures={report.figures} />
            {report.writerSteps.includes("refresh") && (
              <RefForm action={refreshReportAction} fields={hidden} submit={t("report.refresh")} success={t("report.refreshed")} errors={errors} layout="inline" />
            )}
          </section>

          {report.comments.length > 0 && (
            <section aria-labelledby="comments-title" className="space-y-2 rounded-xl border border-amber-200 bg-amber-50 p-4" data-testid="report-comments">
              <h2 id="comments-title" className="text-lg font-semibold">
                {t("report.comments")}
              </h2>
              <ul className="space-y-2">
                {report.comments.map((c) => (
                  <li key={c.id}>
                    <p className="text-sm text-stone-700">
                      {t(`report.commentKind.${c.kind === "reopen" ? "reopen" : "return"}`)} · {c.author.displayName} · {formatDateTime(c.createdAt)}
                    </p>
                    <p className="whitespace-pre-line">{c.body}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="narrative-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
            <h2 id="narrative-title" className="text-lg font-semibold">
              {t("report.narrative")}
            </h2>
            {report.writerSteps.includes("save") ? (
              <ReportForm
                reportId={report.id}
                version={report.version}
                sections={sections.map((k) => ({ key: k, heading: t(`section.${k}`), hint: t(`sectionHint.${k}`), value: report.narrative[k] ?? "", max: SECTION_MAX }))}
                labels={{ save: t("report.save"), submit: t("report.submit"), saved: t("report.saved"), submitted: t("report.submitted"), submitHint: t("report.submitHint") }}
              />
            ) : (
              sections.map((k) => (
                <div key={k} data-section={k}>
                  <h3 className="font-medium">{t(`section.${k}`)}</h3>
                  <p className="whitespace-pre-line text-stone-800">{report.narrative[k] || t("report.emptySection")}</p>
                </div>
              ))
            )}
          </section>

          <section aria-labelledby="hotspots-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4" data-testid="report-hotspots">
            <h2 id="hotspots-title" className="text-lg font-semibold">
              {t("hotspot.title")}
            </h2>
            <p className="text-sm text-stone-600">{editable ? t("hotspot.intro") : t("hotspot.fixed")}</p>
            <HotspotTable hotspots={hotspots} editable={editable} caption={t("hotspot.title")} />
            {editable && <AddHotspotForm reportId={report.id} places={places.map((p) => ({ id: p.id, label: unitFullName(p) }))} errors={errors} />}
          </section>

          {below.expected > 0 && (
            <section aria-labelledby="below-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 print:hidden" data-testid="approved-below">
              <h2 id="below-title" className="text-lg font-semibold">
                {t("below.title")}
              </h2>
              {below.items.length === 0 ? (
                <p role="status" className="text-stone-600">
                  {t("below.none")}
                </p>
              ) : (
                <>
                  <p className="text-sm text-stone-700">{t("below.intro", { approved: String(below.items.length), expected: String(below.expected) })}</p>
                  {below.items.some((i) => i.hotspots.length > 0) && (
                    <div data-testid="below-hotspots">
                      <h3 className="font-medium">{t("hotspot.below")}</h3>
                      <HotspotTable hotspots={below.items.flatMap((i) => i.hotspots)} caption={t("hotspot.below")} />
                    </div>
                  )}
                  <h3 className="font-medium">{t("below.summed")}</h3>
                  <FigureTables figures={below.summed} />
                  <ul className="space-y-2">
                    {below.items.map((item) => (
                      <li key={item.unit.id} data-unit={item.unit.id}>
                        <details className="rounded-md border border-stone-200 p-2">
                          <summary className="cursor-pointer font-medium">
                            {unitFullName(item.unit)}
                            {item.approvedAt && <span className="font-normal text-stone-600"> · {t("below.approvedOn", { date: formatDate(item.approvedAt) })}</span>}
                          </summary>
                          <div className="mt-2 space-y-2">
                            {item.sectionKeys
                              .filter((k) => item.narrative[k])
                              .map((k) => (
                                <div key={k}>
                                  <h4 className="text-sm font-medium">{(SECTION_KEYS as readonly string[]).includes(k) ? t(`section.${k}`) : k}</h4>
                                  <p className="whitespace-pre-line text-sm text-stone-800">{item.narrative[k]}</p>
                                </div>
                              ))}
                            {item.hotspots.length > 0 && (
                              <div>
                                <h4 className="text-sm font-medium">{t("hotspot.title")}</h4>
                                <HotspotTable hotspots={item.hotspots} caption={`${t("hotspot.title")} · ${unitFullName(item.unit)}`} />
                              </div>
                            )}
                            <FigureTables figures={item.figures} />
                          </div>
                        </details>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}

          {report.approverSteps.length > 0 && (
            <section aria-labelledby="decide-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 print:hidden" data-testid="report-decision">
              <h2 id="decide-title" className="sr-only">
                {t("report.approve")}
              </h2>
              {report.approverSteps.includes("approve") && (
                <RefForm action={decideReportAction} fields={[...hidden, { kind: "hidden", name: "decision", value: "approve" }]} submit={t("report.approve")} success={t("report.approved")} errors={errors} layout="inline" />
              )}
              {report.approverSteps.includes("return") && (
                <RefForm
                  action={decideReportAction}
                  summary={t("report.return")}
                  fields={[...hidden, { kind: "hidden", name: "decision", value: "return" }, { kind: "textarea", name: "comment", label: t("report.returnComment"), required: true, maxLength: COMMENT_MAX, rows: 4 }]}
                  submit={t("report.return")}
                  success={t("report.returned")}
                  errors={errors}
                  layout="inline"
                />
              )}
              {report.approverSteps.includes("reopen") && (
                <RefForm
                  action={decideReportAction}
                  summary={t("report.reopen")}
                  danger
                  fields={[
                    ...hidden,
                    { kind: "hidden", name: "decision", value: "reopen" },
                    { kind: "textarea", name: "comment", label: t("report.reopenComment"), required: true, maxLength: COMMENT_MAX, rows: 3 },
                    { kind: "confirm", name: "confirm", label: t("report.reopenConfirm") },
                  ]}
                  submit={t("report.reopen")}
                  success={t("report.reopened")}
                  errors={errors}
                  layout="inline"
                />
              )}
            </section>
          )}
        </>
      )}
    </article>
  );
}
