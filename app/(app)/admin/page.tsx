import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { keepsTemplates } from "@/lib/periodic-reports/template-admin";
import { unitFullName } from "@/lib/units/labels";
import { requirePermission } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { countPetitionsAwaitingPlacement } from "@/lib/units/merger/petitions";
import { countAwaitingPlacement } from "@/lib/units/merger/placement";
import { countStrandedAccounts } from "@/lib/users/stranded";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("admin") };
}

export default async function Page() {
  const actor = await requirePermission("admin:access");
  const [t, tm, tr, tf, tu, tn, tp] = await Promise.all([
    getTranslations("admin"),
    getTranslations("mergers"),
    getTranslations("refdata"),
    getTranslations("twoFactor"),
    getTranslations("users"),
    getTranslations("notifications"),
    getTranslations("periodicReports"),
  ]);
  const manageUnits = allows(actor, "unit:manage:subtree");
  // The catalogue, mergers, calendar and fields are the whole country's (decision 020).
  const national = allows(actor, "reference:manage:national");
  const manageUsers = allows(actor, "user:manage:subtree");
  const [awaiting, petitionsAwaiting, stranded] = await Promise.all([
    manageUnits ? countAwaitingPlacement(actor) : 0,
    manageUnits ? countPetitionsAwaitingPlacement(actor) : 0,
    manageUsers ? countStrandedAccounts(actor) : 0,
  ]);
  return (
    <section aria-labelledby="admin-title" className="space-y-4">
      <div>
        <h1 id="admin-title" className="text-2xl font-semibold">
          {t("indexTitle")}
        </h1>
        <p className="mt-1 text-stone-700">{t("indexIntro")}</p>
      </div>
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 className="text-lg font-semibold">
            <Link href="/admin/users" className="text-brand-700 underline">
              {t("usersCardTitle")}
            </Link>
          </h2>
          <p className="mt-1 text-sm text-stone-700">{t("usersCardText")}</p>
        </li>
        {manageUsers && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
              <Link href="/admin/users/stranded" className="text-brand-700 underline">
                {tu("stranded.cardTitle")}
              </Link>
              {stranded > 0 && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{tu("stranded.count", { count: stranded })}</span>}
            </h2>
            <p className="mt-1 text-sm text-stone-700">{tu("stranded.cardText")}</p>
          </li>
        )}
        {keepsTemplates(actor) && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">
              <Link href="/admin/report-templates" className="text-brand-700 underline">
                {tp("templates.title")}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-stone-700">{tp("templates.intro", { unit: unitFullName(actor.unit) })}</p>
          </li>
        )}
        {allows(actor, "jobs:read:national") && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">
              <Link href="/admin/jobs" className="text-brand-700 underline">
                {tn("jobsTitle")}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-stone-700">{tn("jobsIntro")}</p>
          </li>
        )}
        {national && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">
              <Link href="/admin/reminders" className="text-brand-700 underline">
                {tn("remindersTitle")}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-stone-700">{tn("remindersIntro")}</p>
          </li>
        )}
        <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 className="text-lg font-semibold">
            <Link href="/admin/audit" className="text-brand-700 underline">
              {t("auditCardTitle")}
            </Link>
          </h2>
          <p className="mt-1 text-sm text-stone-700">{t("auditCardText")}</p>
        </li>
        {national && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">
              <Link href="/admin/units/import" className="text-brand-700 underline">
                {t("importCardTitle")}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-stone-700">{t("importCardText")}</p>
          </li>
        )}
        {national && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">
              <Link href="/admin/units/mergers/new" className="text-brand-700 underline">
                {tm("cardTitle")}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-stone-700">{tm("cardText")}</p>
          </li>
        )}
        {manageUnits && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
              <Link href="/admin/units/placement" className="text-brand-700 underline">
                {tm("placementCardTitle")}
              </Link>
              {awaiting > 0 && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{tm("badge", { count: awaiting })}</span>}
              {petitionsAwaiting > 0 && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{tm("petitionsCount", { count: petitionsAwaiting })}</span>}
            </h2>
            <p className="mt-1 text-sm text-stone-700">{tm("placementCardText")}</p>
          </li>
        )}
        {national && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">{tr("adminCardTitle")}</h2>
            <p className="mt-1 text-sm text-stone-700">{tr("adminCardText")}</p>
            <p className="mt-2 flex flex-wrap gap-4">
              <Link href="/admin/calendar" className="text-brand-700 underline">
                {tr("calendarLink")}
              </Link>
              <Link href="/admin/fields" className="text-brand-700 underline">
                {tr("fieldsLink")}
              </Link>
            </p>
          </li>
        )}
        {allows(actor, "security-policy:manage:national") && (
          <li className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">
              <Link href="/admin/two-factor" className="text-brand-700 underline">
                {tf("policyTitle")}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-stone-700">{tf("policyIntro")}</p>
          </li>
        )}
      </ul>
    </section>
  );
}
