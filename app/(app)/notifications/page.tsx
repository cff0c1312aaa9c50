import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { MarkAllReadForm, MarkReadForm } from "@/components/notifications/notification-forms";
import { InvalidCursorError } from "@/lib/api/cursor";
import { requirePermission } from "@/lib/auth/current";
import { formatDate } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

/** The user's own notifications, newest first, 20 a page (`?cursor=`: the next page's key). */
/** A periodic report's reminder opens the report (decision 081); the others a petition, or the digest's list. */
const openKey = (kind: string) => (kind === "REPORT_DUE_SOON" || kind === "REPORT_OVERDUE" ? "openReport" : "open");

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("notification:read:own");
  const t = await getTranslations("notifications");
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === "string" && raw.length > 0 ? raw : undefined;
  let page;
  try {
    page = await listNotifications(actor, { cursor });
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    page = await listNotifications(actor);
  }
  return (
    <section aria-labelledby="notifications-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
      <div>
        <h1 id="notifications-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="mt-1 text-stone-700">{t("intro")}</p>
        <p className="mt-1 text-sm">
          <Link href="/profile/notifications" className="text-brand-700 underline">
            {t("settingsLink")}
          </Link>
        </p>
      </div>
      {page.items.length > 0 && <MarkAllReadForm />}
      {page.items.length === 0 ? (
        <p role="status" className="text-stone-600">
          {t("empty")}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="notification-list">
          {page.items.map((n) => (
            <li key={n.id} className={`space-y-1 py-3 ${n.read ? "" : "border-l-4 border-brand-700 pl-3"}`} data-testid="notification">
              <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
                <span className={`rounded-full px-2 py-0.5 font-medium ${n.read ? "bg-stone-100 text-stone-700" : "bg-amber-100 text-amber-900"}`}>{n.read ? t("read") : t("unread")}</span>
                <span>{t(`kind_${n.kind}`)}</span>
                <span>{t("day", { day: formatDate(n.day) })}</span>
              </p>
              <h2 className="font-semibold">{n.title}</h2>
              <p>{n.body}</p>
              <p className="flex flex-wrap items-center gap-3">
                <Link href={n.link} aria-label={`${t(openKey(n.kind))}: ${n.title}`} className="font-medium text-brand-700 underline">
                  {t(openKey(n.kind))}
                </Link>
                {!n.read && <MarkReadForm id={n.id} title={n.title} />}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("title")} className="flex flex-wrap gap-3">
        {cursor && (
          <Link href="/notifications" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
            {t("first")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={`/notifications?cursor=${page.nextCursor}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
            {t("next")}
          </Link>
        )}
      </nav>
    </section>
  );
}
