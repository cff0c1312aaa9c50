export interface UnitChoice {
  id: number;
  label: string;
  /** "Huyện Lập Thạch, Tỉnh Vĩnh Phúc": where the unit sits, nearest first. */
  path: string;
}

/** The home unit as radio buttons: the choices come from the unit search on the same page. */
export function UnitChoices({
  idPrefix,
  legend,
  choices,
  selected,
  currentId,
  currentLabel,
  describedBy,
}: {
  idPrefix: string;
  legend: string;
  choices: UnitChoice[];
  selected: string;
  currentId?: number;
  currentLabel?: string;
  describedBy?: string;
}) {
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="block text-sm font-medium">{legend}</legend>
      <ul className="mt-1 max-h-80 divide-y divide-stone-100 overflow-y-auto rounded-md border border-stone-300">
        {choices.map((choice, i) => (
          <li key={choice.id} className="flex items-start gap-2 px-3 py-2">
            <input
              id={`${idPrefix}-unit-${choice.id}`}
              type="radio"
              name="unitId"
              value={choice.id}
              required={i === 0}
              defaultChecked={selected === String(choice.id)}
              className="mt-1 size-5 shrink-0"
            />
            <label htmlFor={`${idPrefix}-unit-${choice.id}`} className="min-w-0">
              <span className="font-medium">{choice.label}</span>
              {choice.id === currentId && currentLabel && <span className="text-stone-600"> {currentLabel}</span>}
              {choice.path && <span className="block text-sm break-words text-stone-600">{choice.path}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
