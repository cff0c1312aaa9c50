import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EditPetitionForm } from "@/components/petitions/edit-form";
import { requirePermission } from "@/lib/auth/current";
import { getPetitionEditPage } from "@/lib/petitions/detail";
import { petitionFieldOptions } from "@/lib/petitions/options";
import { isoDay, todayInVietnam } from "@/lib/time";
import { parseId } from "@/lib/forms/fields";

export async function generateMetadata() {
  return { title: (await getTranslations("petitions"))("steps.edit") };
}

/** Correct what intake recorded; only while the workflow allows this user the "edit" step. */
export default async function EditPetitionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("petition:read:subtree");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const data = await getPetitionEditPage(actor, id);
  if (!data) notFound();
  const p = data.petition;
  const t = await getTranslations("petitions");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">
        {t("steps.edit")} · {p.code}
      </h1>
      <EditPetitionForm
        today={isoDay(todayInVietnam())}
        fields={await petitionFieldOptions()}
        petition={{
          id: p.id,
          version: p.version,
          receivedOn: isoDay(p.receivedOn),
          channel: p.channel,
          petitionerKind: p.petitionerKind,
          petitionerName: p.petitionerName ?? "",
          petitionerPhone: p.petitionerPhone ?? "",
          petitionerAddress: p.petitionerAddress ?? "",
          fieldId: p.field.id,
          content: p.content,
        }}
      />
    </div>
  );
}
