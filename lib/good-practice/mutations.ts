/**
 * Writes of the good-practice models (decision 076). Each reads the model through its scope first (out of
 * reach: not found), checks the step against the life cycle (lib/good-practice/workflow.ts), then commits in
 * one transaction with its audit row; concurrent edits match on `version` (none matched: CONFLICT, nothing
 * written).
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { goodPracticeWhereFor, unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import { transaction } from "../db/retry";
import { isUniqueViolation } from "../db/errors";
import type { UploadedFile } from "../files/upload";
import type { GoodPracticeStatus } from "../generated/prisma/enums";
import { toSearchText } from "../text/search";
import { todayInVietnam } from "../time";
import type { AddEvidenceInput, AssessModelInput, BuildModelInput, RecogniseModelInput, RegisterModelInput, ReplicateModelInput } from "./schemas";
import { ADOPTING_LEVELS, mayRecognise, nextStatus, REGISTERING_LEVELS, type GoodPracticeStep } from "./workflow";

/** The most evidence files a model keeps. */
export const MAX_EVIDENCE = 20;

const current = { validTo: null };

const evidenceRows = (modelId: number, files: UploadedFile[], userId: number) =>
  files.map((f) => ({ goodPracticeModelId: modelId, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256, content: f.bytes, uploadedById: userId }));

/** Registers a model for a unit of the reach that stands today. A resubmitted form finds the model it made. */
export async function registerModel(actor: Actor, input: RegisterModelInput, now = new Date()): Promise<{ modelId: number }> {
  const [unit, again] = await Promise.all([
    db.unit.findFirst({ where: { AND: [{ id: input.unitId }, unitWhereFor(actor), current] }, select: { id: true, level: true } }),
    db.goodPracticeModel.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, createdById: true } }),
  ]);
  if (again) {
    if (again.createdById !== actor.userId) throw new ActionError("DUPLICATE");
    return { modelId: again.id };
  }
  if (!unit) throw new ActionError("NOT_FOUND");
  if (!(REGISTERING_LEVELS as readonly string[]).includes(unit.level)) throw new ActionError("INVALID_STATE", "the nation registers no model");
  try {
    return await transaction(async (tx) => {
      const model = await tx.goodPracticeModel.create({
        data: {
          unitId: unit.id,
          field: input.field,
          year: input.year,
          title: input.title,
          description: input.description,
          inCharge: input.inCharge,
          searchText: toSearchText(`${input.title} ${input.inCharge}`),
          registeredOn: todayInVietnam(now),
          createdById: actor.userId,
          idempotencyKey: input.idempotencyKey,
        },
        select: { id: true },
      });
      if (input.attachments.length) await tx.attachment.createMany({ data: evidenceRows(model.id, input.attachments, actor.userId) });
      await audit(tx, {
        actorId: actor.userId,
        action: "good-practice.register",
        entity: "GoodPracticeModel",
        entityId: model.id,
        unitId: unit.id,
        data: { field: input.field, year: input.year, attachments: input.attachments.length },
      });
      return { modelId: model.id };
    });
  } catch (error) {
    // The same form sent twice at once: the second finds the first.
    if (!isUniqueViolation(error)) throw error;
    const first = await db.goodPracticeModel.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, createdById: true } });
    if (!first || first.createdById !== actor.userId) throw new ActionError("DUPLICATE");
    return { modelId: first.id };
  }
}

type Loaded = { id: number; unitId: number; status: GoodPracticeStatus; version: number; effective: boolean | null; recognitionLevel: RecognitionLevelOrNull; unit: { level: Actor["unit"]["level"] } };
type RecognitionLevelOrNull = "COMMUNE" | "DISTRICT" | "PROVINCE" | null;

/** The model in reach, at the version the form showed, with the step open; else NOT_FOUND, CONFLICT or INVALID_STATE. */
async function loadFor(actor: Actor, modelId: number, version: number, step: GoodPracticeStep): Promise<Loaded & { next: GoodPracticeStatus }> {
  const model = await db.goodPracticeModel.findFirst({
    where: { AND: [{ id: modelId }, goodPracticeWhereFor(actor)] },
    select: { id: true, unitId: true, status: true, version: true, effective: true, recognitionLevel: true, unit: { select: { level: true } } },
  });
  if (!model) throw new ActionError("NOT_FOUND");
  if (model.version !== version) throw new ActionError("CONFLICT");
  const next = nextStatus(model.status, step);
  if (!next) throw new ActionError("INVALID_STATE");
  return { ...model, next };
}

