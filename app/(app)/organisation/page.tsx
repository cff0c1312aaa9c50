import { getTranslations } from "next-intl/server";
import { SectionNotBuilt } from "@/components/section-not-built";
import { requirePermission } from "@/lib/auth/current";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("organisation") };
}

export default async function Page() {
  await requirePermission("organisation:read:subtree");
  return <SectionNotBuilt section="organisation" />;
}
