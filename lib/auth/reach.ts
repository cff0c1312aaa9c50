/**
 * What a unit stands for (decision 057): the units that closed into it, through every merger
 * or split the tree records (`UnitSuccession`), however many steps back. A new commune of 2025
 * stands for the communes merged into it; a new province for the provinces it took in. Its
 * people inherit their records: a user reaches the subtrees of these units as well as their
 * home unit's. The session reads them with the user, in one statement (lib/auth/actor.ts); kept
 * minimal here: a unit already inside the subtree of the home unit or of another one listed is left
 * out, so the reach's test of the tree (`ancestorIds && …`) stays short. A national unit stands for
 * nothing more: the whole tree is its subtree.
 */

/** The predecessors that are not inside the home unit's subtree nor inside another predecessor's. */
export function minimalRoots(homeId: number, units: { id: number; ancestorIds: number[] }[]): number[] {
  const ids = new Set([homeId, ...units.map((u) => u.id)]);
  return units
    .filter((u) => !u.ancestorIds.some((a) => a !== u.id && ids.has(a)))
    .map((u) => u.id)
    .sort((a, b) => a - b);
}
