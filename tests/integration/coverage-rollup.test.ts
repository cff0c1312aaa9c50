/**
 * The coverage rollup (RollupCoverage, decisions 014 and 033) against `coverageFor`, the live count,
 * on randomised data: cadres who sit in several organisations at once (a team and the commune's bloc,
 * two teams, the same team twice with overlapping, touching or separate terms), memberships changed,
 * moved to another organisation and deleted, organisations dissolved and established later, a
 * village closed, a village moved and a merger recorded. After each phase every unit, on every day
 * where something starts or ends (and the day before and after), must read the seven figures of
 * `coverageFor` from the rollup; at the end the rollup must equal a rebuild from the base tables.
 * The unit page's figures (`unitPageCoverage`) are the rollup's, on the day asked or a closed unit's last.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { readCoverage } from "@/lib/dashboards/read";
import { db } from "@/lib/db/client";
import type { Affiliation, MembershipRole } from "@/lib/generated/prisma/enums";
import { coverageFor } from "@/lib/organisations/coverage";
import { addDaysUtc, isoDay, todayInVietnam } from "@/lib/time";
import { unitPageCoverage } from "@/lib/units/coverage";
import { recordMerger } from "@/lib/units/merger/record";
import { insertUnit } from "@/lib/units/tree";
import { closeVillage, moveVillage } from "@/lib/units/villages";
import { Random } from "@/prisma/seed/random";
import { actorAt, buildTree, createUser, type Tree } from "../support/factories";
import { rebuiltRollupSnapshot, rollupSnapshot } from "../support/rollup-snapshot";

const TODAY = todayInVietnam();
const START = addDaysUtc(TODAY, -400);
const rng = new Random(0x0033);
const randomDay = (from: Date, to: Date) => addDaysUtc(from, rng.int(0, Math.max(0, Math.round((to.getTime() - from.getTime()) / 86_400_000))));

let tree: Tree;
let admin: Actor;
let units: { id: number; level: string; validTo: Date | null }[] = [];

async function reloadUnits() {
  units = await db.unit.findMany({ where: { ancestorIds: { has: tree.nation.id } }, select: { id: true, level: true, validTo: true }, orderBy: { id: "asc" } });
}

/**
 * Every day on which a figure may change (a first day, or the day after a last one: termEnd and
 * validTo are inclusive, dissolvedOn is not) and the day before it, with a few others. The
 * figures are steps between those days, so this checks every step.
 */
async function daysToCheck(): Promise<Date[]> {
  const [memberships, orgs, dated] = await Promise.all([
    db.membership.findMany({ select: { termStart: true, termEnd: true } }),
    db.organisation.findMany({ select: { establishedOn: true, dissolvedOn: true } }),
    db.unit.findMany({ where: { ancestorIds: { has: tree.nation.id } }, select: { validFrom: true, validTo: true } }),
  ]);
  const after = (d: Date | null) => d && addDaysUtc(d, 1);
  const changes = [
    ...memberships.flatMap((m) => [m.termStart, after(m.termEnd)]),
    ...orgs.flatMap((o) => [o.establishedOn, o.dissolvedOn]),
    ...dated.flatMap((u) => [u.validFrom, after(u.validTo)]),
  ].filter((d): d is Date => d !== null);
  const days = new Map<string, Date>();
  for (const d of [...changes.flatMap((c) => [addDaysUtc(c, -1), c]), START, TODAY, addDaysUtc(TODAY, 90)]) days.set(isoDay(d), d);
  return [...days.values()].sort((a, b) => a.getTime() - b.getTime());
}

async function expectRollupEqualsLive(label: string) {
  const days = await daysToCheck();
  let checked = 0;
  for (const u of units) {
    for (const d of days) {
      const live = await coverageFor(u.id, d);
      expect(await readCoverage(u.id, isoDay(d)), `${label}: unit ${u.id} on ${isoDay(d)}`).toEqual(live);
      if (live.members > 0) checked++;
    }
  }
  // The data made something to count.
  expect(checked).toBeGreaterThan(units.length);
}

async function addMemberships(cadres: { id: number }[], orgIds: number[]) {
  for (const cadre of cadres) {
    // One to four memberships; a second one often in the same organisation, to overlap or touch the first.
    let last: { organisationId: number; termStart: Date; termEnd: Date | null } | null = null;
    for (let i = rng.int(1, 4); i > 0; i--) {
      const previous: { organisationId: number; termEnd: Date | null } | null = last !== null && rng.chance(0.4) ? last : null;
      const organisationId: number = previous ? previous.organisationId : rng.pick(orgIds);
      const termStart: Date = previous?.termEnd && rng.chance(0.5) ? addDaysUtc(previous.termEnd, rng.int(0, 2)) : randomDay(START, addDaysUtc(TODAY, 30));
      const termEnd = rng.chance(0.5) ? randomDay(termStart, addDaysUtc(TODAY, 60)) : null;
      await db.membership.create({
        data: {
          organisationId, cadreId: cadre.id, termStart, termEnd,
          role: rng.pick<MembershipRole>(["HEAD", "MEMBER", "MEMBER", "DEPUTY"]),
          representing: rng.pick<Affiliation>(["PARTY_CELL_SECRETARY", "PARTY_STANDING_DEPUTY", "VILLAGE_HEAD", "WOMENS_UNION", "FARMERS_UNION"]),
        },
      });
      last = { organisationId, termStart, termEnd };
    }
  }
}

