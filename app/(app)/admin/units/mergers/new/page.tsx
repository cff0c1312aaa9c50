import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { MergerForm } from "@/components/admin/merger-form";
import { requirePermission } from "@/lib/auth/current";
import { todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";
import { mergerChoices } from "@/lib/units/merger/queries";
import { MERGER_LEVELS, SUCCESSOR_TYPE_LABELS, type MergerLevel } from "@/lib/units/merger/schemas";
import { searchUnits } from "@/lib/units/search";

export async function generateMetadata() {
  return { title: (await getTranslations("mergers"))("newTitle") };
}

type Params = Record<string, string | string[] | undefined>;

const ids = (value: string | string[] | undefined) =>
  [...new Set((Array.isArray(value) ? value : value ? [value] : []).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))].slice(0, 50);

/**
 * Step 1 lives in the URL (level, search text, chosen ids as repeated `p`), so choosing old
 * units works with plain links and GET forms; step 2 is the merger form itself.
 */
export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePermission("reference:manage:national");
  const params = await searchParams;
  const t = await getTranslations();
  const chosenIds = ids(params.p);
  const choices = await mergerChoices(actor, chosenIds);
  const level: MergerLevel = choices.level ?? (MERGER_LEVELS.includes(params.level as MergerLevel) ? (params.level as MergerLevel) : "COMMUNE");
  const q = typeof params.q === "string" ? params.q : "";
  const hits = q ? await searchUnits(actor, q, { level, limit: 20 }) : [];
  const keptIds = choices.predecessors.map((p) => p.id);

  const url = (p: number[], withQuery = true) => {
    const search = new URLSearchParams();
    search.set("level", level);
    if (withQuery && q) search.set("q", q);
    for (const id of p) search.append("p", String(id));
    return `/admin/units/mergers/new?${search.toString()}`;
  };

  return (
    <div className="space-y-4">
      <p>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("mergers.back")}
        </Link>
      </p>
      <section aria-labelledby="merger-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 id="merger-title" className="text-2xl font-semibold">
          {t("mergers.newTitle")}
        </h1>
        <p className="text-stone-700">{t("mergers.newIntro")}</p>
      </section>

      <section aria-labelledby="step1-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="step1-title" className="text-lg font-semibold">
          {t("mergers.step1")}
        </h2>
        <form method="get" action="/admin/units/mergers/new" className="flex flex-wrap items-end gap-3">
          {keptIds.map((id) => (
            <input key={id} type="hidden" name="p" value={id} />
          ))}
          <div>
            <label htmlFor="merger-level" className="block text-sm font-medium">
              {t("mergers.levelLabel")}
            </label>
            {choices.level ? (
              <>
                <input type="hidden" name="level" value={level} />
                <p id="merger-level" className="mt-1 py-2">
                  {t(`levels.${level}`)}
                </p>
              </>
            ) : (
              <select id="merger-level" name="level" defaultValue={level} className="mt-1 block rounded-md border border-stone-300 px-3 py-2 text-base">
                {MERGER_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`levels.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </div>
          <div className="min-w-0 flex-1">
            <label htmlFor="merger-q" className="block text-sm font-medium">
              {t("mergers.searchLabel")}
            </label>
            <input id="merger-q" type="search" name="q" defaultValue={q} maxLength={100} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base" />
          </div>
          <button type="submit" className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-50">
            {t("mergers.search")}
          </button>
        </form>
        {q && (
          <section aria-label={t("mergers.results")}>
            {hits.length === 0 ? (
              <p className="text-stone-600">{t("mergers.noResults")}</p>
            ) : (
              <ul className="divide-y divide-stone-100">
                {hits.map((hit) => {
                  const name = unitFullName(hit);
                  const taken = keptIds.includes(hit.id);
                  return (
                    <li key={hit.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        <span className="font-medium">{name}</span>
                        {hit.code && <span className="text-stone-600"> ({hit.code})</span>}
                        {hit.path.length > 0 && <span className="block text-sm text-stone-600">{hit.path.map(unitFullName).join(" › ")}</span>}
                      </span>
                      {taken ? (
                        <span className="text-sm text-stone-600">{t("mergers.chosen")}</span>
                      ) : (
                        <Link href={url([...keptIds, hit.id])} aria-label={t("mergers.choose", { name })} className="rounded-md border border-stone-300 px-3 py-1 text-sm font-medium hover:bg-stone-50">
                          {t("mergers.chooseShort")}
                        </Link>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        )}
        {choices.predecessors.length === 0 ? (
          <p className="text-stone-600">{t("mergers.noneChosen")}</p>
        ) : (
          <ul aria-label={t("mergers.chosen")} className="flex flex-wrap gap-2">
            {choices.predecessors.map((p) => {
              const name = unitFullName(p);
              return (
                <li key={p.id} className="flex items-center gap-2 rounded-full bg-stone-100 px-3 py-1 text-sm">
                  {name}
                  {p.code && ` (${p.code})`}
                  <Link href={url(keptIds.filter((id) => id !== p.id))} aria-label={t("mergers.remove", { name })} className="text-red-800 underline">
                    ×
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {choices.level && (
        <MergerForm
          key={keptIds.join(",")}
          predecessors={choices.predecessors.map((p) => ({ id: p.id, label: p.code ? `${unitFullName(p)} (${p.code})` : unitFullName(p) }))}
          successors={choices.successors}
          parents={choices.parents}
          typeLabels={[...SUCCESSOR_TYPE_LABELS[choices.level]]}
          levelUntilReform={choices.level === "DISTRICT"}
          today={todayInVietnam().toISOString().slice(0, 10)}
        />
      )}
    </div>
  );
}
