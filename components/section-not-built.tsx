import { getTranslations } from "next-intl/server";

/** Says plainly that a section is not built yet: no fake data. */
export async function SectionNotBuilt({ section }: { section: "petitions" | "meetings" | "organisation" | "reports" | "admin" }) {
  const t = await getTranslations();
  const title = t(`nav.${section}`);
  return (
    <section aria-labelledby="section-title" className="rounded-xl border border-stone-200 bg-white p-6">
      <h1 id="section-title" className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-stone-700">{t(`sections.${section}`)}</p>
      <div role="status" className="mt-6 rounded-md border border-dashed border-stone-300 bg-stone-50 p-4">
        <p className="font-medium">{t("sections.notBuilt")}</p>
        <p className="mt-1 text-sm text-stone-600">{t("sections.notBuiltDetail", { section: title })}</p>
      </div>
    </section>
  );
}
