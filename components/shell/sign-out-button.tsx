"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("app");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login?signedOut=1" })}
      className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
    >
      {t("signOut")}
    </button>
  );
}
