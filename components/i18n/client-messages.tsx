import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, SECTION_NAMESPACES, SHELL_NAMESPACES, type Section } from "@/lib/i18n/client-namespaces";

/**
 * The messages client components below may use: the shell's, and a section's when given (a nested provider
 * replaces its parent's messages, so the shell's come along). See lib/i18n/client-namespaces.ts.
 */
export async function ClientMessages({ section, children }: { section?: Section; children: React.ReactNode }) {
  const namespaces = section ? [...SHELL_NAMESPACES, ...SECTION_NAMESPACES[section]] : SHELL_NAMESPACES;
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}
