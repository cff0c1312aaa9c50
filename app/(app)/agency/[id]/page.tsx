import Link from "@/components/link";
import { notFound } from "next/navigation";
import { AgencyPetition } from "@/components/agency-links/agency-page";
import { AGENCY_HOME } from "@/lib/agency-accounts/list-params";
import { heldPetition } from "@/lib/agency-accounts/queries";
import { requirePermission } from "@/lib/auth/current";
import { parseId } from "@/lib/forms/fields";

export const metadata = { title: "Kiến nghị được giao" };

/**
 * A petition the account's agency holds or held (decision 064): the link's page, with its three plain forms to
 * /agency/{id}/gui while the agency holds it. Any other id answers 404. Vietnamese only, as the link's page.
 */
export default async function HeldPetitionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("agency-petition:read:agency");
  const id = parseId((await params).id);
  const view = id === null ? null : await heldPetition(actor, id);
  if (!view) notFound();
  const query = await searchParams;
  const one = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : undefined);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label="Đường dẫn" className="text-sm">
        <Link href={AGENCY_HOME} className="text-brand-700 underline underline-offset-2">
          Kiến nghị được giao
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold">Kiến nghị {view.petition.code}</h1>
        <p className="text-sm text-stone-600">
          Cơ quan: <strong>{view.agency.name}</strong>
          {!view.heldNow && <> · Cơ quan không còn giữ kiến nghị này: chỉ xem lại những gì đã gửi.</>}
        </p>
      </header>
      <AgencyPetition view={view} target={view.heldNow ? { action: `${AGENCY_HOME}/${view.petition.id}/gui`, hidden: {} } : null} sent={one("da-gui")} error={one("loi")} form={one("mau")} />
    </div>
  );
}
