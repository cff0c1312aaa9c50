import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { UnitChoiceForm } from "@/components/admin/unit-choice-form";
import { placePetitionAction, placeVillageAction } from "@/lib/units/merger/actions";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { unitFullName } from "@/lib/units/labels";
import { PETITION_PLACEMENT_SORTS, petitionsAwaitingPlacement, placedPetition, type PetitionPlacementSort } from "@/lib/units/merger/petitions";
import { villagesAwaitingPlacement } from "@/lib/units/merger/placement";
import { MAX_PAGE_NUMBER, parseId } from "@/lib/forms/fields";

export async function generateMetadata() {
  return { title: (await getTranslations("mergers"))("placementTitle") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("unit:manage:subtree");
  const t = await getTranslations("mergers");
  const params = await searchParams;
  const pageOf = (value: string | string[] | undefined) => {
    const raw = parseId(value);
    return raw !== null && raw <= MAX_PAGE_NUMBER ? raw : 1;
  };
  const page = pageOf(params.page);
  // The open petitions of split units, on the same page (decision 055): their own page and sort.
  const petitionPage = pageOf(params.ppage);
  const petitionSort: PetitionPlacementSort = (PETITION_PLACEMENT_SORTS as readonly unknown[]).includes(params.psort) ? (params.psort as PetitionPlacementSort) : "received";
  const placedId = parseId(params.placed);
  const [list, petitions, placed] = await Promise.all([
    villagesAwaitingPlacement(actor, page),
    petitionsAwaitingPlacement(actor, petitionPage, petitionSort),
    placedId === null ? null : placedPetition(actor, placedId),
  ]);
  const readsPetitions = allows(actor, "petition:read:subtree");
  const petitionPages = Math.max(1, Math.ceil(petitions.total / petitions.pageSize));
  const href = (changes: { page?: number; ppage?: number }) => {
    const next = { page, ppage: petitionPage, ...changes };
    const search = new URLSearchParams();
    if (next.page > 1) search.set("page", String(next.page));
    if (petitionSort !== "received") search.set("psort", petitionSort);
    if (next.ppage > 1) search.set("ppage", String(next.ppage));
    const query = search.toString();
    return `/admin/units/placement${query ? `?${query}` : ""}`;
  };
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
                    <UnitChoiceForm
                      action={placeVillageAction}
                      hidden={{ villageId: village.id, version: village.version }}
                      name="targetCommuneId"
                      label={t("target", { name: unitFullName(village) })}
                      choices={candidates}
                      submit={t("place")}
                      done={t("placed", { name: unitFullName(village) })}
                    />
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
            <Link href={href({ page: page - 1 })} className="text-brand-700 underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("page", { page, pages })}</span>
          {page < pages && (
            <Link href={href({ page: page + 1 })} className="text-brand-700 underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
      <section aria-labelledby="petitions-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="petitions-title" className="text-xl font-semibold">
          {t("petitionsTitle")}
        </h2>
        <p className="text-stone-700">{t("petitionsIntro")}</p>
        <form method="get" action="/admin/units/placement#petitions-title" className="flex flex-wrap items-end gap-3">
          {page > 1 && <input type="hidden" name="page" value={page} />}
          <div>
            <label htmlFor="petitions-sort" className="block text-sm font-medium">
              {t("petitionsSortLabel")}
            </label>
            <select id="petitions-sort" name="psort" defaultValue={petitionSort} className="mt-1 block rounded-md border border-stone-300 px-3 py-2 text-base">
              <option value="received">{t("petitionsSortReceived")}</option>
              <option value="code">{t("petitionsSortCode")}</option>
            </select>
          </div>
          <button type="submit" className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-50">
            {t("petitionsApply")}
          </button>
        </form>
        {placed && (
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
            {t("petitionPlacedTo", { code: placed.code, unit: placed.unit })}
          </p>
        )}
        <p className="font-medium">{t("petitionsCount", { count: petitions.total })}</p>
        {petitions.total === 0 ? (
          <p className="text-stone-600">{t("petitionsEmpty")}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {petitions.rows.map((p) => (
              <li key={p.id} className="space-y-2 py-3">
                <p>
                  <Link href={`/petitions/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {t("petitionOf", { code: p.code, date: formatDate(p.receivedOn), unit: p.unit.label, closed: formatDate(p.unit.validTo) })}
                  </Link>
                </p>
                {readsPetitions && <p className="line-clamp-2 text-sm text-stone-700">{p.content}</p>}
                {p.candidates.length === 0 ? (
                  <p className="text-stone-600">{t("petitionNoCandidates")}</p>
                ) : (
                  <UnitChoiceForm
                    action={placePetitionAction}
                    hidden={{ petitionId: p.id, version: p.version }}
                    name="targetUnitId"
                    label={t("petitionTarget", { code: p.code })}
                    choices={p.candidates}
                    confirm={t("petitionConfirm")}
                    submit={t("placePetition")}
                    done={t("petitionPlaced", { code: p.code })}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {petitionPages > 1 && (
          <nav aria-label={t("petitionsPage", { page: petitionPage, pages: petitionPages })} className="flex items-center gap-4">
            {petitionPage > 1 && (
              <Link href={href({ ppage: petitionPage - 1 })} className="text-brand-700 underline">
                {t("previous")}
              </Link>
            )}
            <span>{t("petitionsPage", { page: petitionPage, pages: petitionPages })}</span>
            {petitionPage < petitionPages && (
              <Link href={href({ ppage: petitionPage + 1 })} className="text-brand-700 underline">
                {t("next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
