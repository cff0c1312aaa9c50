import { randomUUID } from "node:crypto";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { RegisterModelForm } from "@/components/good-practice/model-forms";
import { requirePermission } from "@/lib/auth/current";
import { registeringUnits } from "@/lib/good-practice/queries";
import { GOOD_PRACTICE_FIELDS } from "@/lib/good-practice/workflow";
import { todayInVietnam } from "@/lib/time";
import { unitFullName } from "@/lib/units/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("goodPractice"))("registerTitle") };
}

/** Registering a "Dân vận khéo" model for the user's unit or a unit just below it (decision 076). */
export default async function NewModelPage() {
  const actor = await requirePermission("good-practice:write:subtree");
  const [t, units] = await Promise.all([getTranslations("goodPractice"), registeringUnits(actor)]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/models" className="text-sm text-brand-700 underline underline-offset-2">
        {t("detail.back")}
      </Link>
      <section aria-labelledby="register-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 id="register-title" className="mb-4 text-2xl font-semibold">
          {t("registerTitle")}
        </h1>
        <RegisterModelForm
          units={units.map((u) => ({ id: u.id, label: unitFullName(u) }))}
          idempotencyKey={randomUUID()}
          defaultYear={todayInVietnam().getUTCFullYear()}
          fields={GOOD_PRACTICE_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
        />
      </section>
    </div>
  );
}
