import { useTranslations } from "next-intl";
import type { PetitionStatus, ResolutionKind } from "@/lib/generated/prisma/enums";

const TONE: Record<PetitionStatus, string> = {
  RECEIVED: "bg-sky-100 text-sky-900",
  ASSIGNED: "bg-indigo-100 text-indigo-900",
  IN_PROGRESS: "bg-amber-100 text-amber-900",
  RESOLVED: "bg-green-100 text-green-900",
  CLOSED: "bg-stone-200 text-stone-800",
  REJECTED: "bg-rose-100 text-rose-900",
  MERGED: "bg-stone-100 text-stone-700",
  ESCALATED: "bg-purple-100 text-purple-900",
};

/** The status in words (never colour alone), with settled/explained once resolved. */
export function StatusBadge({ status, resolution }: { status: PetitionStatus; resolution?: ResolutionKind | null }) {
  const t = useTranslations("petitions");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${TONE[status]}`}>
      {t(`statuses.${status}`)}
      {resolution && (status === "RESOLVED" || status === "CLOSED") && <span className="block font-normal">{t(`resolutions.${resolution}`)}</span>}
    </span>
  );
}
