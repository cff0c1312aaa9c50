import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/current";
import { headerUnreadCount } from "@/lib/notifications/queries";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const unread = await headerUnreadCount(actor);
  return (
    <AppShell actor={actor} unreadCount={unread ?? undefined}>
      {children}
    </AppShell>
  );
}
