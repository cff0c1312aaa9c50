import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/current";
import { formatDate, formatDateTime } from "@/lib/format";
import { isoDay, todayInVietnam } from "@/lib/time";
import { officeName, unitFullName } from "@/lib/units/labels";
import { getOwnProfile } from "@/lib/users/queries";
import { dutiesLabel } from "@/lib/users/duty-label";

export async function generateMetadata() {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const actor = await requireActor();
  const profile = await getOwnProfile(actor);
  if (!profile) notFound();
  const [t, tr, tn] = await Promise.all([getTranslations("profile"), getTranslations("roles"), getTranslations("notifications")]);
  const pathText = [...profile.unit.path]
    .reverse()
    .map((a) => unitFullName(a))
    .join(", ");
  return (
    <section aria-labelledby="profile-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <h1 id="profile-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-stone-600">{t("displayName")}</dt>
          <dd className="font-medium">{profile.displayName}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("username")}</dt>
          <dd className="font-mono font-medium">{profile.username}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("role")}</dt>
          <dd className="font-medium">{dutiesLabel(profile.duties, tr)}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("unit")}</dt>
          <dd className="font-medium">
            {officeName(profile.unit, isoDay(todayInVietnam()))}
            <span className="block font-normal">{unitFullName(profile.unit)}</span>
            {pathText && (
              <span className="block text-sm font-normal text-stone-600">
                <span className="sr-only">{t("unitPath")}: </span>
                {pathText}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("lastLogin")}</dt>
          <dd>{profile.lastLoginAt ? formatDateTime(profile.lastLoginAt) : t("never")}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("createdAt")}</dt>
          <dd>{formatDate(profile.createdAt)}</dd>
        </div>
      </dl>
      <ul className="flex flex-wrap gap-3">
        <li>
          <Link href="/profile/password" className="inline-block rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
            {t("changePassword")}
          </Link>
        </li>
        <li>
          <Link href="/profile/tokens" className="inline-block rounded-md border border-stone-300 px-4 py-2.5 font-semibold hover:bg-stone-100">
            {t("tokens")}
          </Link>
        </li>
        <li>
          <Link href="/profile/notifications" className="inline-block rounded-md border border-stone-300 px-4 py-2.5 font-semibold hover:bg-stone-100">
            {tn("settingsLink")}
          </Link>
        </li>
        <li>
          <Link href="/profile/two-factor" className="inline-block rounded-md border border-stone-300 px-4 py-2.5 font-semibold hover:bg-stone-100">
            {t("twoFactor")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
