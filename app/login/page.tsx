import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/login-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { getActor } from "@/lib/auth/current";
import { sameSitePath } from "@/lib/http/safe-path";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = sameSitePath(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations();
  const notice = params.expired ? t("login.expired") : params.signedOut ? t("login.signedOut") : undefined;
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl font-bold text-brand-700">{t("app.name")}</p>
          <p className="mt-1 text-sm text-stone-600">{t("app.fullName")}</p>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{t("login.title")}</h1>
          <p className="mt-1 text-sm text-stone-600">{t("login.intro")}</p>
          <LoginForm callbackUrl={callbackUrl} error={params.error} notice={notice} />
        </div>
        <div className="mt-4 flex justify-center">
          <LocaleSwitch />
        </div>
      </div>
    </main>
  );
}
