/**
 * Reads of the good-practice models (decision 076), always through `goodPracticeWhereFor(actor)`: the list
 * (filters, accent-free search, sorted, offset pages: a unit's models are few), one model with its
 * replications and evidence, an evidence file, and the units a user may register a model for.
 */
import "server-only";
import type { Actor } from "../auth/actor";
import { goodPracticeWhereFor, unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { likeLiteral, toSearchText } from "../text/search";
import { MODEL_PAGE_SIZE, type ModelListParams } from "./list-params";
import { REGISTERING_LEVELS } from "./workflow";

const unitSelect = { id: true, level: true, typeLabel: true, name: true, code: true } as const;

function listWhere(actor: Actor, p: ModelListParams): Prisma.GoodPracticeModelWhereInput {
  const and: Prisma.GoodPracticeModelWhereInput[] = [goodPracticeWhereFor(actor)];
  for (const word of toSearchText(p.q).split(" ").filter(Boolean)) and.push({ searchText: { contains: likeLiteral(word) } });
  if (p.field) and.push({ field: p.field });
  if (p.status) and.push({ status: p.status });
  if (p.year !== null) and.push({ year: p.year });
  return { AND: and };
}

function listOrder(p: ModelListParams): Prisma.GoodPracticeModelOrderByWithRelationInput[] {
  const key: Prisma.GoodPracticeModelOrderByWithRelationInput = p.sort === "title" ? { searchText: p.dir } : { [p.sort]: p.dir };
  return [key, { id: p.dir }];
}

export async function listModels(actor: Actor, p: ModelListParams) {
  const where = listWhere(actor, p);
  // A page past the end (a stale link) shows the last one.
  const total = await db.goodPracticeModel.count({ where });
  const pages = Math.max(1, Math.ceil(total / MODEL_PAGE_SIZE));
  const page = Math.min(p.page, pages);
  const [rows] = await Promise.all([
    db.goodPracticeModel.findMany({
      where,
      orderBy: listOrder(p),
      skip: (page - 1) * MODEL_PAGE_SIZE,
      take: MODEL_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        field: true,
        year: true,
        status: true,
        registeredOn: true,
        recognitionLevel: true,
        unit: { select: unitSelect },
        _count: { select: { replications: true } },
      },
    }),
  ]);
  return { total, rows, pages, page };
}
export type ModelListRow = Awaited<ReturnType<typeof listModels>>["rows"][number];

export async function getModel(actor: Actor, modelId: number) {
  return db.goodPracticeModel.findFirst({
    where: { AND: [{ id: modelId }, goodPracticeWhereFor(actor)] },
    select: {
      id: true,
      title: true,
      description: true,
      inCharge: true,
      field: true,
      year: true,
      status: true,
      version: true,
      registeredOn: true,
      buildingOn: true,
      assessedOn: true,
      assessmentScore: true,
      assessmentNote: true,
      effective: true,
      recognisedOn: true,
      recognitionLevel: true,
      unit: { select: { ...unitSelect, ancestorIds: true } },
      createdBy: { select: { displayName: true } },
      replications: { select: { id: true, adoptedOn: true, unit: { select: unitSelect } }, orderBy: [{ adoptedOn: "asc" }, { id: "asc" }] },
      attachments: { select: { id: true, fileName: true, size: true, createdAt: true }, orderBy: { id: "asc" } },
    },
  });
}
export type ModelDetail = NonNullable<Awaited<ReturnType<typeof getModel>>>;

/** An evidence file of a model in reach, for its download. */
export async function getModelAttachment(actor: Actor, modelId: number, attachmentId: number) {
  return db.attachment.findFirst({
    where: { id: attachmentId, goodPracticeModelId: modelId, goodPracticeModel: goodPracticeWhereFor(actor) },
    select: { fileName: true, mimeType: true, content: true },
  });
}

/** The units a user registers models for: their home unit and the units just below it, standing today. */
export async function registeringUnits(actor: Actor) {
  return db.unit.findMany({
    where: {
      AND: [unitWhereFor(actor), { validTo: null }, { level: { in: [...REGISTERING_LEVELS] } }, { OR: [{ id: actor.unit.id }, { parentId: actor.unit.id }] }],
    },
    select: unitSelect,
    orderBy: [{ depth: "asc" }, { searchName: "asc" }, { id: "asc" }],
  });
}
