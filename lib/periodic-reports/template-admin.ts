/**
 * Editing report templates (decision 080): a province's (or the nation's) administrators list the templates that
 * apply below their unit, per level and kind of period, and save their own. Saving goes through
 * `saveTemplateVersion`: a version no report has used is changed in place, a used (frozen) one is kept and the
 * next version made. The page says which before the save, and the result after it.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { audit } from "../audit/log";
import { db } from "../db/client";
import { transaction } from "../db/retry";
import type { ReportPeriodKind, UnitLevel } from "../generated/prisma/enums";
import { REPORT_PERIOD_KINDS } from "./period";
import { TEMPLATE_LEVELS, type SaveTemplateInput } from "./schemas";
import { DEFAULT_DEADLINE_DAY, findTemplate, saveTemplateVersion, SECTION_KEYS } from "./template";
import { FIGURE_KEYS } from "./figures";

/** Template keepers: administrators of a province, or of the nation. */
export function keepsTemplates(actor: Actor): boolean {
  return allows(actor, "periodic-template:manage:subtree") && (actor.unit.level === "PROVINCE" || actor.unit.level === "NATION");
}

/** The levels a keeper's templates apply to: those below or at its unit that report. */
export function templateLevels(actor: Actor): (typeof TEMPLATE_LEVELS)[number][] {
  return actor.unit.level === "NATION" ? [...TEMPLATE_LEVELS] : TEMPLATE_LEVELS.filter((l) => l !== "PROVINCE" || actor.unit.level === "PROVINCE");
}

export type TemplateOrigin = "own" | "inherited" | "default";

/** The template that applies to a level and kind below the keeper's unit, and where it comes from. */
export async function templateShown(actor: Actor, level: UnitLevel, kind: ReportPeriodKind) {
  const found = await findTemplate(db, { level, ancestorIds: actor.unit.ancestorIds }, kind);
  const origin: TemplateOrigin = !found ? "default" : found.ownerUnitId === actor.unit.id ? "own" : "inherited";
  const content = found ?? { figureKeys: [...FIGURE_KEYS], sectionKeys: [...SECTION_KEYS], deadlineDay: DEFAULT_DEADLINE_DAY[level] ?? 20 };
  const owner = found && origin === "inherited" ? await db.unit.findUnique({ where: { id: found.ownerUnitId }, select: { typeLabel: true, name: true } }) : null;
  return {
    level,
    kind,
    origin,
    owner,
    /** The version of the unit's own latest template, 0 without one: the form's `shownVersion`. */
    ownVersion: origin === "own" ? found!.version : 0,
    version: found?.version ?? null,
    frozen: !!found?.frozenAt,
    figureKeys: content.figureKeys,
    sectionKeys: content.sectionKeys,
    deadlineDay: content.deadlineDay,
  };
}

/** Every level and kind's template for the keeper's list. Null when the actor keeps none (the page's 404). */
export async function templatesOf(actor: Actor) {
  if (!keepsTemplates(actor)) return null;
  const rows = [];
  for (const level of templateLevels(actor)) for (const kind of REPORT_PERIOD_KINDS) rows.push(await templateShown(actor, level, kind));
  return rows;
}

/** Saves the keeper's template of a level and kind: in place while unused, else a new version. */
export async function saveTemplate(actor: Actor, input: SaveTemplateInput): Promise<{ version: number; newVersion: boolean }> {
  if (!keepsTemplates(actor) || !(templateLevels(actor) as string[]).includes(input.level)) throw new ActionError("NOT_FOUND");
  return transaction(async (tx) => {
    const latest = await tx.reportTemplate.findFirst({ where: { ownerUnitId: actor.unit.id, level: input.level, periodKind: input.kind }, orderBy: { version: "desc" }, select: { version: true } });
    if ((latest?.version ?? 0) !== input.shownVersion) throw new ActionError("CONFLICT");
    const saved = await saveTemplateVersion(tx, actor.unit.id, input.level, input.kind, { figureKeys: input.figureKeys, sectionKeys: input.sectionKeys, deadlineDay: input.deadlineDay });
    const newVersion = saved.version !== (latest?.version ?? 0);
    await audit(tx, {
      actorId: actor.userId,
      action: "periodic-template.save",
      entity: "ReportTemplate",
      entityId: saved.id,
      unitId: actor.unit.id,
      data: { level: input.level, kind: input.kind, version: saved.version, newVersion, deadlineDay: input.deadlineDay, figures: input.figureKeys.length, sections: input.sectionKeys },
    });
    return { version: saved.version, newVersion };
  });
}
