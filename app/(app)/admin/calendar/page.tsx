import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { RefForm, type RefField } from "@/components/refdata/ref-form";
import { requirePermission } from "@/lib/auth/current";
import { addCalendarDayAction, deleteCalendarDayAction, restoreCalendarYearAction, updateCalendarDayAction } from "@/lib/calendar/actions";
import { getCalendarYear } from "@/lib/calendar/admin";
import { OFFICIAL_YEARS } from "@/lib/calendar/official-schedules";
import { CALENDAR_KINDS, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from "@/lib/calendar/schemas";
import { formatDate } from "@/lib/format";
import { isoDay, todayInVietnam } from "@/lib/time";

export async function generateMetadata() {
  return { title: (await getTranslations("refdata"))("calendarLink") };
}

function parseYear(raw: string | string[] | undefined): number {
  const n = typeof raw === "string" && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return n >= MIN_CALENDAR_YEAR && n <= MAX_CALENDAR_YEAR ? n : todayInVietnam().getUTCFullYear();
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("reference:manage:national");
  const year = parseYear((await searchParams).year);
  const [t, { days, status, sources }] = await Promise.all([getTranslations("refdata"), getCalendarYear(year)]);
  const kinds = CALENDAR_KINDS.map((k) => ({ value: k, label: t(k) }));
  const dayErrors = { DUPLICATE: t("dayDuplicate"), INVALID_STATE: t("dayRule"), CONFLICT: t("dayStale") };
  const addFields: RefField[] = [
    { kind: "date", name: "date", label: t("date"), required: true, hint: t("addDayHint") },
    { kind: "select", name: "kind", label: t("kind"), required: true, defaultValue: "HOLIDAY", options: kinds },
    { kind: "text", name: "name", label: t("dayName"), required: true, maxLength: 120 },
  ];
  return (
    <div className="space-y-4">
      <section aria-labelledby="calendar-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 id="calendar-title" className="mt-2 text-2xl font-semibold">
          {t("calendarTitle", { year })}
        </h1>
        <p className="mt-1 text-stone-700">{t("calendarIntro")}</p>
        <p role="note" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("calendarDueNote")} {t("calendarEmptyYearNote")}
        </p>
        <nav aria-label={t("yearNav")} className="mt-4 flex flex-wrap items-end gap-3">
          {year > MIN_CALENDAR_YEAR && (
            <Link href={`/admin/calendar?year=${year - 1}`} rel="prev" className="rounded-md border border-stone-300 px-3 py-2 hover:bg-stone-100">
              {t("previousYear", { year: year - 1 })}
            </Link>
          )}
          <form method="get" action="/admin/calendar" className="flex items-end gap-2">
            <div>
              <label htmlFor="calendar-year" className="block text-sm font-medium">
                {t("yearLabel")}
              </label>
              <input id="calendar-year" name="year" type="number" min={MIN_CALENDAR_YEAR} max={MAX_CALENDAR_YEAR} defaultValue={year} className="mt-1 w-28 rounded-md border border-stone-300 px-3 py-2" />
            </div>
            <button type="submit" className="rounded-md border border-stone-300 px-3 py-2 font-medium hover:bg-stone-100">
              {t("showYear")}
            </button>
          </form>
          {year < MAX_CALENDAR_YEAR && (
            <Link href={`/admin/calendar?year=${year + 1}`} rel="next" className="rounded-md border border-stone-300 px-3 py-2 hover:bg-stone-100">
              {t("nextYear", { year: year + 1 })}
            </Link>
          )}
        </nav>
      </section>

      <section aria-labelledby="calendar-schedule" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="calendar-schedule" className="text-lg font-semibold">
          {t("scheduleTitle", { year })}
        </h2>
        {status === "OFFICIAL" ? (
          <>
            <p className="mt-2">
              <strong className="rounded-md bg-emerald-50 px-2 py-1 text-emerald-900">{t("scheduleOfficial")}</strong>
            </p>
            <p className="mt-2 text-sm text-stone-700">{t("scheduleOfficialText")}</p>
            <ul className="mt-2 list-disc space-y-2 pl-5 text-sm">
              {sources.map((s) => (
                <li key={s.document}>
                  <cite className="font-medium not-italic">{s.document}</cite>: {s.covers}
                  {s.note && <span className="block text-stone-600">({s.note})</span>}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-stone-700">{t("scheduleLaw")}</p>
          </>
        ) : (
          <>
            <p className="mt-2">
              <strong className="rounded-md bg-amber-50 px-2 py-1 text-amber-900">{t("scheduleEstimate")}</strong>
            </p>
            <p className="mt-2 text-sm text-stone-700">{t("scheduleEstimateText")}</p>
          </>
        )}
        <nav aria-label={t("officialYears")} className="mt-3 text-sm">
          <span className="text-stone-700">{t("officialYears")}: </span>
          {OFFICIAL_YEARS.map((y, i) => (
            <span key={y}>
              {i > 0 && ", "}
              <Link href={`/admin/calendar?year=${y}`} aria-current={y === year ? "page" : undefined} className="text-brand-700 underline">
                {y}
              </Link>
            </span>
          ))}
          <span className="text-stone-700">. {t("officialYearsOther")}</span>
        </nav>
      </section>

      <section aria-labelledby="calendar-days" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="calendar-days" className="text-lg font-semibold">
          {t("daysCount", { count: days.length })}
        </h2>
        {days.length === 0 ? (
          <p role="status" className="mt-2 text-stone-600">
            {t("emptyYear")}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("date")}</th>
                  <th scope="col" className="py-2 pr-3">{t("weekday")}</th>
                  <th scope="col" className="py-2 pr-3">{t("name")}</th>
                  <th scope="col" className="py-2 pr-3">{t("kind")}</th>
                  <th scope="col" className="py-2 pr-3">{t("source")}</th>
                  <th scope="col" className="py-2 pr-3">{t("actionsColumn")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {days.map((d) => {
                  const iso = isoDay(d.date);
                  return (
                    <tr key={iso} className="align-top" data-date={iso}>
                      <th scope="row" className="py-2 pr-3 font-medium whitespace-nowrap">{formatDate(d.date)}</th>
                      <td className="py-2 pr-3 whitespace-nowrap">{t(`weekday${d.date.getUTCDay()}`)}</td>
                      <td className="py-2 pr-3">{d.name}</td>
                      <td className="py-2 pr-3">{t(d.kind)}</td>
                      <td className="py-2 pr-3">{t(d.source)}</td>
                      <td className="space-y-2 py-2 pr-3 sm:min-w-64">
                        <RefForm
                          action={updateCalendarDayAction}
                          summary={t("editDay")}
                          layout="inline"
                          fields={[
                            { kind: "hidden", name: "date", value: iso },
                            { kind: "hidden", name: "updatedAt", value: d.updatedAt.toISOString() },
                            { kind: "text", name: "name", label: t("dayName"), required: true, maxLength: 120, defaultValue: d.name, hint: t("dayEditHint") },
                            { kind: "select", name: "kind", label: t("kind"), required: true, defaultValue: d.kind, options: kinds },
                          ]}
                          submit={t("saveDay")}
                          success={t("daySaved")}
                          errors={dayErrors}
                        />
                        <RefForm
                          action={deleteCalendarDayAction}
                          summary={t("deleteDay")}
                          danger
                          layout="inline"
                          fields={[
                            { kind: "hidden", name: "date", value: iso },
                            { kind: "confirm", name: "confirm", label: t("deleteDayConfirm", { date: formatDate(d.date) }) },
                          ]}
                          submit={t("deleteDay")}
                          success={t("dayDeleted")}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="calendar-add" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="calendar-add" className="sr-only">
          {t("addDayTitle")}
        </h2>
        <RefForm action={addCalendarDayAction} title={t("addDayTitle")} fields={addFields} submit={t("addDay")} success={t("dayAdded")} errors={dayErrors} />
      </section>

      <section aria-labelledby="calendar-restore" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="calendar-restore" className="text-lg font-semibold">
          {t("restoreTitle")}
        </h2>
        <p className="mt-1 text-sm text-stone-700">{t("restoreText", { year })}</p>
        <div className="mt-3">
          <RefForm
            action={restoreCalendarYearAction}
            summary={t("restore", { year })}
            danger
            layout="inline"
            fields={[
              { kind: "hidden", name: "year", value: String(year) },
              { kind: "confirm", name: "confirm", label: t("restoreConfirm", { year }) },
            ]}
            submit={t("restore", { year })}
            success={t("restored")}
          />
        </div>
      </section>
    </div>
  );
}
