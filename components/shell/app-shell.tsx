import Link from "@/components/link";
import { useTranslations } from "next-intl";
import type { Actor } from "@/lib/auth/actor";
import { allows, type Permission } from "@/lib/auth/roles";
import { isoDay, todayInVietnam } from "@/lib/time";
import { officeName } from "@/lib/units/labels";
import { FieldStatus } from "@/components/field/field-status";
import { LocaleSwitch } from "./locale-switch";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

const SECTIONS: { href: string; key: string; permission?: Permission }[] = [
  { href: "/", key: "home" },
  { href: "/petitions", key: "petitions", permission: "petition:read:subtree" },
  { href: "/agency", key: "agency", permission: "agency-petition:read:agency" },
  { href: "/meetings", key: "meetings", permission: "meeting:read:subtree" },
  { href: "/organisation", key: "organisation", permission: "organisation:read:subtree" },
  { href: "/models", key: "models", permission: "good-practice:read:subtree" },
  { href: "/reports", key: "reports", permission: "report:read:subtree" },
  { href: "/reports/periodic", key: "periodicReports", permission: "periodic-report:read:subtree" },
  { href: "/reports/periodic/inbox", key: "reportInbox", permission: "periodic-report:approve:subtree" },
  { href: "/scoring", key: "scoring", permission: "report:read:subtree" },
  { href: "/admin", key: "admin", permission: "admin:access" },
];

/**
 * The signed-in shell: header, section menu, main. A plain component (no data of its own, no
 * async), so that both the App Router's layout and the one Pages Router page render the same one.
 */
export function AppShell({
  actor,
  unreadCount,
  nonce,
  children,
}: {
  actor: Actor;
  /** The header's badge (decision 062); absent, no link. */
  unreadCount?: number;
  /** The Pages Router page's CSP nonce: its field app script is inlined (components/field/field-status.tsx). */
  nonce?: string;
  children: React.ReactNode;
}) {
  const t = useTranslations();
  const items = SECTIONS.filter((s) => !s.permission || allows(actor, s.permission)).map((s) => ({ href: s.href, label: t(`nav.${s.key}`) }));
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/" className="text-xl font-bold text-brand-700">
            {t("app.name")}
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm leading-tight sm:text-right" data-testid="who">
              <span className="block font-semibold">{actor.displayName}</span>
              <span className="block text-stone-600">{officeName(actor.unit, isoDay(todayInVietnam()))}</span>
            </p>
            <LocaleSwitch />
            {unreadCount !== undefined && (
              <Link
                href="/notifications"
                aria-label={t("notifications.bell", { count: unreadCount })}
                className="inline-flex items-center gap-1.5 rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
                data-testid="notification-bell"
              >
                {t("nav.notifications")}
                {unreadCount > 0 && (
                  <span className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white" data-testid="unread-count">
                    {unreadCount > 99 ? "99+" : unreadCount}
                  </span>
                )}
              </Link>
            )}
            <Link href="/profile" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
              {t("nav.profile")}
            </Link>
            <SignOutButton />
            <FieldStatus userId={actor.userId} nonce={nonce} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-4 md:flex-row">
        <aside className="md:w-56 md:shrink-0 print:hidden">
          <NavLinks items={items} label={t("app.menu")} />
        </aside>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
