import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { db } from "@/lib/db/client";
import { createMeeting } from "@/lib/meetings/create";
import { meetingSchema } from "@/lib/meetings/schemas";
import { addMember } from "@/lib/organisations/members";
import { createPetition } from "@/lib/petitions/intake";
import { intakeSchema, stepSchema } from "@/lib/petitions/schemas";
import { takeStep } from "@/lib/petitions/steps";
import { toSearchText } from "@/lib/text/search";
import { actorAt, buildTree, createField, createOrganisation, createUser, type Tree } from "../support/factories";

/**
 * Issue 15, part 1: since the 2025 reform one commune Party committee takes petitions, keeps its
 * teams and logs their meetings. A commune user holding those duties does all three; the commune
 * secretary of before the reform keeps exactly what it had (intake and meetings, not the workflow).
 */
let tree: Tree;
let fieldId: number;
let agencyId: number;
let team: Awaited<ReturnType<typeof createOrganisation>>;
const NOW = new Date("2026-03-20T03:00:00Z");

beforeAll(async () => {
  tree = await buildTree();
  fieldId = (await createField()).id;
  agencyId = (await db.agency.create({ data: { unitId: tree.districtA.id, name: `Phòng Tài nguyên ${randomUUID().slice(0, 6)}` } })).id;
  team = await createOrganisation(tree.villageA1, "TEAM", ["Nguyễn Văn Tổ", "Trần Thị Hai"]);
});

async function intake(actor: ReturnType<typeof actorAt>) {
  const parsed = await parseInput(intakeSchema, {
    idempotencyKey: randomUUID(),
    receivedOn: "2026-03-02",
    channel: "RECEPTION",
    petitionerKind: "PERSON",
    petitionerName: "Lê Thị Mai",
    unitId: String(tree.villageA1.id),
    fieldId: String(fieldId),
    content: "Đề nghị sửa đường liên thôn bị sạt lở sau mưa lớn.",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createPetition(actor, parsed.data);
}

async function assign(actor: ReturnType<typeof actorAt>, petitionId: number) {
  const parsed = await parseInput(stepSchema, { petitionId: String(petitionId), version: "0", step: "assign", agencyId: String(agencyId) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return takeStep(actor, parsed.data);
}

async function logTeamMeeting(actor: ReturnType<typeof actorAt>) {
  const [head, second] = team.members;
  const parsed = await parseInput(meetingSchema, {
    idempotencyKey: randomUUID(),
    kind: "TEAM_MONTHLY",
    target: `org:${team.org.id}`,
    raisedUnitId: String(tree.villageA1.id),
    heldOn: "2026-03-15",
    place: "Nhà văn hóa thôn",
    chair: "Nguyễn Văn Tổ",
    [`att.${head.id}`]: "PRESENT",
    [`att.${second.id}`]: "PRESENT",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return createMeeting(actor, parsed.data, NOW);
}

async function addTeamMember(actor: ReturnType<typeof actorAt>) {
  const fullName = `Phạm Văn Mới ${randomUUID().slice(0, 6)}`;
  const cadre = await db.cadre.create({ data: { fullName, searchName: toSearchText(fullName), unitId: tree.villageA1.id } });
  return addMember(actor, { organisationId: team.org.id, cadreId: cadre.id, role: "MEMBER", representing: "VILLAGE_HEAD", termStart: new Date("2026-01-01") }, NOW);
}

describe("duties at the commune (issue 15)", () => {
  it("a commune Party committee user takes a petition, assigns it, logs the team's meeting and adds a team member", async () => {
    const user = await createUser(tree.communeA, "COMMUNE_COMMITTEE");
    const actor = actorAt(tree.communeA, "COMMUNE_COMMITTEE", user.id);

    const petition = await intake(actor);
    expect(await assign(actor, petition.id)).toMatchObject({ status: "ASSIGNED" });
    const meeting = await logTeamMeeting(actor);
    expect(meeting.created).toBe(true);
    const membership = await addTeamMember(actor);
    expect(await db.membership.findUnique({ where: { id: membership.id } })).toMatchObject({ organisationId: team.org.id, role: "MEMBER" });
  });

  it("the commune secretary of before the reform keeps intake and meetings, and still may not assign nor manage teams", async () => {
    const user = await createUser(tree.communeA, "COMMUNE_SECRETARY");
    const actor = actorAt(tree.communeA, "COMMUNE_SECRETARY", user.id);
    const petition = await intake(actor);
    expect((await logTeamMeeting(actor)).created).toBe(true);
    await expect(assign(actor, petition.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addTeamMember(actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a district user keeps petitions and organisation, and may not log meetings", async () => {
    const user = await createUser(tree.districtA, "DISTRICT_STAFF");
    const actor = actorAt(tree.districtA, "DISTRICT_STAFF", user.id);
    const petition = await intake(actor);
    expect(await assign(actor, petition.id)).toMatchObject({ status: "ASSIGNED" });
    await addTeamMember(actor);
    await expect(logTeamMeeting(actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
