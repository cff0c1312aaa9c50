import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { unreadCount } from "@/lib/notifications/queries";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const unread = allows(actor, "notification:read:own") ? await unreadCount(actor.userId) : undefined;
  return (
    <AppShell actor={actor} unreadCount={unread}>
      {children}
    </AppShell>
  );
}
