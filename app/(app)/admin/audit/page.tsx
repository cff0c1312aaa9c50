import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/current";
import { actionLabelKey, AUDIT_ACTIONS, AUDIT_ENTITIES, isKnownAction, recordHref } from "@/lib/audit/actions";
import { auditDetails, auditFiltersToParams } from "@/lib/audit/present";
import { listAuditEntries, parseAuditFilters } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

const input = "mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base";

/** Quản trị → Nhật ký hoạt động: any admin, inside their reach (lib/audit/queries.ts). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("admin:access");
  const { invalid, ...filters } = parseAuditFilters(await searchParams);
  const [t, page] = await Promise.all([getTranslations("audit"), listAuditEntries(actor, filters)]);
  const { cursor, ...withoutCursor } = filters;
  const filtered = auditFiltersToParams(withoutCursor).toString() !== "";
  const label = (action: string) => (isKnownAction(action) ? t(`actions.${actionLabelKey(action)}`) : action);
  const entityLabel = (entity: string) => ((AUDIT_ENTITIES as readonly string[]).includes(entity) ? t(`entities.${entity}`) : entity);
  const nextHref = page.nextCursor ? `/admin/audit?${auditFiltersToParams({ ...withoutCursor, cursor: page.nextCursor }).toString()}` : null;
  const firstHref = cursor ? `/admin/audit?${auditFiltersToParams(withoutCursor).toString()}` : null;

  return (
    <div className="space-y-4">
      <section aria-labelledby="audit-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 id="audit-title" className="mt-2 text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="mt-1 text-stone-700">{t("intro", { unit: unitFullName(actor.unit) })}</p>
        {invalid.length > 0 && (
          <p role="alert" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t("invalid", { fields: invalid.map((f) => (f === "cursor" ? t("pageNav") : f === "record" ? t("record") : t(f))).join(", ") })}
          </p>
        )}
        {filters.record && !filters.entity && (
          <p role="status" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t("recordNeedsEntity")}
          </p>
        )}
        <form method="get" action="/admin/audit" role="search" aria-label={t("filters")} className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="audit-user" className="block text-sm font-medium">
              {t("user")}
            </label>
            <input id="audit-user" name="user" type="text" defaultValue={filters.user ?? ""} maxLength={100} autoComplete="off" spellCheck={false} aria-describedby="audit-user-hint" className={input} />
            <p id="audit-user-hint" className="mt-1 text-xs text-stone-600">
              {t("userHint")}
            </p>
          </div>
          <div>
            <label htmlFor="audit-action" className="block text-sm font-medium">
              {t("action")}
            </label>
            <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={input}>
              <option value="">{t("anyAction")}</option>
              {filters.action && !isKnownAction(filters.action) && <option value={filters.action}>{filters.action}</option>}
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {label(a)}
                </option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="audit-entity" className="block text-sm font-medium">
                {t("entity")}
              </label>
              <select id="audit-entity" name="entity" defaultValue={filters.entity ?? ""} className={input}>
                <option value="">{t("anyEntity")}</option>
                {AUDIT_ENTITIES.map((e) => (
                  <option key={e} value={e}>
                    {entityLabel(e)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="audit-record" className="block text-sm font-medium">
                {t("record")}
              </label>
              <input id="audit-record" name="record" type="text" defaultValue={filters.record ?? ""} maxLength={60} autoComplete="off" aria-describedby="audit-record-hint" className={input} />
            </div>
            <p id="audit-record-hint" className="col-span-2 text-xs text-stone-600">
              {t("recordHint")}
            </p>
          </div>
          <div>
            <label htmlFor="audit-from" className="block text-sm font-medium">
              {t("from")}
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} min="2000-01-01" max="9999-12-31" aria-describedby="audit-date-hint" className={input} />
          </div>
          <div>
            <label htmlFor="audit-to" className="block text-sm font-medium">
              {t("to")}
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} min="2000-01-01" max="9999-12-31" aria-describedby="audit-date-hint" className={input} />
            <p id="audit-date-hint" className="mt-1 text-xs text-stone-600">
              {t("dateHint")}
            </p>
          </div>
          <div className="flex items-end gap-3">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("filter")}
            </button>
            {filtered && (
              <Link href="/admin/audit" className="py-2 text-sm text-brand-700 underline underline-offset-2">
                {t("clear")}
              </Link>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="audit-list-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="audit-list-title" className="text-lg font-semibold">
          {t("listTitle")}
        </h2>
        {page.items.length === 0 ? (
          <p role="status" className="mt-2 text-stone-600">
            {filtered || cursor ? t("emptyFiltered") : t("empty")}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("at")}</th>
                  <th scope="col" className="py-2 pr-3">{t("who")}</th>
                  <th scope="col" className="py-2 pr-3">{t("whatAction")}</th>
                  <th scope="col" className="py-2 pr-3">{t("recordColumn")}</th>
                  <th scope="col" className="py-2 pr-3">{t("unit")}</th>
                  <th scope="col" className="py-2 pr-3">{t("details")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {page.items.map((r) => {
                  const href = recordHref(r.entity, r.entityId);
                  const record = r.entity ? `${entityLabel(r.entity)}${r.entityId ? ` ${r.entityId}` : ""}` : "";
                  const details = auditDetails(r);
                  return (
                    <tr key={r.id} className="align-top" data-action={r.action}>
                      <th scope="row" className="py-2 pr-3 font-medium whitespace-nowrap">{formatDateTime(r.at)}</th>
                      <td className="py-2 pr-3">
                        {r.actorUsername ? (
                          <>
                            {r.actorName}
                            <span className="block font-mono text-xs text-stone-600">{r.actorUsername}</span>
                          </>
                        ) : (
                          <span className="text-stone-600">{t("noUser")}</span>
                        )}
                      </td>
                      <td className={`py-2 pr-3 ${r.action.endsWith(".personal-data.read") ? "font-medium text-amber-900" : ""}`}>{label(r.action)}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        {href ? (
                          <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
                            {record}
                          </Link>
                        ) : (
                          record
                        )}
                      </td>
                      <td className="py-2 pr-3">{r.unitName ?? ""}</td>
                      <td className="py-2 pr-3 text-stone-700">
                        {details.kind === "read" ? (
                          <>
                            {t("readOf", { count: details.ids.length })}
                            {details.via && ` · ${t("via", { via: t(`via_${details.via}`) })}`}
                            {details.ids.length > 1 && <span className="block font-mono text-xs break-all">{details.ids.join(", ")}</span>}
                          </>
                        ) : (
                          details.text && <span className="font-mono text-xs break-all">{details.text}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {(nextHref || firstHref) && (
          <nav aria-label={t("pageNav")} className="mt-4 flex flex-wrap gap-4">
            {firstHref && (
              <Link href={firstHref} className="text-brand-700 underline">
                {t("first")}
              </Link>
            )}
            {nextHref && (
              <Link href={nextHref} rel="next" className="text-brand-700 underline">
                {t("next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
