import { ClientMessages } from "@/components/i18n/client-messages";

/** The messages this section's client components use (lib/i18n/client-namespaces.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages section="scoring">{children}</ClientMessages>;
}
