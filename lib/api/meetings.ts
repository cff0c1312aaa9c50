/**
 * /api/v1/meetings: the list with the page's filters (`unit` takes an official code, `limit`
 * up to 200) and one meeting with its attendance and the petitions raised. Scoped exactly as
 * the pages: a meeting outside the subtree is not found.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { unitCodeFilter, unitIdOfCode } from "./units";
import { MEETING_KINDS } from "../meetings/labels";
import { getMeetingPage } from "../meetings/detail";
import { listMeetings } from "../meetings/list";
import { isoDay } from "../time";
import { pageParams } from "./cursor";
import { isoDayParam } from "../forms/fields";

const day = (name: string) => isoDayParam(name).optional();

/** The query the list route parses; the OpenAPI document's parameters are made from it (lib/api/openapi-zod.ts). */
export const meetingListQuery = z.object({
  unit: unitCodeFilter.meta({ example: "08863" }),
  kind: z
    .enum(MEETING_KINDS, { error: `kind: một trong ${MEETING_KINDS.join(", ")}.` })
    .optional()
    .meta({ description: "The kind of meeting: a team's monthly meeting, a bloc meeting, a quarterly briefing, other." }),
  from: day("from").meta({ description: "Held on or after." }),
  to: day("to").meta({ description: "Held on or before." }),
  dir: z.enum(["asc", "desc"], { error: "dir: asc hoặc desc." }).default("desc").meta({ description: "Oldest or newest first." }),
  ...pageParams,
});
export type MeetingListQuery = z.output<typeof meetingListQuery>;

export async function listApiMeetings(actor: Actor, query: MeetingListQuery) {
  const unitId = await unitIdOfCode(actor, query.unit);
  const page = await listMeetings(actor, { ...query, unit: unitId }, { strictCursor: true });
  return {
    items: page.items.map((m) => ({
      id: m.id,
      kind: m.kind,
      heldOn: isoDay(m.heldOn),
      heldBy: m.heldBy,
      unitId: m.unitId,
      unitName: m.unitName,
      place: m.place,
      chair: m.chair,
      present: m.present,
      expected: m.expected,
      raisedPetitions: m.raised,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function getApiMeeting(actor: Actor, id: number) {
  const data = await getMeetingPage(actor, id);
  if (!data) return null;
  const { meeting: m, attendance } = data;
  return {
    id: m.id,
    kind: m.kind,
    heldOn: isoDay(m.heldOn),
    heldBy: m.heldBy,
    organisation: m.organisation ? { id: m.organisation.id, kind: m.organisation.kind, name: m.organisation.name } : null,
    unit: { id: m.unit.id, name: `${m.unit.typeLabel} ${m.unit.name}`, level: m.unit.level },
    place: m.place,
    chair: m.chair,
    guests: m.guests,
    agenda: m.agenda,
    minutes: m.minutes,
    visitor: m.visitorUnitId !== null && m.visitorUnitName !== null ? { id: m.visitorUnitId, name: m.visitorUnitName } : null,
    followUp: m.followUp,
    followUpDueOn: m.followUpDueOn ? isoDay(m.followUpDueOn) : null,
    attendance: {
      present: attendance.present,
      total: attendance.total,
      rate: attendance.rate,
      members: m.attendances.map((a) => ({ cadreId: a.cadre.id, fullName: a.cadre.fullName, status: a.status })),
    },
    agendaPetitions: m.agendaItems.map((p) => ({ id: p.id, code: p.code, status: p.status })),
    raisedPetitions: m.raisedPetitions.map((p) => ({ id: p.id, code: p.code, status: p.status, resolution: p.resolution })),
    attachments: m.attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })),
    version: m.version,
    createdAt: m.createdAt.toISOString(),
  };
}
