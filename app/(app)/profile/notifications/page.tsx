import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { NotificationSettingsForm } from "@/components/notifications/notification-forms";
import { requirePermission } from "@/lib/auth/current";
import { getSettings } from "@/lib/notifications/settings";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("settingsTitle") };
}

export default async function NotificationSettingsPage() {
  const actor = await requirePermission("profile:update:own");
  const [t, tp, settings] = await Promise.all([getTranslations("notifications"), getTranslations("profile"), getSettings(actor.userId)]);
  return (
    <section aria-labelledby="channels-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <Link href="/profile" className="text-sm text-brand-700 underline">
        {tp("back")}
      </Link>
      <h1 id="channels-title" className="text-2xl font-semibold">
        {t("settingsTitle")}
      </h1>
      <p className="text-stone-700">{t("settingsIntro")}</p>
      {!settings.emailAvailable && (
        <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("emailOff")}
        </p>
      )}
      {(!settings.zaloAvailable || !settings.smsAvailable) && (
        <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t(!settings.zaloAvailable && !settings.smsAvailable ? "phoneOff" : !settings.zaloAvailable ? "zaloOff" : "smsOff")}
        </p>
      )}
      <NotificationSettingsForm email={settings.email} byEmail={settings.byEmail} phone={settings.phone} byZalo={settings.byZalo} bySms={settings.bySms} />
    </section>
  );
}
