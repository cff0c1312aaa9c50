import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/users/user-forms";
import { UnitSearchForm } from "@/components/users/unit-search-form";
import { requirePermission } from "@/lib/auth/current";
import { MAX_QUERY_LENGTH } from "@/lib/units/search";
import { unitPath } from "@/lib/users/queries";
import { homeUnitChoices } from "@/lib/users/unit-choices";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("createTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewUserPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("user:manage:subtree");
  const raw = (await searchParams).unit;
  const query = (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).trim().slice(0, MAX_QUERY_LENGTH);
  const t = await getTranslations("users");
  const home = { ...actor.unit, path: await unitPath(actor.unit) };
  const { choices, searched, tooShort, hits } = await homeUnitChoices(actor, query, [home]);
  return (
    <div className="space-y-4">
      <Link href="/admin/users" className="text-sm text-brand-700 underline underline-offset-2">
        {t("back")}
      </Link>
      <section aria-labelledby="new-user-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <div>
          <h1 id="new-user-title" className="text-2xl font-semibold">
            {t("createTitle")}
          </h1>
          <p className="mt-1 text-stone-700">{t("createIntro")}</p>
        </div>
        <UnitSearchForm action="/admin/users/new" query={query} tooShort={tooShort} noHits={searched && !tooShort && hits === 0} />
        <CreateUserForm units={choices} selectedUnitId={hits > 0 ? String(choices[0].id) : ""} />
      </section>
    </div>
  );
}
