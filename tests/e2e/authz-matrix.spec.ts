/**
 * The authorisation matrix for pages and route handlers (decision 024): every row of
 * tests/support/authz-registry.ts, over HTTP against the built app, signed in as each of the six
 * demo seats, pointed at a record in the user's own unit, a child, a sibling and the parent. A
 * 404 exactly where docs/authorization-matrix.md says 404; elsewhere anything but a 404 or a 5xx.
 *
 * The records are found in the demo data as the national administrator sees them (/api/v1).
 * A unit is the unit itself; another record lies in that unit's subtree. The demo data holds no
 * record placed at a province or district itself, so for records the "parent" is the part of the
 * parent's subtree outside the user's unit: the sibling's (the actions' test makes records at the
 * parent itself: tests/integration/authz-actions.test.ts).
 */
import type { APIRequestContext } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { PAGES, ROUTES, keyOf, type PageRow, type RouteRow, type Target } from "../support/authz-registry";
import { AGENCY_RELATIONS, expectedOutcome, MERGED_RELATIONS, relationsFor, relationsOf, SEATS, type AnyRelation, type Relation, type Seat } from "../support/authz-matrix";
import { expect, test } from "./fixtures";

/**
 * The relations the three-level demo holds: it records no merger. The merged relations are checked for every
 * action in tests/integration/authz-actions.test.ts, and for the reports in tests/e2e/demo-reform.spec.ts.
 */
const demoRelationsOf = (seat: Seat) => relationsOf(seat).filter((r) => !MERGED_RELATIONS.includes(r));
/** The same for a row pointed at `target`: an agency's seat meets a held petition by its agency (decision 064). */
const demoRelationsFor = (seat: Seat, target: Target): readonly AnyRelation[] => relationsFor(seat, target).filter((r) => !(MERGED_RELATIONS as readonly string[]).includes(r));

/** Rows not found here over HTTP: attachments (tests/e2e/petitions.spec.ts and meetings' cover their 404s), and the good-practice models, which no API lists (tests/e2e/good-practice.spec.ts covers a model out of reach). */
const NO_DEMO_RECORD: readonly Target[] = ["petition-attachment", "meeting-attachment", "good-practice-model", "good-practice-attachment"];

/** What each row was seen to answer, over all seats: every row pointed at a record must have met both. */
const seen = new Map<string, Set<string>>();

type Rows = readonly (PageRow | RouteRow)[];
const ROWS: Rows = [...PAGES, ...ROUTES];
const SECRETARY_NAMES = new Set(DEMO_ACCOUNTS.filter((a) => a.preset === "COMMUNE_SECRETARY").map((a) => a.displayName));

