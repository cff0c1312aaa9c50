import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { ChoiceBox } from "@/components/choices/choice-box";
import { inputClass } from "@/components/units/action-feedback";
import type { ResolvedChoice } from "@/lib/choices/types";

/**
 * A labelled choice box for a GET form (decision 029), with what the page made of text typed without
 * JavaScript: the match it chose and the other matches as links, or that nothing matched.
 */
export async function ChoiceField({
  id,
  label,
  name,
  source,
  resolved,
  hrefFor,
  asOf,
}: {
  id: string;
  label: string;
  name: string;
  source: "units" | "agencies";
  resolved: ResolvedChoice;
  /** The page's address with this choice set to another option. */
  hrefFor: (choiceId: number) => string;
  /** Units only: the day whose units the box offers (the list's period), "yyyy-mm-dd". */
  asOf?: string;
}) {
  const t = await getTranslations("choices");
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <ChoiceBox
        id={id}
        name={name}
        textName={`${name}Text`}
        source={source}
        asOf={asOf}
        selected={resolved.selected}
        text={resolved.selected ? null : resolved.text}
        describedBy={hintId}
        className={inputClass}
      />
      <p id={hintId} className="mt-1 text-xs text-stone-600">
        {t("hint")}
      </p>
      {resolved.text !== null && (
        <div role="status" className="mt-1 text-sm text-stone-700">
          {resolved.selected ? t("chosen", { label: resolved.selected.label, text: resolved.text }) : t("notFound", { text: resolved.text })}
          {resolved.others.length > 0 && (
            <>
              {" "}
              {t("others")}
              <ul className="mt-1 list-inside list-disc">
                {resolved.others.map((o) => (
                  <li key={o.id}>
                    <Link href={hrefFor(o.id)} className="text-brand-700 underline underline-offset-2">
                      {o.label}
                    </Link>
                    {o.detail && <span className="text-xs text-stone-600"> · {o.detail}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
