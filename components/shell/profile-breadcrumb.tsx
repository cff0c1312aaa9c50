import Link from "@/components/link";
import { getTranslations } from "next-intl/server";

/** "Hồ sơ › <page>": the way back from a page under /profile. */
export async function ProfileBreadcrumb({ current }: { current: string }) {
  const t = await getTranslations("profile");
  return (
    <nav aria-label={t("title")} className="text-sm text-stone-600">
      <ol className="flex flex-wrap gap-1">
        <li className="after:ml-1 after:content-['›']">
          <Link href="/profile" className="underline underline-offset-2 hover:text-stone-900">
            {t("title")}
          </Link>
        </li>
        <li aria-current="page" className="font-medium text-stone-900">
          {current}
        </li>
      </ol>
    </nav>
  );
}
