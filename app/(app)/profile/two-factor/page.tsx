import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { ProfileBreadcrumb } from "@/components/shell/profile-breadcrumb";
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
  const [t, status] = await Promise.all([getTranslations("twoFactor"), twoFactorStatus(actor.userId)]);
  const enrolment = status.on ? null : newEnrolment(actor);
  const qr = enrolment ? await QRCode.toString(enrolment.uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) : "";
  return (
    <div className="space-y-4">
      <ProfileBreadcrumb current={t("title")} />
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
