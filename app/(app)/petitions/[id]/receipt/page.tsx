import Link from "@/components/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintButton, ReceiptNumber } from "@/components/lookup/receipt-number";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { parseId } from "@/lib/forms/fields";
import { getReceipt, publicBaseUrl } from "@/lib/lookup/receipt";
import { todayInVietnam } from "@/lib/time";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `${(await getTranslations("petitions"))("receipt.title")} #${(await params).id}` };
}

/**
 * The receipt (giấy biên nhận, decision 058), printed for the citizen: in Vietnamese whatever the staff's
 * language, A4/A5 by the browser's print (the shell and the buttons are left out, `print:hidden`).
 */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("petition:read:subtree");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const receipt = await getReceipt(actor, id, publicBaseUrl(await headers()));
  if (!receipt) notFound();
  const t = await getTranslations({ locale: "vi", namespace: "petitions.receipt" });
  const ui = await getTranslations("petitions.receipt");
  const mayIssue = allows(actor, "petition:create:subtree");
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex gap-2 py-1">
      <dt className="w-40 shrink-0">{label}</dt>
      <dd className="font-semibold">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/petitions/${receipt.id}`} className="text-brand-700 underline underline-offset-2">{ui("back", { code: receipt.code })}</Link>
        <PrintButton label={ui("print")} />
      </div>
      <article aria-labelledby="receipt-title" data-testid="receipt" className="mx-auto max-w-2xl rounded-xl border border-stone-300 bg-white p-6 print:max-w-none print:border-0 print:p-0">
        <p className="text-center text-sm font-semibold uppercase">{t("nation")}</p>
        <p className="text-center text-sm font-semibold">{t("motto")}</p>
        <h1 id="receipt-title" className="mt-6 text-center text-xl font-bold uppercase">{t("heading")}</h1>
        <dl className="mt-6 text-base">
          {row(t("code"), <span data-testid="receipt-code">{receipt.code}</span>)}
          {row(t("receivedOn"), formatDate(receipt.receivedOn))}
          {row(t("field"), receipt.fieldName)}
          {receipt.deadline && row(t("deadline"), <span data-testid="receipt-deadline">{formatDate(receipt.deadline)}</span>)}
        </dl>
        <div className="mt-6 flex flex-col items-center gap-4 sm:flex-row sm:items-start">
          {/* Server-drawn SVG of the lookup address only (the qrcode package): no user text in it. */}
          <div className="size-40 shrink-0" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: receipt.qrSvg }} />
          <div className="space-y-2 text-sm">
            <p>{t("howTo")}</p>
            <p className="break-all font-mono" data-testid="receipt-url">{receipt.url}</p>
            {receipt.byPhone ? (
              <p>{t("byPhone")}</p>
            ) : (
              <ReceiptNumber
                petitionId={receipt.id}
                issuedAt={receipt.lookupNumberIssuedAt ? formatDate(receipt.lookupNumberIssuedAt) : null}
                mayIssue={mayIssue}
                text={{
                  byNumber: t("byNumber"),
                  number: t("number"),
                  notShown: receipt.lookupNumberIssuedAt ? ui("numberIssuedBefore", { date: formatDate(receipt.lookupNumberIssuedAt) }) : ui("numberNotIssued"),
                  issue: receipt.lookupNumberIssuedAt ? ui("reissue") : ui("issue"),
                  issuing: ui("issuing"),
                  cannotIssue: ui("cannotIssue"),
                  failed: ui("issueFailed"),
                }}
              />
            )}
          </div>
        </div>
        <div className="mt-10 flex justify-between text-sm">
          <p>{t("printedOn", { date: formatDate(todayInVietnam()) })}</p>
          <p className="text-center">
            <span className="block font-semibold">{t("signature")}</span>
            <span className="block italic">{t("signatureHint")}</span>
          </p>
        </div>
      </article>
    </div>
  );
}
