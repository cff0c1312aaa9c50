import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EditUserForm, ResetPasswordForm, SetActiveForm } from "@/components/users/user-forms";
import { ResetTwoFactorForm } from "@/components/users/two-factor-forms";
import { UnitSearchForm } from "@/components/users/unit-search-form";
import { requirePermission } from "@/lib/auth/current";
import { hasTwoFactor } from "@/lib/auth/two-factor/store";
import { formatDate, formatDateTime } from "@/lib/format";
import { unitFullName } from "@/lib/units/labels";
import { MAX_QUERY_LENGTH } from "@/lib/units/search";
import { getUserForAdmin } from "@/lib/users/queries";
import { homeUnitChoices } from "@/lib/users/unit-choices";
import { parseId } from "@/lib/forms/fields";
import { normaliseDuties } from "@/lib/auth/roles";
import { dutiesLabel } from "@/lib/users/duty-label";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UserPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requirePermission("user:manage:subtree");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const user = await getUserForAdmin(actor, id);
  if (!user) notFound();
  const q = (await searchParams).unit;
  const query = (Array.isArray(q) ? (q[0] ?? "") : (q ?? "")).trim().slice(0, MAX_QUERY_LENGTH);
  const [t, tr, tf] = await Promise.all([getTranslations("users"), getTranslations("roles"), getTranslations("twoFactor")]);
  const self = user.id === actor.userId;
  const twoFactorOn = await hasTwoFactor(user.id);
  // The current unit is always offered, even when it has since closed: keeping it is no change.
  const current = user.unit;
  const { choices, searched, tooShort, hits } = await homeUnitChoices(actor, query, [current]);
  const pathText = [...user.unit.path]
    .reverse()
    .map((a) => unitFullName(a))
    .join(", ");
  return (
    <div className="space-y-4">
      <Link href="/admin/users" className="text-sm text-brand-700 underline underline-offset-2">
        {t("back")}
      </Link>
      <section aria-labelledby="user-title" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h1 id="user-title" className="text-2xl font-semibold">
          {user.displayName}
        </h1>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-stone-600">{t("username")}</dt>
            <dd className="font-mono font-medium">{user.username}</dd>
          </div>
          <div>
            <dt className="text-stone-600">{t("role")}</dt>
            <dd className="font-medium" data-testid="user-duties">
              {dutiesLabel(user.duties, tr)}
            </dd>
          </div>
          {user.agency && (
            <div>
              <dt className="text-stone-600">{t("agencyLabel")}</dt>
              <dd className="font-medium" data-testid="user-agency">
                {user.agency.name}
              </dd>
            </div>
          )}
          <div>
            <dt className="text-stone-600">{t("unit")}</dt>
            <dd className="font-medium">
              {unitFullName(user.unit)}
              {pathText && <span className="block font-normal text-stone-600">{pathText}</span>}
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">{t("status")}</dt>
            <dd className={`font-medium ${user.active ? "" : "text-red-800"}`} data-testid="user-status">
              {user.active ? t("activeTrue") : t("activeFalse")}
              {user.mustChangePassword && <span className="block font-normal text-amber-800">{t("mustChange")}</span>}
              <span className="block font-normal" data-testid="user-two-factor">
                {tf("title")}: {twoFactorOn ? tf("statusOn") : tf("statusOff")}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">{t("lastLogin")}</dt>
            <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t("never")}</dd>
          </div>
          <div>
            <dt className="text-stone-600">{t("createdAt")}</dt>
            <dd>{formatDate(user.createdAt)}</dd>
          </div>
        </dl>
        {self && <p className="mt-3 text-sm text-stone-700">{t("self")}</p>}
      </section>

      <section aria-label={t("editTitle")} className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        {!self && <UnitSearchForm action={`/admin/users/${user.id}`} query={query} tooShort={tooShort} noHits={searched && !tooShort && hits === 0} />}
        <EditUserForm
          user={{ id: user.id, displayName: user.displayName, duties: normaliseDuties(user.duties ?? []), unitId: user.unit.id, updatedAt: user.updatedAt.toISOString() }}
          units={choices}
          self={self}
          agency={user.agency && { id: user.agency.id, label: user.agency.name, detail: unitFullName(user.agency.unit) }}
        />
      </section>

      {!self && (
        <div className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
          <ResetPasswordForm userId={user.id} name={user.displayName} />
          <SetActiveForm userId={user.id} name={user.displayName} active={user.active} />
          <ResetTwoFactorForm userId={user.id} on={twoFactorOn} />
        </div>
      )}
    </div>
  );
}
