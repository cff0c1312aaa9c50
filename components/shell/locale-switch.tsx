import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/config";

const LABELS = { vi: "Tiếng Việt", en: "English" } as const;

/** Works without JavaScript: each language is a small form posting to a server action. */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <div role="group" aria-label={t("language")} className="flex gap-1 text-sm">
      {LOCALES.map((l) => (
        <form key={l} action={setLocale}>
          <input type="hidden" name="locale" value={l} />
          <button
            type="submit"
            lang={l}
            aria-pressed={l === locale}
            className={`rounded px-2 py-1 ${l === locale ? "bg-stone-200 font-semibold" : "text-stone-600 hover:bg-stone-100"}`}
          >
            {LABELS[l]}
          </button>
        </form>
      ))}
    </div>
  );
}
