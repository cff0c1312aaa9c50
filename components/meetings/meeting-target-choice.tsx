import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { isOwnUnitKind } from "@/lib/meetings/labels";
import type { NewMeetingView } from "@/lib/meetings/new-page";

const linkClass = "flex min-h-12 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-50";

/** The two choosing steps of /meetings/new, both plain links: the kind, then the team, bloc or commune. */
export function MeetingTargetChoice({ view }: { view: Extract<NewMeetingView, { step: "choose" }> }) {
  const t = useTranslations("meetings");
  const { kind, groups } = view;
  return (
    <>
      {view.targetUnavailable && <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{t("new.targetUnavailable")}</p>}
      <section aria-labelledby="mn-kind" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="mn-kind" className="text-lg font-semibold">{t("new.chooseKind")}</h2>
        <ul className="space-y-2">
          {view.kinds.map((k) => (
            <li key={k}>
              <Link href={`/meetings/new?kind=${k}`} aria-current={k === kind ? "true" : undefined} className={`${linkClass} ${k === kind ? "border-brand-700 bg-brand-50 ring-2 ring-brand-700" : ""}`}>
                <span>
                  {t(`kinds.${k}`)}
                  <span className="block text-sm font-normal text-stone-600">{t(`kindHints.${k}`)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {kind && (
        <section aria-labelledby="mn-target" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="mn-target" className="text-lg font-semibold">{t(`new.chooseTarget.${kind}`)}</h2>
          {groups.length === 0 && <p className="text-stone-600">{t(isOwnUnitKind(kind) ? "new.noOwnUnit" : "new.noTargets")}</p>}
          {groups.map((g) => (
            <div key={g.commune}>
              {groups.length > 1 && <h3 className="font-medium text-stone-700">{g.commune}</h3>}
              <ul className="mt-1 space-y-2">
                {g.options.map((o) => (
                  <li key={o.value}>
                    <Link href={`/meetings/new?kind=${kind}&target=${o.value}`} className={linkClass}>
                      <span>
                        {o.label}
                        {o.owing !== undefined && (
                          <span className={`block text-sm font-normal ${o.owing ? "text-amber-800" : "text-green-800"}`}>{o.owing ? t("new.notMetThisMonth") : t("new.metThisMonth")}</span>
                        )}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
