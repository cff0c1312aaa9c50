import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { FieldError, inputClass } from "@/components/units/action-feedback";
import type { ActionState } from "@/lib/actions/result";
import { meetingSectionsFor, type MeetingField, type MeetingSectionId } from "@/lib/meetings/fields";

export interface MeetingFieldsProps {
  kind: string;
  /** The form's id prefix: `mf` (logging; its script finds the first message by it), `me` (correcting). */
  prefix: string;
  /** The last submission's refusal: its messages go under the fields. */
  state: ActionState<unknown>;
  /** Each field's first value: what was typed before a refusal, else the form's default or the saved value. */
  valueOf: (name: MeetingField["name"]) => string;
  today: string;
  /** What only this form shows, placed in a section before or after the list's fields, or as a section of its own after it. */
  slots?: Partial<Record<MeetingSectionId, { before?: ReactNode; after?: ReactNode; next?: ReactNode }>>;
}

export const sectionClass = "space-y-3 rounded-xl border border-stone-200 bg-white p-4";

/**
 * A meeting's own fields, section by section, drawn from the one list (lib/meetings/fields.ts) for both the
 * form that logs a meeting and the one that corrects it (decision 082). No hooks but the messages, so the
 * meeting form's page renders it without React in the browser and the correction form hydrates it.
 */
export function MeetingFields({ kind, prefix, state, valueOf, today, slots = {} }: MeetingFieldsProps) {
  const t = useTranslations("meetings");
  const visit = kind === "FIELD_VISIT";
  return (
    <>
      {meetingSectionsFor(kind).map((section) => {
        const title = visit && section.visitTitle ? section.visitTitle : section.title;
        const headingId = `${prefix}-${section.id}-h`;
        return [
          <section key={section.id} className={sectionClass} aria-labelledby={title ? headingId : undefined}>
            {title && (
              <h2 id={headingId} className="text-lg font-semibold">
                {t(title)}
              </h2>
            )}
            {slots[section.id]?.before}
            {section.fields.map((field) => (
              <MeetingFieldInput key={field.name} field={field} prefix={prefix} visit={visit} state={state} value={valueOf(field.name)} today={today} />
            ))}
            {slots[section.id]?.after}
          </section>,
          <Fragment key={`${section.id}-next`}>{slots[section.id]?.next}</Fragment>,
        ];
      })}
    </>
  );
}

function MeetingFieldInput({ field, prefix, visit, state, value, today }: { field: MeetingField; prefix: string; visit: boolean; state: ActionState<unknown>; value: string; today: string }) {
  const t = useTranslations("meetings");
  const id = `${prefix}-${field.name}`;
  const errorId = `${id}-error`;
  const hintId = field.hint ? `${id}-hint` : null;
  const common = {
    id,
    name: field.name,
    defaultValue: value,
    "aria-describedby": hintId ? `${hintId} ${errorId}` : errorId,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t(visit && field.visitLabel ? field.visitLabel : field.label)}
        {field.required ? " *" : ""}
      </label>
      {field.input === "textarea" ? (
        <textarea {...common} rows={field.rows} maxLength={field.maxLength} />
      ) : (
        <input {...common} type={field.input} required={Boolean(field.required)} maxLength={field.maxLength} max={field.notAfterToday ? today : undefined} />
      )}
      {hintId && field.hint && (
        <p id={hintId} className="mt-1 text-xs text-stone-600">
          {t(field.hint)}
        </p>
      )}
      <FieldError state={state} name={field.name} id={errorId} />
    </div>
  );
}
