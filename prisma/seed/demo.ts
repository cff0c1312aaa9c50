/**
 * The demo data set: two provinces (one in the old three-tier shape, one in the new
 * two-tier shape), their organisations, cadres, two years of petitions and meetings.
 * Dates are relative to `today`, so the demo always looks current, and all randomness
 * comes from one seeded generator, so the same `today` always gives the same data.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { seedBoundaries } from "./boundaries";
import { createContext } from "./context";
import { assignMeetingIds, insertMeetings, planMeetings } from "./meetings";
import { seedOrganisations } from "./organisations";
import { planPetitions, seedPetitions } from "./petitions";
import { seedReference, seedUsers } from "./reference";
import { seedUnits } from "./units";

export interface SeedSummary {
  /** Vietnam's date the data is relative to. */
  today: string;
  units: { provinces: number; districts: number; communes: number; villages: number; total: number };
  organisations: { blocs: number; teams: number };
  cadres: number;
  memberships: number;
  trainings: number;
  users: number;
  fields: number;
  agencies: number;
  calendarDays: number;
  petitions: { total: number; byStatus: Record<string, number>; events: number; raisedAtMeetings: number };
  meetings: { total: number; teamMonthly: number; bloc: number; quarterlyBriefing: number; attendance: number };
}

/** True when the database holds no unit: the seed only ever fills an empty database. */
export async function isEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.unit.count()) === 0;
}

/**
 * `sharedDataDir`: where the map's boundary file is looked for (default: SHARED_DATA_DIR, else
 * ../shared/data; prisma/seed/boundaries.ts).
 */
export async function seedDemo(db: PrismaClient, opts: { today?: Date; log?: (msg: string) => void; sharedDataDir?: string } = {}): Promise<SeedSummary> {
  const log = opts.log ?? (() => {});
  const ctx = createContext(opts.today ?? new Date(), log);
  const started = Date.now();
  const lap = (what: string) => log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const tree = await seedUnits(db, ctx.rng);
  lap(`${tree.all.length} đơn vị / units`);
  const drawn = await seedBoundaries(db, { dir: opts.sharedDataDir, log });
  if (drawn.length) lap(`ranh giới / boundaries: ${drawn.join(", ")}`);
  const orgs = await seedOrganisations(db, ctx, tree);
  lap(`${orgs.blocs.size + orgs.teams.size} khối, tổ / organisations, ${orgs.cadres.length} cán bộ / cadres`);
  const users = await seedUsers(db, tree, orgs);
  // Demo sign-ins stay one step: no role requires a second factor here (a new database's rule
  // requires it of ADMIN and PROVINCE_LEADER; decision 025). An admin can turn it on.
  await db.twoFactorPolicy.updateMany({ data: { required: false } });
  const ref = await seedReference(db, ctx, tree);
  lap(`${users.byUsername.size} tài khoản / users, ${ref.fields.length} lĩnh vực / fields, ${ref.agencies} cơ quan / agencies`);

  // Meetings are planned before petitions, which are raised at them, but inserted after
  // the petitions are planned, since their minutes count those petitions.
  const meetings = planMeetings(ctx, tree, orgs, users);
  await assignMeetingIds(db, meetings);
  const petitionPlans = planPetitions(ctx, tree, ref, users, meetings);
  const attendance = await insertMeetings(db, meetings);
  lap(`${meetings.all.length} cuộc họp / meetings, ${attendance} lượt dự / attendance rows`);
  const petitions = await seedPetitions(db, ctx, petitionPlans, ref, users);
  lap(`${petitions.total} kiến nghị / petitions, ${petitions.events} sự kiện / events`);

  const count = (level: string) => tree.all.filter((u) => u.level === level).length;
  const kinds = (kind: string) => meetings.all.filter((m) => m.kind === kind).length;
  const summary: SeedSummary = {
    today: ctx.today,
    units: { provinces: count("PROVINCE"), districts: count("DISTRICT"), communes: count("COMMUNE"), villages: count("VILLAGE"), total: tree.all.length },
    organisations: { blocs: orgs.blocs.size, teams: orgs.teams.size },
    cadres: orgs.cadres.length,
    memberships: orgs.memberships,
    trainings: orgs.trainings,
    users: users.byUsername.size,
    fields: ref.fields.length,
    agencies: ref.agencies,
    calendarDays: ref.calendarDays,
    petitions,
    meetings: {
      total: meetings.all.length,
      teamMonthly: kinds("TEAM_MONTHLY"),
      bloc: kinds("BLOC"),
      quarterlyBriefing: kinds("QUARTERLY_BRIEFING"),
      attendance,
    },
  };
  await db.auditLog.create({ data: { action: "seed.demo", entity: "Database", data: JSON.parse(JSON.stringify(summary)) } });
  return summary;
}
