import { getTranslations } from "next-intl/server";
import { TwoFactorPolicyForm } from "@/components/users/two-factor-forms";
import { requirePermission } from "@/lib/auth/current";
import { dutiesRequiringTwoFactor } from "@/lib/auth/two-factor/store";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("twoFactor"))("policyTitle") };
}

/** "Xác thực hai lớp theo công việc": which duties require a second factor (decision 049); national administrators only (404 for others). */
export default async function TwoFactorPolicyPage() {
  await requirePermission("security-policy:manage:national");
  const [t, required] = await Promise.all([getTranslations("twoFactor"), dutiesRequiringTwoFactor()]);
  return (
    <section aria-labelledby="policy-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <h1 id="policy-title" className="text-2xl font-semibold">
        {t("policyTitle")}
      </h1>
      <p className="text-stone-700">{t("policyIntro")}</p>
      <TwoFactorPolicyForm required={required} />
    </section>
  );
}