async function signIn(request: APIRequestContext, username: string) {
  const res = await request.post("/sign-in", { form: { username, password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect(res.status(), `signed in as ${username}`).toBe(303);
  expect((await request.storageState()).cookies.some((c) => c.name.endsWith("next-auth.session-token")), username).toBeTruthy();
}

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

interface ApiUnit {
  id: number;
  code: string | null;
  path: { id: number }[];
  children: { id: number; code: string | null }[];
}
interface Listed {
  id: number;
  unitId: number;
}

/** A place records are looked for in: a unit with its code (or, for a village, its commune's code). */
interface Place {
  unitId: number;
  /** The official code to filter the lists by. */
  code: string | null;
  /** Only records of exactly this unit (a village: the list is its commune's). */
  exact?: boolean;
}

/** The ids each target kind is pointed at, by relation, for one seat (null: none in the demo data). */
type Targets = Partial<Record<AnyRelation, Partial<Record<Target, string | null>>>>;

/** The demo agency account's agency (prisma/seed/accounts.ts `coquan.lapthach`) and its neighbour of the same district. */
const SEAT_AGENCY = "Phòng Tài nguyên và Môi trường huyện Lập Thạch";
const OTHER_AGENCY = "Chi nhánh Văn phòng Đăng ký đất đai huyện Lập Thạch";

async function discover(admin: APIRequestContext): Promise<Map<string, Targets>> {
  const unitOf = (ref: string) => json<ApiUnit>(admin, `/api/v1/units/${ref}`);
  const [p26, p12, d246, d252, c08761, c03390] = await Promise.all(["26", "12", "246", "252", "08761", "03390"].map(unitOf));
  // The nation is in no API path: its id is the national administrator's own unit, linked from the home page.
  const home = await (await admin.get("/")).text();
  const nationId = Number(/<a[^>]*href="\/units\/(\d+)"[^>]*>(?:(?!<\/a>)[\s\S])*?Xem đơn vị của bạn/.exec(home)?.[1]);
  expect(nationId, "the national administrator's own unit").toBeGreaterThan(0);
  expect(p26.path).toEqual([]);
  const otherCommune = d246.children.find((c) => c.id !== c08761.id)!;

  // Users by unit, from the admin's list (the demo accounts).
  const html = await (await admin.get("/admin/users")).text();
  const userAt = new Map<string, string>();
  for (const m of html.matchAll(/href="\/admin\/users\/(\d+)"[\s\S]*?font-mono">([^<]+)</g)) userAt.set(m[2], m[1]);
  const usersByUnit = new Map<number, string | undefined>([
    [nationId, userAt.get("admin")],
    [p26.id, userAt.get("tinh.vinhphuc")],
    [p12.id, userAt.get("tinh.laichau")],
    [d246.id, userAt.get("huyen.lapthach")],
    [d252.id, userAt.get("huyen.vinhtuong")],
    [c08761.id, userAt.get("xa.lapthach")],
    [c03390.id, userAt.get("xa.binhlu")],
  ]);

  const list = async (kind: "petitions" | "meetings", place: Place, extra = "") => {
    const filter = place.code ? `unit=${place.code}&` : "";
    const { items } = await json<{ items: Listed[] }>(admin, `/api/v1/${kind}?${filter}limit=${place.exact ? 200 : 10}${extra}`);
    return items.filter((i) => !place.exact || i.unitId === place.unitId);
  };

  // The commune secretary's child: the village of Thị trấn Lập Thạch with the most recent petition.
  const communePetitions = await list("petitions", { unitId: c08761.id, code: "08761" });
  const villageId = communePetitions.find((p) => p.unitId !== c08761.id)?.unitId ?? c08761.children[0].id;
  const village: Place = { unitId: villageId, code: "08761", exact: true };

  const place = (u: ApiUnit | { id: number; code: string | null }): Place => ({ unitId: u.id, code: u.code });
  const nation: Place = { unitId: nationId, code: null };
  const PLACES: Record<Seat["level"], Partial<Record<Relation, Place>>> = {
    NATION: { own: nation, child: place(p26) },
    PROVINCE: { own: place(p26), child: place(d246), sibling: place(p12), parent: nation },
    DISTRICT: { own: place(d246), child: place(c08761), sibling: place(d252), parent: place(p26) },
    COMMUNE: { own: place(c08761), child: village, sibling: place(otherCommune), parent: place(d246) },
  };
  // The commune Party committee of today (decision 049): Xã Bình Lư, directly under Lai Châu.
  const binhLuPetitions = await list("petitions", { unitId: c03390.id, code: "03390" });
  const binhLuVillage: Place = { unitId: binhLuPetitions.find((p) => p.unitId !== c03390.id)?.unitId ?? c03390.children[0].id, code: "03390", exact: true };
  const BY_SEAT: Record<string, Partial<Record<Relation, Place>>> = {
    "xa.binhlu": { own: place(c03390), child: binhLuVillage, sibling: place(p12.children.find((c) => c.id !== c03390.id)!), parent: place(p12) },
  };
  const placesOf = (seat: Seat) => BY_SEAT[seat.username] ?? PLACES[seat.level];

  const out = new Map<string, Targets>();
  for (const seat of SEATS) {
    const targets = {} as Targets;
    for (const relation of demoRelationsOf(seat)) {
      const unit = placesOf(seat)[relation]!;
      // Records (not units) of the "parent" lie in its subtree outside the user's unit: the sibling's.
      const recordPlace = relation === "parent" ? placesOf(seat).sibling! : unit;
      const [petition] = await list("petitions", recordPlace);
      // One a commune secretary did not enter: its creator may correct it until it is assigned (the
      // workflow's creator rule), so the matrix's answer for the seat would hang on who entered it.
      let received: Listed | undefined;
      for (const candidate of (await list("petitions", recordPlace, "&status=RECEIVED")).slice(0, 20)) {
        const { timeline } = await json<{ timeline: { kind: string; actor: string }[] }>(admin, `/api/v1/petitions/${candidate.id}`);
        if (!SECRETARY_NAMES.has(timeline.find((e) => e.kind === "CREATED")?.actor ?? "")) {
          received = candidate;
          break;
        }
      }
      const meetings = await list("meetings", recordPlace, "&kind=TEAM_MONTHLY");
      const meeting = meetings[0];
      type MeetingDetail = { organisation: { id: number } | null; attendance: { members: { cadreId: number }[] }; createdAt: string };
      const detail = meeting ? await json<MeetingDetail>(admin, `/api/v1/meetings/${meeting.id}`) : null;
      // One still open to corrections (logged less than 6 days ago; the window is 7).
      let recent: Listed | undefined;
      for (const m of meetings.slice(0, 10)) {
        const d = m.id === meeting.id ? detail! : await json<MeetingDetail>(admin, `/api/v1/meetings/${m.id}`);
        if (Date.now() - Date.parse(d.createdAt) < 6 * 86_400_000) {
          recent = m;
          break;
        }
      }
      const user = usersByUnit.get(relation === "parent" ? placesOf(seat).parent!.unitId : unit.unitId);
      targets[relation] = {
        unit: String(unit.unitId),
        "unit-ref": `id:${unit.unitId}`,
        petition: petition ? String(petition.id) : null,
        "petition-received": received ? String(received.id) : null,
        meeting: meeting ? String(meeting.id) : null,
        "meeting-recent": recent ? String(recent.id) : null,
        organisation: detail?.organisation ? String(detail.organisation.id) : null,
        // A team's monthly meeting is held in its village: that village (a scoring sheet's, decision 078).
        village: meeting ? String(meeting.unitId) : null,
        cadre: detail?.attendance.members[0] ? String(detail.attendance.members[0].cadreId) : null,
        user: user ?? null,
        "petition-attachment": null,
        "meeting-attachment": null,
        // A model's page out of reach: tests/e2e/good-practice.spec.ts; every action's: tests/integration/authz-actions.test.ts.
        "good-practice-model": null,
        "good-practice-attachment": null,
        // Staff meet an agency's page in their unit relations: any petition there.
        "held-petition": petition ? String(petition.id) : null,
      };
    }
    out.set(seat.username, targets);
  }

  // The agency's seat meets its agency's petitions (decision 064): held now, held before (resolved or closed since),
  // and the neighbouring agency's, all found as the national administrator sees them.
  const agencyId = async (name: string) => {
    const { items } = await json<{ items: { id: number; label: string }[] }>(admin, `/api/choices/agencies?q=${encodeURIComponent(name)}&limit=5`);
    const found = items.find((i) => i.label === name);
    expect(found, name).toBeTruthy();
    return found!.id;
  };
  const [mine, other] = [await agencyId(SEAT_AGENCY), await agencyId(OTHER_AGENCY)];
  const byAgency = async (id: number, statuses: string[]) => {
    for (const status of statuses) {
      const { items } = await json<{ items: Listed[] }>(admin, `/api/v1/petitions?agency=${id}&status=${status}&limit=1`);
      if (items[0]) return String(items[0].id);
    }
    return null;
  };
  for (const seat of SEATS.filter((s) => s.preset === "AGENCY")) {
    const targets = out.get(seat.username)!;
    const held = { held: await byAgency(mine, ["ASSIGNED", "IN_PROGRESS"]), heldBefore: await byAgency(mine, ["RESOLVED", "CLOSED"]), otherAgency: await byAgency(other, ["ASSIGNED", "IN_PROGRESS"]) };
    for (const relation of AGENCY_RELATIONS) {
      expect(held[relation], `${seat.username}: a petition ${relation}`).toBeTruthy();
      targets[relation] = { "held-petition": held[relation] };
    }
  }
  return out;
}

/** The address of a row for a record, or null when the demo data has none. */
function urlOf(row: PageRow | RouteRow, targets: Targets | undefined, relation: AnyRelation): string | null {
  if (row.target === "none") return row.url;
  const id = targets?.[relation]?.[row.target];
  return id ? row.url.replace("{target}", id) : null;
}

async function probe(request: APIRequestContext, row: PageRow | RouteRow, url: string, origin: string) {
  const res =
    row.kind === "route" && row.method === "POST"
      ? await request.post(url, { headers: { origin }, form: { locale: "vi" }, maxRedirects: 0 })
      : await request.get(url, { maxRedirects: 0 });
  return res;
}

/**
 * What the answer means: not-found (404, or for a `shows` row an answer without its form),
 * allowed (2xx, 3xx), or anything else, reported as it is (a 400 never reached the check).
 */
async function outcomeOf(row: PageRow | RouteRow, res: Awaited<ReturnType<typeof probe>>): Promise<string> {
  const status = res.status();
  if (status === 404) return "not-found";
  if (status >= 400) return `status ${status}`;
  if (row.shows && status === 200 && !(await res.text()).includes(row.shows)) return "not-found";
  return "allowed";
}

let targetsBySeat: Map<string, Targets>;

test.describe("the authorisation matrix of pages and route handlers", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ playwright, baseURL }) => {
    test.setTimeout(600_000);
    const admin = await playwright.request.newContext({ baseURL });
    await signIn(admin, "admin");
    targetsBySeat = await discover(admin);
    await admin.dispose();
  });

  test("rows open to everyone answer without a session", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const row of ROWS.filter((r) => r.permission === "public")) {
      const status = (await probe(anonymous, row, row.url, baseURL!)).status();
      expect(status, keyOf(row)).toBeLessThan(400);
    }
    // …and every other row refuses a request without one (a redirect to sign-in, or 401).
    for (const row of ROWS.filter((r) => r.permission !== "public")) {
      const url = urlOf(row, targetsBySeat.get("admin"), "own") ?? row.url.replace("{target}", "1");
      const status = (await probe(anonymous, row, url, baseURL!)).status();
      expect([302, 303, 307, 401], `${keyOf(row)} ${url}`).toContain(status);
    }
    await anonymous.dispose();
  });

  for (const seat of SEATS) {
    test(`${seat.username} (${seat.preset}): 404 exactly where the matrix says`, async ({ playwright, baseURL }) => {
      test.setTimeout(900_000);
      const request = await playwright.request.newContext({ baseURL });
      await signIn(request, seat.username);
      const targets = targetsBySeat.get(seat.username);
      const mismatches: string[] = [];
      for (const row of ROWS.filter((r) => r.permission !== "public")) {
        const relations = row.target === "none" ? (["own"] as const) : demoRelationsFor(seat, row.target);
        for (const relation of relations) {
          const url = urlOf(row, targets, relation);
          if (!url) continue;
          const res = await probe(request, row, url, baseURL!);
          const status = res.status();
          const want = expectedOutcome(row, seat, relation);
          const got = await outcomeOf(row, res);
          seen.set(keyOf(row), (seen.get(keyOf(row)) ?? new Set()).add(got));
          if (got !== want) mismatches.push(`${keyOf(row)} on ${relation} (${url}): expected ${want}, got ${got} (${status})`);
        }
      }
      await request.dispose();
      expect(mismatches).toEqual([]);
    });
  }

  test("every row pointed at a record was seen both allowed and not found", () => {
    const unchecked = ROWS.filter((r) => r.permission !== "public" && r.target !== "none" && !NO_DEMO_RECORD.includes(r.target))
      .filter((r) => !(seen.get(keyOf(r))?.has("allowed") && seen.get(keyOf(r))?.has("not-found")))
      .map((r) => `${keyOf(r)}: ${[...(seen.get(keyOf(r)) ?? [])].join(", ") || "never run"}`);
    expect(unchecked).toEqual([]);
  });
});
