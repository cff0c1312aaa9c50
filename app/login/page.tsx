import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/login-form";
import { SignInFrame } from "@/components/sign-in-frame";
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
    <SignInFrame title={t("login.title")} intro={t("login.intro")}>
      <LoginForm callbackUrl={callbackUrl} error={params.error} notice={notice} />
    </SignInFrame>
  );
}
