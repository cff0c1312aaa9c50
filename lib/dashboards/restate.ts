/**
 * The two views of decision 014, as arithmetic on rollup cells. The rollup tables count
 * every record along its unit's path as it stands today. A view is that, plus "shifts":
 * the own figures of a unit (its row minus its children's rows) taken out of the units of
 * one path and put into the units of another, for some months.
 *   - "historical": a unit that moved counts, for the months before the move, along the
 *     path it had then (UnitPathHistory).
 *   - "restated": the records made at a closed unit itself (not at one of its villages)
 *     count at its successor (decision 005, rule 3), in every month.
 * Pure, so the rules are tested without a database.
 */

/** Figures of one unit: key ("YYYY-MM-DD" month, optionally "|" and a sub-key) → values. */
export type Cells = Map<string, number[]>;

export interface Shift {
  /** The unit whose own records move. */
  atomId: number;
  /** The path they are counted along in the rollups (root first, the unit last). */
  from: number[];
  /** The path they count along in the view. */
  to: number[];
  /** The months ("YYYY-MM-01") it applies to; null for every month. */
  months: ReadonlySet<string> | null;
}

const monthOfKey = (key: string) => key.slice(0, 10);

function add(target: Cells, key: string, values: number[], sign: number) {
  const current = target.get(key);
  if (current) for (let i = 0; i < values.length; i++) current[i] += sign * values[i];
  else target.set(key, values.map((v) => sign * v));
}

/** A unit's own figures: its cells minus the cells of its children. */
export function ownCells(cells: Map<number, Cells>, unitId: number, children: readonly number[]): Cells {
  const own: Cells = new Map();
  for (const [key, values] of cells.get(unitId) ?? []) add(own, key, values, 1);
  for (const child of children) for (const [key, values] of cells.get(child) ?? []) add(own, key, values, -1);
  return own;
}

/**
 * The cells of each `display` unit in the view given by `shifts`. `childrenOf` lists the
 * children (today) of every shifted unit that has any; `cells` must hold the rows of the
 * display units, the shifted units and those children.
 */
export function restate(cells: Map<number, Cells>, display: readonly number[], shifts: readonly Shift[], childrenOf: ReadonlyMap<number, readonly number[]>): Map<number, Cells> {
  const out = new Map<number, Cells>();
  for (const unitId of display) {
    const mine: Cells = new Map();
    for (const [key, values] of cells.get(unitId) ?? []) add(mine, key, values, 1);
    out.set(unitId, mine);
  }
  const own = new Map<number, Cells>();
  for (const shift of shifts) {
    const affected = display.filter((d) => shift.from.includes(d) !== shift.to.includes(d));
    if (!affected.length) continue;
    let atom = own.get(shift.atomId);
    if (!atom) own.set(shift.atomId, (atom = ownCells(cells, shift.atomId, childrenOf.get(shift.atomId) ?? [])));
    for (const d of affected) {
      const sign = shift.to.includes(d) ? 1 : -1;
      const target = out.get(d)!;
      for (const [key, values] of atom) if (!shift.months || shift.months.has(monthOfKey(key))) add(target, key, values, sign);
    }
  }
  return out;
}
