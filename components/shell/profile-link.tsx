import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "Hồ sơ" in the header: the user's own profile and password. */
export async function ProfileLink() {
  const t = await getTranslations("nav");
  return (
    <Link href="/profile" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
      {t("profile")}
    </Link>
  );
}
