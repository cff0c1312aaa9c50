/**
 * The demo data set: two provinces, their organisations, cadres, two years of petitions and
 * meetings. Dates are relative to `today`, so the demo always looks current, and all
 * randomness comes from one seeded generator, so the same `today` always gives the same data.
 *
 * Two shapes (decision 056). `reform`, what `npm start` seeds: Vĩnh Phúc with Lập Thạch and
 * Vĩnh Tường until 30 June 2025, the real merger into Tỉnh Phú Thọ's new communes on 1 July
 * 2025 through the app's merger import, and the months since on the new communes.
 * `three-level`: Vĩnh Phúc's districts still current, the fixture of the three-level workflow's
 * tests. Lai Châu is in the post-reform shape in both.
 */
import { workingDayOnOrBefore } from "../../lib/calendar";
import { loadHolidayCalendar } from "../../lib/calendar/table";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { sweepReminders } from "../../lib/notifications/sweep";
import { seedBoundaries } from "./boundaries";
import { createContext } from "./context";
import { assignMeetingIds, insertMeetings, planMeetings } from "./meetings";
import { seedOrganisations } from "./organisations";
import { seedPeriodicReports } from "./periodic-reports";
import { seedGoodPractice } from "./good-practice";
import { seedScoring } from "./scoring";
import { planPetitions, seedPetitions } from "./petitions";
import { bindAgencyAccounts, seedReference, seedUsers } from "./reference";
import { applyReform, REFORM_EVE } from "./reform";
import { seedUnits } from "./units";

/** `reform`: the demo spans the reform of 1 July 2025; `three-level`: districts stay current (decision 056). */
export type DemoShape = "reform" | "three-level";
export const DEMO_SHAPES: readonly DemoShape[] = ["reform", "three-level"];

export interface SeedSummary {
  /** Vietnam's date the data is relative to. */
  today: string;
  shape: DemoShape;
  /** What the merger import did (reform shape only). */
  merger: Record<string, number> | null;
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
  periodicReports: { total: number; byStatus: Record<string, number> };
  goodPractice: { total: number; byStatus: Record<string, number>; replications: number };
}

/** True when the database holds no unit: the seed only ever fills an empty database. */
export async function isEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.unit.count()) === 0;
}

/**
 * `sharedDataDir`: where the map's boundary file is looked for (default: SHARED_DATA_DIR, else
 * ../shared/data; prisma/seed/boundaries.ts). `shape`: `three-level` unless told (the tests'
 * fixture); `npm start` and `npm run db:seed` ask for `reform` (DEMO_SHAPE, prisma/seed/run.ts).
 */
export async function seedDemo(
  db: PrismaClient,
  opts: { today?: Date; log?: (msg: string) => void; sharedDataDir?: string; shape?: DemoShape } = {},
): Promise<SeedSummary> {
  const log = opts.log ?? (() => {});
  const shape = opts.shape ?? "three-level";
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
  // the petitions are planned, since their minutes count those petitions. In the reform
  // shape Vĩnh Phúc's districts record up to 30 June 2025; then the merger, then the months
  // since on the new communes (the same steps on the new tree).
  const vinhPhucAreas = tree.areas.filter((a) => a.province.code === "26");
  if (shape === "reform") for (const a of vinhPhucAreas) a.until = REFORM_EVE;
  const meetings = planMeetings(ctx, tree, orgs, users);
  await assignMeetingIds(db, meetings);
  const petitionPlans = planPetitions(ctx, tree, ref, users, meetings);
  let attendance = await insertMeetings(db, meetings);
  const petitions = await seedPetitions(db, ctx, petitionPlans, ref, users);
  let merger: SeedSummary["merger"] = null;
  const allMeetings = [...meetings.all];
  const allTrees = [tree];
  if (shape === "reform") {
    lap(`${petitions.total} kiến nghị, ${meetings.all.length} cuộc họp đến 30/6/2025 / petitions, meetings up to the reform`);
    const reform = await applyReform(db, tree, orgs, users);
    merger = reform.counts;
    lap(`sắp xếp 1/7/2025 / the 2025 merger: ${reform.counts.communesClosed} xã cũ → ${reform.counts.communesCreated} xã mới, ${reform.counts.villagesMoved} thôn chuyển`);
    await ref.addAgencies([reform.area]);
    const after = planMeetings(ctx, reform.tree, orgs, users);
    await assignMeetingIds(db, after);
    const afterPlans = planPetitions(ctx, reform.tree, ref, users, after);
    attendance += await insertMeetings(db, after);
    const more = await seedPetitions(db, ctx, afterPlans, ref, users);
    petitions.total += more.total;
    petitions.events += more.events;
    petitions.raisedAtMeetings += more.raisedAtMeetings;
    for (const [k, v] of Object.entries(more.byStatus)) petitions.byStatus[k] = (petitions.byStatus[k] ?? 0) + v;
    allMeetings.push(...after.all);
    allTrees.push(reform.tree);
  }
  await bindAgencyAccounts(db, users);
  lap(`${allMeetings.length} cuộc họp / meetings, ${attendance} lượt dự / attendance rows`);
  lap(`${petitions.total} kiến nghị / petitions, ${petitions.events} sự kiện / events`);

  const periodicReports = await seedPeriodicReports(db, ctx, users);
  lap(`${periodicReports.total} báo cáo định kỳ / periodic reports`);
  const goodPractice = await seedGoodPractice(db, ctx, users);
  lap(`${goodPractice.total} mô hình "Dân vận khéo" / good-practice models`);
  const scoring = await seedScoring(db, ctx, users.byUsername.get("admin")!);
  lap(`${scoring.sheets} phiếu chấm điểm thôn / village scoring sheets`);

  const unitIds = new Map(allTrees.flatMap((t) => t.all.map((u) => [u.id, u.level] as const)));
  const count = (level: string) => [...unitIds.values()].filter((l) => l === level).length;
  const kinds = (kind: string) => allMeetings.filter((m) => m.kind === kind).length;
  const summary: SeedSummary = {
    today: ctx.today,
    shape,
    merger,
    units: { provinces: count("PROVINCE"), districts: count("DISTRICT"), communes: count("COMMUNE"), villages: count("VILLAGE"), total: unitIds.size },
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
      total: allMeetings.length,
      teamMonthly: kinds("TEAM_MONTHLY"),
      bloc: kinds("BLOC"),
      quarterlyBriefing: kinds("QUARTERLY_BRIEFING"),
      attendance,
    },
    periodicReports,
    goodPractice,
  };
  // The reminders of the last working day (decision 061): the demo shows its overdue petitions' reminders whatever day
  // it starts on; the worker adds today's when today is a working day (the same keys: nothing twice).
  const year = Number(ctx.today.slice(0, 4));
  const reminderDay = workingDayOnOrBefore(ctx.today, await loadHolidayCalendar(db, year - 1, year));
  const reminders = await sweepReminders(new Date(`${reminderDay}T00:00:00Z`));
  lap(`${reminders.created} nhắc việc ngày ${reminderDay} / reminders`);
  await db.auditLog.create({ data: { action: "seed.demo", entity: "Database", data: JSON.parse(JSON.stringify(summary)) } });
  return summary;
}
