import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/current";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  return <AppShell actor={await requireActor()}>{children}</AppShell>;
}
