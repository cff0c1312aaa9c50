import Head from "next/head";
import Link from "@/components/link";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { TIME_ZONE } from "@/lib/i18n/config";
import vi from "@/lib/i18n/messages/vi.json";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

function Body() {
  const t = useTranslations();
  return (
    <main id="main" role="alert" className="mx-auto max-w-xl p-6 py-16 text-center">
      <Head>
        <title>{`${t("error.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1 className="text-2xl font-semibold">{t("error.title")}</h1>
      <p className="mt-2 text-stone-600">{t("error.body", { id: "—" })}</p>
      <Link href="/meetings" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        {t("nav.meetings")}
      </Link>
    </main>
  );
}

/** The Pages Router's error page (only /meetings/new can reach it): built once, in Vietnamese, as app/error.tsx says it. */
export default function ServerError() {
  return (
    <NextIntlClientProvider locale="vi" messages={vi} timeZone={TIME_ZONE}>
      <Body />
    </NextIntlClientProvider>
  );
}
