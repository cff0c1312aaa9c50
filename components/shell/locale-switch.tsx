import { useLocale, useTranslations } from "next-intl";
import { LOCALES } from "@/lib/i18n/config";

const LABELS = { vi: "Tiếng Việt", en: "English" } as const;

/** Works without JavaScript: each language is a small form posting to /locale (lib/i18n/switch.ts). */
export function LocaleSwitch() {
  const locale = useLocale();
  const t = useTranslations("app");
  return (
    <div role="group" aria-label={t("language")} className="flex gap-1 text-sm">
      {LOCALES.map((l) => (
        <form key={l} method="post" action="/locale">
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
