import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { OfflineIntakeForm } from "@/components/petitions/offline-intake-form";
import { requirePermission } from "@/lib/auth/current";
import { petitionFieldOptions, villageChoices } from "@/lib/petitions/options";
import { isoDay, todayInVietnam } from "@/lib/time";

export async function generateMetadata() {
  return { title: (await getTranslations("petitions"))("intake.title") };
}

export default async function NewPetitionPage() {
  const actor = await requirePermission("petition:create:subtree");
  const [fields, villages] = await Promise.all([petitionFieldOptions(), villageChoices(actor)]);
  const t = await getTranslations("petitions.intake");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-600">{t("intro")}</p>
      </div>
      {/* A new key per page load: resubmitting this form never makes a second petition. */}
      <OfflineIntakeForm idempotencyKey={randomUUID()} today={isoDay(todayInVietnam())} fields={fields} villages={villages} />
    </div>
  );
}