beforeAll(async () => {
  tree = await buildTree();
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  const communeA2 = await insertUnit(db, { parentId: tree.districtA.id, level: "COMMUNE", typeLabel: "Xã", name: `Liễn Sơn ${tree.nation.id}`, code: "08842" });
  await insertUnit(db, { parentId: communeA2.id, level: "VILLAGE", typeLabel: "Thôn", name: "Đông" });
  await insertUnit(db, { parentId: communeA2.id, level: "VILLAGE", typeLabel: "Thôn", name: "Tây", validFrom: randomDay(START, TODAY) });
  await insertUnit(db, { parentId: tree.communeB.id, level: "VILLAGE", typeLabel: "Thôn", name: "Nam" });
  await reloadUnits();
  for (const u of units.filter((x) => x.level === "VILLAGE" || x.level === "COMMUNE")) {
    await db.organisation.create({
      data: {
        kind: u.level === "VILLAGE" ? "TEAM" : "BLOC", unitId: u.id, name: `${u.level === "VILLAGE" ? "Tổ" : "Khối"} dân vận ${u.id}`,
        establishedOn: rng.chance(0.3) ? randomDay(START, TODAY) : null,
      },
    });
  }
}, 60_000);

describe("coverage rollup over randomised memberships", () => {
  it("counts each cadre once per unit, whatever it belongs to, on every day", async () => {
    const orgIds = (await db.organisation.findMany({ where: { unit: { ancestorIds: { has: tree.nation.id } } }, select: { id: true } })).map((o) => o.id);
    const cadres = [];
    for (let i = 0; i < 30; i++) cadres.push(await db.cadre.create({ data: { fullName: `Nguyễn Văn Ba ${i}`, searchName: `nguyen van ba ${i}`, unitId: tree.communeA.id } }));
    await addMemberships(cadres, orgIds);
    // At least one cadre sits in a team and the commune's bloc on the same day.
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Membership" a JOIN "Membership" b ON a."cadreId" = b."cadreId" AND a."organisationId" <> b."organisationId"
      WHERE a."organisationId" = ANY(${orgIds}::int[]) AND a."termStart" <= coalesce(b."termEnd", 'infinity') AND b."termStart" <= coalesce(a."termEnd", 'infinity')`;
    expect(n).toBeGreaterThan(0);
    await expectRollupEqualsLive("added");
  }, 120_000);

  it("follows memberships changed, moved and deleted, organisations dated, units closed and moved", async () => {
    const orgs = await db.organisation.findMany({ where: { unit: { ancestorIds: { has: tree.nation.id } } }, orderBy: { id: "asc" } });
    const memberships = await db.membership.findMany({ where: { organisationId: { in: orgs.map((o) => o.id) } }, orderBy: { id: "asc" } });
    for (const m of rng.sample(memberships, 8)) await db.membership.update({ where: { id: m.id }, data: { termEnd: randomDay(m.termStart, addDaysUtc(TODAY, 30)) } });
    for (const m of rng.sample(memberships, 5)) await db.membership.update({ where: { id: m.id }, data: { organisationId: rng.pick(orgs).id } }).catch(() => undefined);
    for (const m of rng.sample(memberships, 5)) await db.membership.delete({ where: { id: m.id } }).catch(() => undefined);
    // Several rows in one statement, as an end of service does.
    const someone = memberships[0].cadreId;
    await db.membership.updateMany({ where: { cadreId: someone, termEnd: null }, data: { termEnd: addDaysUtc(TODAY, -3) } });
    const teams = orgs.filter((o) => o.kind === "TEAM");
    await db.organisation.update({ where: { id: teams[0].id }, data: { dissolvedOn: randomDay(START, TODAY) } });
    await db.organisation.update({ where: { id: teams[1].id }, data: { establishedOn: randomDay(START, TODAY) } });
    await db.organisation.update({ where: { id: orgs.find((o) => o.kind === "BLOC")!.id }, data: { dissolvedOn: randomDay(START, TODAY) } });
    await expectRollupEqualsLive("changed");

    // A village closed, a village moved to another commune, then a whole commune merged into another.
    const closing = await db.unit.findFirstOrThrow({ where: { parentId: tree.communeA.id, level: "VILLAGE" }, orderBy: { id: "asc" } });
    await closeVillage(admin, { villageId: closing.id, version: closing.version, closedOn: randomDay(START, TODAY) });
    const communeA2 = await db.unit.findFirstOrThrow({ where: { parentId: tree.districtA.id, id: { not: tree.communeA.id } } });
    const moving = await db.unit.findUniqueOrThrow({ where: { id: tree.villageA2.id } });
    await moveVillage(admin, { villageId: moving.id, version: moving.version, targetCommuneId: communeA2.id });
    await recordMerger(admin, { predecessors: [{ id: tree.communeB.id, kind: "FULL" }], successor: { id: communeA2.id }, effectiveOn: addDaysUtc(TODAY, -30) });
    await reloadUnits();
    await expectRollupEqualsLive("after the units changed");
  }, 300_000);

  it("shows on the unit page the rollup's figures, on the day asked or a closed unit's last day", async () => {
    const closed = units.filter((u) => u.validTo !== null);
    expect(closed.length).toBeGreaterThan(0);
    for (const u of units) {
      for (const viewDate of [TODAY, addDaysUtc(TODAY, -45), addDaysUtc(TODAY, -200)]) {
        const shown = await unitPageCoverage(u, viewDate);
        const asOf = u.validTo && u.validTo < viewDate ? u.validTo : viewDate;
        expect(isoDay(shown.asOf)).toBe(isoDay(asOf));
        expect(shown.coverage, `unit ${u.id} on ${isoDay(viewDate)}`).toEqual(await coverageFor(u.id, asOf));
      }
    }
  }, 120_000);

  it("counts a cadre once when two writers add its memberships at the same time", async () => {
    const current = { dissolvedOn: null, unit: { validTo: null, ancestorIds: { has: tree.nation.id } } };
    // Different first days, so that the two writers share no row of the organisations' own figures
    // (which would make the second wait anyway).
    const [team, bloc] = await Promise.all([
      db.organisation.findFirstOrThrow({ where: { kind: "TEAM", ...current } }).then((o) => db.organisation.update({ where: { id: o.id }, data: { establishedOn: addDaysUtc(TODAY, -300) } })),
      db.organisation.findFirstOrThrow({ where: { kind: "BLOC", ...current } }).then((o) => db.organisation.update({ where: { id: o.id }, data: { establishedOn: addDaysUtc(TODAY, -299) } })),
    ]);
    const cadre = await db.cadre.create({ data: { fullName: "Trần Văn Hai", searchName: "tran van hai", unitId: tree.nation.id } });
    const membership = (organisationId: number, termStart: Date) => ({ organisationId, cadreId: cadre.id, termStart, role: "MEMBER" as const, representing: "FARMERS_UNION" as const });
    // The first writer adds a membership and stays open while the second adds another (on PostgreSQL
    // the second waits for the first inside the rollup's trigger; PGlite runs them one after the other).
    let inserted!: () => void;
    let release!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = db.$transaction(async (tx) => {
      await tx.membership.create({ data: membership(team.id, addDaysUtc(TODAY, -100)) });
      inserted();
      await released;
    }, { timeout: 30_000 });
    await firstInserted;
    const second = db.$transaction((tx) => tx.membership.create({ data: membership(bloc.id, addDaysUtc(TODAY, -50)) }), { timeout: 30_000, maxWait: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([first, second]);
    for (const u of [tree.nation.id, tree.province.id, team.unitId, bloc.unitId]) {
      for (const d of [addDaysUtc(TODAY, -100), addDaysUtc(TODAY, -50), TODAY]) expect(await readCoverage(u, isoDay(d)), `unit ${u} on ${isoDay(d)}`).toEqual(await coverageFor(u, d));
    }
  });

  it("keeps an organisation's figures when two writers add heads to it at the same time", async () => {
    const team = await db.organisation.findFirstOrThrow({ where: { kind: "TEAM", dissolvedOn: null, unit: { validTo: null, ancestorIds: { has: tree.nation.id } } }, orderBy: { id: "desc" } });
    const head = async (tx: Pick<typeof db, "cadre" | "membership">, name: string, termStart: Date) => {
      const cadre = await tx.cadre.create({ data: { fullName: name, searchName: name.toLowerCase(), unitId: team.unitId } });
      return tx.membership.create({ data: { organisationId: team.id, cadreId: cadre.id, termStart, role: "HEAD", representing: "PARTY_CELL_SECRETARY" } });
    };
    let inserted!: () => void;
    let release!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = db.$transaction(async (tx) => {
      await head(tx, "Vũ Văn Một", addDaysUtc(TODAY, -80));
      inserted();
      await released;
    }, { timeout: 30_000 });
    await firstInserted;
    const second = db.$transaction((tx) => head(tx, "Vũ Văn Hai", addDaysUtc(TODAY, -40)), { timeout: 30_000, maxWait: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([first, second]);
    for (const u of [tree.nation.id, team.unitId]) {
      for (const d of [addDaysUtc(TODAY, -80), addDaysUtc(TODAY, -40), TODAY]) expect(await readCoverage(u, isoDay(d)), `unit ${u} on ${isoDay(d)}`).toEqual(await coverageFor(u, d));
    }
  });

  it("equals a rebuild from the base tables", async () => {
    const kept = await rollupSnapshot();
    expect(kept.RollupCoverageCadre.length).toBeGreaterThan(0);
    expect(await rebuiltRollupSnapshot()).toEqual(kept);
  }, 120_000);
});
