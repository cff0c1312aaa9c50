import Link from "next/link";
import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { TwoFactorEnrolment } from "@/components/users/two-factor-forms";
import { requireActor } from "@/lib/auth/current";
import { newEnrolment, twoFactorStatus } from "@/lib/auth/two-factor/store";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("twoFactor"))("title") };
}

/**
 * "Xác thực hai lớp" (decision 025): the user's second factor. Off: a new secret as a QR code drawn
 * here on the server (SVG, no image request, no script) and as text, confirmed with a first code.
 * On: since when, and how many recovery codes are left. A user whose role requires it and who has
 * none is sent here from every page (lib/auth/current.ts).
 */
export default async function TwoFactorPage() {
  const actor = await requireActor();
  const [t, tp, status] = await Promise.all([getTranslations("twoFactor"), getTranslations("profile"), twoFactorStatus(actor.userId)]);
  const enrolment = status.on ? null : newEnrolment(actor);
  const qr = enrolment ? await QRCode.toString(enrolment.uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) : "";
  return (
    <div className="space-y-4">
      <nav aria-label={tp("title")} className="text-sm text-stone-600">
        <ol className="flex flex-wrap gap-1">
          <li className="after:ml-1 after:content-['›']">
            <Link href="/profile" className="underline underline-offset-2 hover:text-stone-900">
              {tp("title")}
            </Link>
          </li>
          <li aria-current="page" className="font-medium text-stone-900">
            {t("title")}
          </li>
        </ol>
      </nav>
      <section className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        {actor.mustEnrolTwoFactor && (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
            {t("required")}
          </p>
        )}
      </section>
      {status.on && (
        <section data-testid="two-factor-on" className="space-y-1 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <p className="font-semibold text-green-800">{t("on")}</p>
          {status.since && <p>{t("onSince", { date: formatDate(status.since) })}</p>}
          <p>{t("codesLeft", { count: status.codesLeft })}</p>
        </section>
      )}
      <TwoFactorEnrolment enrolment={enrolment && { qrSvg: qr, secretText: enrolment.secret.match(/.{1,4}/g)?.join(" ") ?? enrolment.secret, sealed: enrolment.sealed }} />
    </div>
  );
}
