import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/shell/locale-switch";

/** The frame of the sign-in pages (/login, /login/code): the app's name, a card with its title, the language switch. */
export async function SignInFrame({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl font-bold text-brand-700">{t("name")}</p>
          <p className="mt-1 text-sm text-stone-600">{t("fullName")}</p>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{title}</h1>
          <p className="mt-1 text-sm text-stone-600">{intro}</p>
          {children}
        </div>
        <div className="mt-4 flex justify-center">
          <LocaleSwitch />
        </div>
      </div>
    </main>
  );
}
