import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/current";
import { templatesOf } from "@/lib/periodic-reports/template-admin";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("periodicReports"))("templates.title") };
}

/** The report templates that apply below the administrator's province (decision 080), per level and kind of period. */
export default async function ReportTemplatesPage() {
  const actor = await requirePermission("periodic-template:manage:subtree");
  const rows = await templatesOf(actor);
  if (!rows) notFound();
  const [t, tl] = await Promise.all([getTranslations("periodicReports"), getTranslations("levels")]);
  return (
    <div className="space-y-5">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("templates.title")}</h1>
        <p className="text-stone-700">{t("templates.intro", { unit: unitFullName(actor.unit) })}</p>
      </header>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full min-w-[40rem] border-collapse text-sm" data-testid="template-table">
          <caption className="sr-only">{t("templates.title")}</caption>
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="p-2 font-medium">{t("templates.level")}</th>
              <th scope="col" className="p-2 font-medium">{t("templates.kind")}</th>
              <th scope="col" className="p-2 font-medium">{t("templates.version")}</th>
              <th scope="col" className="p-2 font-medium">{t("templates.deadline")}</th>
              <th scope="col" className="p-2 font-medium">{t("templates.state")}</th>
              <th scope="col" className="p-2 font-medium"><span className="sr-only">{t("templates.edit")}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.level}-${r.kind}`} className="border-b border-stone-100" data-template={`${r.level}-${r.kind}`}>
                <th scope="row" className="p-2 text-left font-normal">{tl(r.level)}</th>
                <td className="p-2">{t(`kind.${r.kind}`)}</td>
                <td className="p-2 tabular-nums">{r.version ?? "–"}</td>
                <td className="p-2">{t("templates.deadlineDay", { day: String(r.deadlineDay) })}</td>
                <td className="p-2">
                  {r.origin === "default" ? t("templates.default") : r.origin === "inherited" ? `${t("templates.inherited")}${r.owner ? ` (${unitFullName(r.owner)})` : ""}` : r.frozen ? t("templates.frozen") : t("templates.open")}
                </td>
                <td className="p-2">
                  <Link href={`/admin/report-templates/edit?level=${r.level}&kind=${r.kind}`} className="font-medium text-brand-700 underline" aria-label={`${t("templates.edit")}: ${tl(r.level)}, ${t(`kind.${r.kind}`)}`}>
                    {t("templates.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
