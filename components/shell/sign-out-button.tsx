import { useTranslations } from "next-intl";

/** A plain form posting to /sign-out (lib/auth/sign-out.ts): no client code, works without JavaScript. */
export function SignOutButton() {
  const t = useTranslations("app");
  return (
    <form method="post" action="/sign-out">
      <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
        {t("signOut")}
      </button>
    </form>
  );
}
