import { getTranslations } from "next-intl/server";
import { MAX_QUERY_LENGTH } from "@/lib/units/search";

/** A GET form that reloads the page with `?unit=…`: the hits become the unit choices of the form below. */
export async function UnitSearchForm({ action, query, tooShort, noHits }: { action: string; query: string; tooShort: boolean; noHits: boolean }) {
  const t = await getTranslations("users");
  return (
    <form method="get" action={action} role="search" aria-label={t("unitSearchLabel")}>
      <label htmlFor="unit-query" className="block text-sm font-medium">
        {t("unitSearchLabel")}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="unit-query"
          name="unit"
          type="search"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="unit-query-hint"
          className="block min-w-0 flex-1 basis-48 rounded-md border border-stone-300 px-3 py-2 text-base"
        />
        <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-stone-100">
          {t("unitSearchSubmit")}
        </button>
      </div>
      <p id="unit-query-hint" className="mt-1 text-sm text-stone-600">
        {t("unitSearchHint")}
      </p>
      {tooShort && (
        <p role="status" className="mt-1 text-sm text-red-800">
          {t("unitTooShort")}
        </p>
      )}
      {noHits && (
        <p role="status" className="mt-1 text-sm text-red-800">
          {t("unitNoHits", { query })}
        </p>
      )}
    </form>
  );
}
