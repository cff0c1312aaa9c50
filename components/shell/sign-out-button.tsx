import { getTranslations } from "next-intl/server";
import { signOut } from "@/lib/auth/sign-out";

/** A plain form posting to a server action: no client code on every page, works without JavaScript. */
export async function SignOutButton() {
  const t = await getTranslations("app");
  return (
    <form action={signOut}>
      <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
        {t("signOut")}
      </button>
    </form>
  );
}
