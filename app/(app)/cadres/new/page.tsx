import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { CadreForm } from "@/components/cadres/cadre-forms";
import { requirePermission } from "@/lib/auth/current";
import { canSeePersonalData } from "@/lib/cadres/queries";
import { cadreUnitList } from "@/lib/cadres/unit-options";
import { maxBirthYear } from "@/lib/cadres/rules";
import { todayInVietnam } from "@/lib/time";

export async function generateMetadata() {
  return { title: (await getTranslations("cadres"))("newTitle") };
}

export default async function NewCadrePage() {
  const actor = await requirePermission("cadre:manage:subtree");
  const t = await getTranslations("cadres");
  const units = await cadreUnitList(actor);
  return (
    <section aria-labelledby="new-cadre-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <p>
        <Link href="/cadres" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 id="new-cadre-title" className="text-2xl font-semibold">
        {t("newTitle")}
      </h1>
      <CadreForm units={units} personal={canSeePersonalData(actor)} maxBirthYear={maxBirthYear(todayInVietnam())} />
    </section>
  );
}
