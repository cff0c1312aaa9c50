import Link from "@/components/link";
import { useTranslations } from "next-intl";

/** "Không tìm thấy": a missing record, one out of the user's scope, and a missing permission look the same. */
export function NotFoundContent() {
  const t = useTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-xl p-6 py-16 text-center">
      <p className="text-5xl font-bold text-brand-700">404</p>
      <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-600">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        {t("home")}
      </Link>
    </main>
  );
}
