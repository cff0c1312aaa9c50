import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RefForm } from "@/components/refdata/ref-form";
import { TemplateForm, type TemplateRow } from "@/components/scoring/template-form";
import { requirePermission } from "@/lib/auth/current";
import { unitWhereFor } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { parseId } from "@/lib/forms/fields";
import { saveScoringTemplateAction, setWeakestShareAction } from "@/lib/scoring/actions";
import { MAX_ROWS } from "@/lib/scoring/schemas";
import { templateFor, versionsOf, weakestShareFor } from "@/lib/scoring/template";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("scoring"))("templates.title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The province's scoring template and its versions (decision 078), and its weakest share: a province's
 * administrator (scoring:configure) at a province, or the nation's for a province in reach; else 404.
 */
export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("scoring:configure:subtree");
  const raw = await searchParams;
  const unitId = parseId(one(raw.unit)) ?? actor.unit.id;
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: { id: true, name: true, typeLabel: true, level: true, ancestorIds: true } });
  if (!unit) notFound();
  const t = await getTranslations("scoring");
  if (unit.level !== "PROVINCE" && unit.level !== "NATION") {
    // Below a province: its province keeps the template (shown, read only, with the one that applies here).
    const applies = await templateFor(db, unit);
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("templates.heading", { unit: unitFullName(unit) })}</h1>
        <p className="rounded-md bg-stone-50 p-4 text-stone-700">{t("templates.keptByProvince")}</p>
        <p className="text-stone-700">{applies ? t("sheet.template", { name: applies.name, version: applies.version }) : t("templates.none")}</p>
      </div>
    );
  }
  const [versions, share] = await Promise.all([versionsOf(db, unit.id), weakestShareFor(db, unit)]);
  const latest = versions[0];
  const criteria = latest ? latest.sections.flatMap((s) => s.criteria.map((c, i) => ({ s, c, first: i === 0 }))) : [];
  const asked = Number(one(raw.rows));
  const count = Math.min(MAX_ROWS, Math.max(criteria.length + 5, 12, Number.isInteger(asked) ? asked : 0));
  const dec = (x: number) => String(x).replace(".", ",");
  const rows: TemplateRow[] = Array.from({ length: count }, (_, i) => {
    const row = criteria[i];
    return row ? { section: row.first ? row.s.title : "", label: row.c.label, max: dec(row.c.max), weight: dec(row.c.weight), auto: row.c.auto ?? "" } : { section: "", label: "", max: "", weight: "", auto: "" };
  });
  const unitName = unitFullName(unit);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/scoring?unit=${unit.id}`} className="text-brand-700 hover:underline">
          ← {t("title")}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-semibold">{t("templates.heading", { unit: unitName })}</h1>
        <p className="text-stone-700">{t("templates.intro")}</p>
      </header>

      <section aria-labelledby="edit" className="space-y-3">
        <h2 id="edit" className="text-lg font-semibold">
          {latest ? t("templates.edit", { version: latest.version }) : t("templates.create")}
        </h2>
        <TemplateForm action={saveScoringTemplateAction} unitId={unit.id} name={latest?.name ?? ""} rows={rows} frozen={!!latest?.frozenAt} />
        {count < MAX_ROWS && (
          <Link href={`/scoring/templates?unit=${unit.id}&rows=${Math.min(MAX_ROWS, count + 10)}`} className="inline-block text-brand-700 hover:underline">
            {t("templates.moreRows")}
          </Link>
        )}
      </section>

      <section aria-labelledby="share" className="max-w-md space-y-2">
        <h2 id="share" className="text-lg font-semibold">
          {t("templates.shareTitle")}
        </h2>
        <p className="text-sm text-stone-700">{t("templates.shareIntro", { share: share.share })}</p>
        <RefForm
          action={setWeakestShareAction}
          fields={[
            { kind: "hidden", name: "unitId", value: String(unit.id) },
            { kind: "number", name: "weakestShare", label: t("templates.shareLabel"), defaultValue: String(share.share), min: 1, max: 100, required: true },
          ]}
          submit={t("templates.shareSave")}
          success={t("templates.shareSaved", { unit: unitName })}
          layout="inline"
        />
      </section>

      <section aria-labelledby="versions" className="space-y-2">
        <h2 id="versions" className="text-lg font-semibold">
          {t("templates.versions")}
        </h2>
        {versions.length === 0 ? (
          <p className="text-stone-700">{t("templates.none")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="template-versions">
            <thead className="border-b border-stone-300 text-stone-700">
              <tr>
                <th scope="col" className="py-2 pr-2">{t("templates.version")}</th>
                <th scope="col" className="py-2 pr-2">{t("templates.name")}</th>
                <th scope="col" className="py-2 pr-2 text-right">{t("templates.criteriaCount")}</th>
                <th scope="col" className="py-2 pr-2 text-right">{t("templates.sheets")}</th>
                <th scope="col" className="py-2">{t("templates.state")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {versions.map((v) => (
                <tr key={v.id}>
                  <td className="py-2 pr-2 tabular-nums">{v.version}</td>
                  <td className="py-2 pr-2">{v.name}</td>
                  <td className="py-2 pr-2 text-right tabular-nums">{v.sections.reduce((n, s) => n + s.criteria.length, 0)}</td>
                  <td className="py-2 pr-2 text-right tabular-nums">{v.sheets}</td>
                  <td className="py-2">{v.frozenAt ? t("templates.frozenSince", { time: formatDateTime(v.frozenAt) }) : t("templates.draft")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
