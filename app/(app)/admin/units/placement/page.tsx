import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { PlaceVillageForm } from "@/components/admin/place-village-form";
import { requirePermission } from "@/lib/auth/current";
import { formatDate } from "@/lib/format";
import { unitFullName } from "@/lib/units/labels";
import { villagesAwaitingPlacement } from "@/lib/units/merger/placement";
import { MAX_PAGE_NUMBER, parseId } from "@/lib/forms/fields";

export async function generateMetadata() {
  return { title: (await getTranslations("mergers"))("placementTitle") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("unit:manage:subtree");
  const t = await getTranslations("mergers");
  const raw = parseId((await searchParams).page);
  const page = raw !== null && raw <= MAX_PAGE_NUMBER ? raw : 1;
  const list = await villagesAwaitingPlacement(actor, page);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const label = (u: { typeLabel: string; name: string; code: string | null }) => (u.code ? `${unitFullName(u)} (${u.code})` : unitFullName(u));
  return (
    <div className="space-y-4">
      <p>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <section aria-labelledby="placement-title" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 id="placement-title" className="text-2xl font-semibold">
          {t("placementTitle")}
        </h1>
        <p className="text-stone-700">{t("placementIntro")}</p>
        {list.total === 0 && <p className="text-stone-600">{t("placementEmpty")}</p>}
      </section>
      {list.communes.map((commune) => {
        const name = unitFullName(commune);
        const candidates = commune.successorLinks.map((l) => ({ id: l.successor.id, label: label(l.successor) }));
        return (
          <section key={commune.id} id={`commune-${commune.id}`} aria-labelledby={`old-${commune.id}`} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 id={`old-${commune.id}`} className="text-lg font-semibold">
              <Link href={`/units/${commune.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                {t("oldCommune", { name: commune.code ? `${name} (${commune.code})` : name, date: formatDate(commune.validTo) })}
              </Link>{" "}
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t("badge", { count: commune.children.length })}</span>
            </h2>
            {candidates.length === 0 ? (
              <p className="text-stone-600">{t("noCandidates")}</p>
            ) : (
              <ul className="divide-y divide-stone-100">
                {commune.children.map((village) => (
                  <li key={village.id} className="py-3">
                    <PlaceVillageForm village={{ id: village.id, version: village.version, fullName: unitFullName(village) }} candidates={candidates} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {pages > 1 && (
        <nav aria-label={t("page", { page, pages })} className="flex items-center gap-4">
          {page > 1 && (
            <Link href={`/admin/units/placement?page=${page - 1}`} className="text-brand-700 underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("page", { page, pages })}</span>
          {page < pages && (
            <Link href={`/admin/units/placement?page=${page + 1}`} className="text-brand-700 underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
