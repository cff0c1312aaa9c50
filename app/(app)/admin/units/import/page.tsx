import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { CatalogueImportForm } from "@/components/admin/catalogue-import-form";
import { requirePermission } from "@/lib/auth/current";
import { todayInVietnam } from "@/lib/time";
import { MAX_CATALOGUE_MB } from "@/lib/units/catalogue/upload";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("importTitle") };
}

export default async function Page() {
  await requirePermission("reference:manage:national");
  const t = await getTranslations("admin");
  const today = todayInVietnam().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="import-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <p>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 id="import-title" className="text-2xl font-semibold">
        {t("importTitle")}
      </h1>
      <p className="text-stone-700">{t("importIntro")}</p>
      <CatalogueImportForm today={today} maxMb={MAX_CATALOGUE_MB} />
    </section>
  );
}
