import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { formatDate } from "@/lib/format";
import { homeClosure } from "@/lib/users/stranded";

export async function generateMetadata() {
  return { title: (await getTranslations("homeClosed"))("title") };
}

/** What a user whose home unit has ended sees instead of empty lists (decision 055). */
export default async function Page() {
  const actor = await requireActor();
  const closure = await homeClosure(actor);
  // Moved meanwhile (or never stranded): the ordinary home page.
  if (!closure) redirect("/");
  const t = await getTranslations("homeClosed");
  return (
    <section aria-labelledby="home-closed-title" className="mx-auto max-w-2xl space-y-4 rounded-xl border border-amber-300 bg-amber-50 p-4 sm:p-6">
      <h1 id="home-closed-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p role="alert" className="text-lg">
        {t("lead", { unit: closure.unit.label, date: formatDate(new Date(`${closure.lastDay}T00:00:00Z`)) })}
      </p>
      <p>{t("why")}</p>
      <div>
        <h2 className="font-semibold">{t("successors")}</h2>
        {closure.successors.length === 0 ? (
          <p className="text-stone-700">{t("noSuccessor")}</p>
        ) : (
          <ul className="list-disc pl-5">
            {closure.successors.map((s) => (
              <li key={s.id}>{s.label}</li>
            ))}
          </ul>
        )}
      </div>
      <p>
        {t("history")}{" "}
        <Link href="/reports" className="text-brand-700 underline">
          {t("reports")}
        </Link>
      </p>
      <p className="font-medium">{t("ask")}</p>
      <p className="text-sm text-stone-700">
        {t("stillOpen")}{" "}
        <Link href="/profile" className="text-brand-700 underline">
          {t("profile")}
        </Link>
      </p>
    </section>
  );
}
