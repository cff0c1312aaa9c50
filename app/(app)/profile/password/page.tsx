import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { requireActor } from "@/lib/auth/current";

export async function generateMetadata() {
  return { title: (await getTranslations("profile"))("passwordTitle") };
}

/** The one page a user whose password was reset may open (lib/auth/current.ts sends them here). */
export default async function ChangePasswordPage() {
  const actor = await requireActor();
  const t = await getTranslations("profile");
  return (
    <section aria-labelledby="password-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      {!actor.mustChangePassword && (
        <Link href="/profile" className="text-sm text-brand-700 underline underline-offset-2">
          {t("back")}
        </Link>
      )}
      <h1 id="password-title" className="text-2xl font-semibold">
        {t("passwordTitle")}
      </h1>
      {actor.mustChangePassword ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900">
          {t("mustChange")}
        </p>
      ) : (
        <p className="text-stone-700">{t("passwordIntro")}</p>
      )}
      <ChangePasswordForm username={actor.username} />
    </section>
  );
}