/** The update on `version` and its audit row, in one transaction. */
async function commit(actor: Actor, model: Loaded, data: Parameters<Tx["goodPracticeModel"]["updateMany"]>[0]["data"], action: string, details: Record<string, string | number | boolean | null>, extra?: (tx: Tx) => Promise<void>) {
  await transaction(async (tx) => {
    const { count } = await tx.goodPracticeModel.updateMany({ where: { id: model.id, version: model.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ActionError("CONFLICT");
    await extra?.(tx);
    await audit(tx, { actorId: actor.userId, action, entity: "GoodPracticeModel", entityId: model.id, unitId: model.unitId, data: details });
  });
  return { modelId: model.id };
}

export async function buildModel(actor: Actor, input: BuildModelInput, now = new Date()) {
  const model = await loadFor(actor, input.modelId, input.version, "build");
  return commit(actor, model, { status: model.next, buildingOn: todayInVietnam(now) }, "good-practice.build", { status: model.next });
}

export async function assessModel(actor: Actor, input: AssessModelInput) {
  const model = await loadFor(actor, input.modelId, input.version, "assess");
  return commit(
    actor,
    model,
    { status: model.next, assessedOn: input.assessedOn, assessmentScore: input.score, assessmentNote: input.note, effective: input.effective },
    "good-practice.assess",
    { score: input.score, effective: input.effective },
  );
}

/**
 * Recognises an effective model at a level the actor's unit stands at or above (and the model's unit at or
 * below); a recognised model only at a higher level than before.
 */
export async function recogniseModel(actor: Actor, input: RecogniseModelInput) {
  const model = await loadFor(actor, input.modelId, input.version, "recognise");
  if (model.effective !== true) throw new ActionError("INVALID_STATE", "only an effective model is recognised");
  if (!mayRecognise(actor.unit.level, model.unit.level, input.level, model.recognitionLevel)) throw new ActionError("INVALID_STATE", "not at this level");
  return commit(
    actor,
    model,
    { status: model.next, recognitionLevel: input.level, recognisedOn: input.recognisedOn, recognisedByUnitId: actor.unit.id },
    "good-practice.recognise",
    { level: input.level, previous: model.recognitionLevel },
  );
}

/** Records that a village or commune of the reach (standing today, not the model's own) adopted the model. */
export async function replicateModel(actor: Actor, input: ReplicateModelInput) {
  const model = await loadFor(actor, input.modelId, input.version, "replicate");
  const unit = await db.unit.findFirst({
    where: { AND: [{ id: input.unitId }, unitWhereFor(actor), current] },
    select: { id: true, level: true },
  });
  if (!unit) throw new ActionError("NOT_FOUND");
  if (!(ADOPTING_LEVELS as readonly string[]).includes(unit.level)) throw new ActionError("INVALID_STATE", "only a village or commune adopts a model");
  if (unit.id === model.unitId) throw new ActionError("INVALID_STATE", "a model is not replicated in its own unit");
  try {
    return await commit(actor, model, { status: model.next }, "good-practice.replicate", { adoptingUnitId: unit.id }, async (tx) => {
      await tx.goodPracticeReplication.create({ data: { modelId: model.id, unitId: unit.id, adoptedOn: input.adoptedOn, createdById: actor.userId } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("DUPLICATE");
    throw error;
  }
}

/** Adds evidence files to a model, up to MAX_EVIDENCE in all. */
export async function addEvidence(actor: Actor, input: AddEvidenceInput) {
  const model = await db.goodPracticeModel.findFirst({
    where: { AND: [{ id: input.modelId }, goodPracticeWhereFor(actor)] },
    select: { id: true, unitId: true, status: true, version: true, effective: true, recognitionLevel: true, unit: { select: { level: true } }, _count: { select: { attachments: true } } },
  });
  if (!model) throw new ActionError("NOT_FOUND");
  if (model.version !== input.version) throw new ActionError("CONFLICT");
  if (model._count.attachments + input.attachments.length > MAX_EVIDENCE) throw new ActionError("INVALID_STATE", "too many files");
  return commit(actor, model, {}, "good-practice.evidence", { attachments: input.attachments.length }, async (tx) => {
    await tx.attachment.createMany({ data: evidenceRows(model.id, input.attachments, actor.userId) });
  });
}
