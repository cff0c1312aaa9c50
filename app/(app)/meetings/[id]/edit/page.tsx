import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EditMeetingForm } from "@/components/meetings/edit-form";
import { requirePermission } from "@/lib/auth/current";
import { formatDate } from "@/lib/format";
import { getMeetingPage } from "@/lib/meetings/detail";
import { isoDay, todayInVietnam } from "@/lib/time";
import { parseId } from "@/lib/forms/fields";

export async function generateMetadata() {
  return { title: (await getTranslations("meetings"))("edit.title") };
}

/** Correcting a meeting: only while the rules allow this user (decision 013). */
export default async function EditMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("meeting:read:subtree");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const data = await getMeetingPage(actor, id);
  if (!data || data.edit !== "editable") notFound();
  const m = data.meeting;
  const t = await getTranslations("meetings");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">
        {t("edit.title")} · {m.heldBy} · {formatDate(m.heldOn)}
      </h1>
      <EditMeetingForm
        today={isoDay(todayInVietnam())}
        meeting={{
          id: m.id,
          version: m.version,
          heldOn: isoDay(m.heldOn),
          place: m.place ?? "",
          chair: m.chair ?? "",
          guests: m.guests ?? "",
          agenda: m.agenda ?? "",
          minutes: m.minutes ?? "",
          kind: m.kind,
          followUp: m.followUp ?? "",
          followUpDueOn: m.followUpDueOn ? isoDay(m.followUpDueOn) : "",
          attendance: m.attendances.map((a) => ({ cadreId: a.cadre.id, fullName: a.cadre.fullName, role: a.cadre.position ?? "", status: a.status })),
        }}
      />
    </div>
  );
}
