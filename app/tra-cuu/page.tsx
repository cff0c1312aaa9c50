import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { LookupForm, LookupResult } from "@/components/lookup/lookup-page";
import { SignInFrame } from "@/components/sign-in-frame";
import { lookupCookieName, openedPetition } from "@/lib/lookup/cookie";
import { citizenView } from "@/lib/lookup/lookup";
import { normaliseCode } from "@/lib/lookup/secret";

export async function generateMetadata() {
  const t = await getTranslations("lookup");
  return { title: t("title") };
}

/**
 * The citizens' lookup (decision 058), open without a session: the form (the code filled in from the QR
 * code's `?ma=`), and while this browser's lookup cookie lasts, the petition it opened. Plain forms, no
 * script: /tra-cuu/xem and /tra-cuu/danh-gia answer with a redirect here.
 */
export default async function LookupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === "string" ? (params[name] as string) : undefined);
  const t = await getTranslations("lookup");
  const petitionId = openedPetition((await cookies()).get(lookupCookieName())?.value);
  const view = petitionId !== null ? await citizenView(petitionId) : null;
  const error = one("loi");
  const rated = one("danh-gia");
  return (
    <SignInFrame title={t("title")} intro={t("intro")}>
      {view && <LookupResult view={view} rated={rated === "da-ghi" ? "saved" : rated === "da-co" ? "already" : undefined} />}
      <LookupForm code={normaliseCode(one("ma")) ?? ""} error={error === "nhap" ? "format" : error === "khong-khop" ? "notFound" : error === "het-han" ? "expired" : undefined} hasResult={view !== null} />
    </SignInFrame>
  );
}
