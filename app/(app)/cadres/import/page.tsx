import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { CadreImportForm } from "@/components/cadres/import-form";
import { requirePermission } from "@/lib/auth/current";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/cadres/import";

export async function generateMetadata() {
  return { title: (await getTranslations("cadres"))("importTitle") };
}

export default async function ImportCadresPage() {
  await requirePermission("cadre:manage:subtree");
  const t = await getTranslations("cadres");
  return (
    <section aria-labelledby="import-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <p>
        <Link href="/cadres" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 id="import-title" className="text-2xl font-semibold">
        {t("importTitle")}
      </h1>
      <p className="text-stone-700">{t("importIntro")}</p>
      <p>
        <a href="/cadres/template" download className="inline-block rounded-md border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">
          {t("template")}
        </a>
      </p>
      <p className="text-sm text-stone-700">{t("keyHint")}</p>
      <CadreImportForm maxMb={MAX_IMPORT_BYTES / 1024 / 1024} maxRows={MAX_IMPORT_ROWS} />
    </section>
  );
}
