import { getTranslations } from "next-intl/server";
import { TwoFactorPolicyForm } from "@/components/users/two-factor-forms";
import { requirePermission } from "@/lib/auth/current";
import { rolesRequiringTwoFactor } from "@/lib/auth/two-factor/store";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("twoFactor"))("policyTitle") };
}

/** "Xác thực hai lớp theo vai trò": which roles must use a second factor; national administrators only (404 for others). */
export default async function TwoFactorPolicyPage() {
  await requirePermission("security-policy:manage:national");
  const [t, required] = await Promise.all([getTranslations("twoFactor"), rolesRequiringTwoFactor()]);
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
