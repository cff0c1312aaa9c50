/**
 * The bench generator's cadres, memberships, trainings, meetings and attendance, at national
 * scale (lib/bench/generate.ts). The rosters follow the demo seed's (prisma/seed/organisations.ts):
 * a bloc of 6–8 per commune headed by the standing deputy secretary, a team of 4–6 per village
 * headed by the party cell secretary; 5 % of teams change head during the window. Every team
 * holds its monthly meeting in most months (each province its own rate, 80–97 %), each bloc
 * meets monthly, each commune holds a quarterly briefing; attendance is the roster on the day.
 */
import { addDays, type CalendarDate } from "../calendar";
import type { Affiliation, AttendanceStatus, Gender, MembershipRole } from "../generated/prisma/enums";
import { toSearchText } from "../text/search";
import { SEASONAL } from "../../prisma/seed/meetings";
import { mobilePhone, personName, type Region } from "../../prisma/seed/names";
import { BIRTH_YEARS, BLOC_MEMBERS, communePosition, COURSES, FEMALE_SHARE, TEAM_UNIONS, villagePosition } from "../../prisma/seed/organisations";
import type { Random } from "../../prisma/seed/random";
import { viDate, type Month } from "../../prisma/seed/util";
import { copyField, type CopyFeed, type CopyValue } from "./copy";
import type { DayTable } from "./generate";

/** What the people and meetings need of the unit tree. */
export interface PeopleCommune {
  unit: { id: number; typeLabel: string; name: string };
  blocId: number;
  region: Region;
  /** The district's staff user: they log the commune's meetings (the generator makes no commune secretaries). */
  staffId: number;
  districtName: string;
  provinceName: string;
  /** The province's index: each province has its own meeting rate. */
  provinceIndex: number;
  villages: { id: number; index: number; teamId: number; typeLabel: string; name: string }[];
}

/** One member of an organisation: `from`…`to` are day indexes of the DayTable (inclusive); before the window is -1. */
interface Member {
  cadreId: number;
  name: string;
  role: MembershipRole;
  representing: Affiliation;
  from: number;
  to: number;
}

export const CADRE_COLUMNS = ["id", "fullName", "searchName", "gender", "birthYear", "phone", "isPartyMember", "position", "unitId", "endedOn", "updatedAt"];
export const MEMBERSHIP_COLUMNS = ["id", "organisationId", "cadreId", "role", "representing", "termStart", "termEnd"];
export const TRAINING_COLUMNS = ["id", "cadreId", "course", "organiser", "startOn", "endOn", "result"];
export const MEETING_COLUMNS = ["id", "kind", "organisationId", "unitId", "heldOn", "place", "chair", "agenda", "minutes", "createdById", "createdAt", "updatedAt"];
export const ATTENDANCE_COLUMNS = ["id", "meetingId", "cadreId", "status"];

const NEVER = Number.MAX_SAFE_INTEGER;

export interface Rosters {
  blocs: Member[][];
  /** By village index. */
  teams: Member[][];
}

/**
 * Cadres (rows into `copy`), their memberships and trainings (into the feeds), and the rosters
 * the meetings need. `lastIdx`: yesterday's index in `table`.
 */
export function* cadreRows(
  rng: Random,
  communes: readonly PeopleCommune[],
  table: DayTable,
  lastIdx: number,
  villageCount: number,
  feeds: { memberships: CopyFeed; trainings: CopyFeed },
  rosters: Rosters,
  now: Date,
): Generator<CopyValue[]> {
  const windowStart = table.days[0];
  let cadreId = 0;
  let membershipId = 0;
  let trainingId = 0;
  rosters.teams = new Array(villageCount);
  const termStart = (): CalendarDate => addDays(windowStart, -rng.int(30, 4 * 365));

  function* person(a: Affiliation, position: string, unitId: number, region: Region, endedOn: CalendarDate | null) {
    const sex = rng.chance(FEMALE_SHARE[a]) ? "FEMALE" : "MALE";
    const [from, to] = BIRTH_YEARS[a] ?? [1960, 1990];
    const leader = a === "PARTY_STANDING_DEPUTY" || a === "PARTY_CELL_SECRETARY";
    const fullName = personName(rng, sex, region).fullName;
    const row: CopyValue[] = [
      ++cadreId, fullName, toSearchText(fullName), sex as Gender, rng.int(from, to), mobilePhone(rng), leader || rng.chance(0.85), position, unitId, endedOn, now,
    ];
    yield row;
    return { cadreId, fullName };
  }
  function membership(orgId: number, m: Member, start: CalendarDate, end: CalendarDate | null) {
    feeds.memberships.line([++membershipId, orgId, m.cadreId, m.role, m.representing, start, end ?? "\\N"].join("\t"));
  }
  function trainings(c: PeopleCommune, cadre: number) {
    if (!rng.chance(0.3)) return;
    const organisers = [`Ban Dân vận Huyện ủy ${c.districtName}`, `Trung tâm Chính trị huyện ${c.districtName}`, `Ban Dân vận Tỉnh ủy ${c.provinceName}`];
    for (const course of rng.sample(COURSES, rng.int(1, 2))) {
      const start = rng.int(-365, lastIdx - 10);
      const startOn = addDays(windowStart, start);
      const result = rng.weighted([["Hoàn thành tốt", 50], ["Hoàn thành", 35], ["Xuất sắc", 15]] as const);
      feeds.trainings.line([++trainingId, cadre, copyField(course), copyField(rng.pick(organisers)), startOn, addDays(startOn, rng.int(1, 4)), copyField(result)].join("\t"));
    }
  }

  for (const c of communes) {
    // The bloc: its head (the standing deputy secretary, or the Front's chair), the Front, the unions.
    const blocStart = termStart();
    const headA: Affiliation = rng.chance(0.9) ? "PARTY_STANDING_DEPUTY" : "FATHERLAND_FRONT";
    const blocRoles: [Affiliation, MembershipRole][] = [[headA, "HEAD"], ["FATHERLAND_FRONT", "DEPUTY"]];
    for (const a of BLOC_MEMBERS) if (rng.chance(0.88)) blocRoles.push([a, "MEMBER"]);
    const bloc: Member[] = [];
    for (const [a, role] of blocRoles) {
      const position = communePosition(a, c.unit, role === "DEPUTY" && headA === "FATHERLAND_FRONT");
      const made = yield* person(a, position, c.unit.id, c.region, null);
      const m: Member = { cadreId: made.cadreId, name: made.fullName, role, representing: a, from: -1, to: NEVER };
      membership(c.blocId, m, blocStart, null);
      bloc.push(m);
      trainings(c, made.cadreId);
    }
    rosters.blocs.push(bloc);

    for (const v of c.villages) {
      const start = termStart();
      const headA: Affiliation = rng.chance(0.94) ? "PARTY_CELL_SECRETARY" : "VILLAGE_HEAD";
      const size = rng.int(3, 5);
      const pool: Affiliation[] = headA === "PARTY_CELL_SECRETARY" ? ["VILLAGE_HEAD"] : [];
      if (rng.chance(0.9)) pool.push("FATHERLAND_FRONT");
      const rest = rng.shuffle(headA === "PARTY_CELL_SECRETARY" ? TEAM_UNIONS : [...TEAM_UNIONS, "FATHERLAND_FRONT" as Affiliation].filter((a) => !pool.includes(a)));
      const roles: [Affiliation, MembershipRole][] = [[headA, "HEAD"], ...[...pool, ...rest].slice(0, size).map((a): [Affiliation, MembershipRole] => [a, "MEMBER"])];
      // One team in twenty changes head during the window: the old head's term ends, and their service.
      const change = rng.chance(0.05) ? rng.int(30, Math.max(31, lastIdx - 30)) : null;
      const team: Member[] = [];
      for (const [a, role] of roles) {
        const replaced = role === "HEAD" && change !== null;
        const ended = replaced ? table.days[change - 1] : null;
        const made = yield* person(a, villagePosition(a, v), v.id, c.region, ended);
        const m: Member = { cadreId: made.cadreId, name: made.fullName, role, representing: a, from: -1, to: replaced ? change - 1 : NEVER };
        membership(v.teamId, m, start, ended);
        team.push(m);
        trainings(c, made.cadreId);
        if (replaced) {
          const next = yield* person(a, villagePosition(a, v), v.id, c.region, null);
          const n: Member = { cadreId: next.cadreId, name: next.fullName, role, representing: a, from: change, to: NEVER };
          membership(v.teamId, n, table.days[change], null);
          team.push(n);
        }
      }
      rosters.teams[v.index] = team;
    }
  }
  feeds.memberships.end();
  feeds.trainings.end();
}

const ATTENDANCE: [AttendanceStatus, number][] = [["PRESENT", 85], ["EXCUSED", 9], ["ABSENT", 6]];

export interface MeetingIndex {
  /** The team meeting of village index v in month m: id at v * months + m (0 = none), and its day index. */
  teamMeetingId: Int32Array;
  teamMeetingDay: Int32Array;
  months: number;
}

/**
 * Meetings, oldest month first within each commune, with their attendance into `attendance`:
 * team meetings, the bloc's monthly meeting, the quarterly briefing. Fills `index` with each
 * team's meeting per month, for the petitions raised there.
 */
export function* meetingRows(
  rng: Random,
  communes: readonly PeopleCommune[],
  rosters: Rosters,
  table: DayTable,
  months: readonly Month[],
  lastIdx: number,
  attendance: CopyFeed,
  index: MeetingIndex,
): Generator<CopyValue[]> {
  let meetingId = 0;
  let attendanceId = 0;
  const provinceRate = new Map<number, number>();
  const rateOf = (p: number) => {
    if (!provinceRate.has(p)) provinceRate.set(p, 0.8 + 0.17 * rng.next());
    return provinceRate.get(p)!;
  };
  const monthStart = months.map((m) => table.days.indexOf(m.first));
  const daysIn = months.map((m) => Number(m.last.slice(8, 10)));
  const dayIn = (mi: number, from: number, to: number) => monthStart[mi] + Math.min(daysIn[mi], Math.max(1, rng.int(from, to))) - 1;
  const workingDayIn = (mi: number, from: number, to: number) => {
    let d = dayIn(mi, from, to);
    while (!table.isWorking(d)) d++;
    return d;
  };
  /** Recorded the morning after, or that evening when the morning is still to come. */
  const recordedAt = (d: number) => (d + 1 <= lastIdx ? table.at(d + 1, rng.int(450, 660)) : table.at(d, rng.int(1260, 1320)));
  const present = (members: Member[], day: number) => members.filter((m) => m.from <= day && day <= m.to);
  const attend = (id: number, members: Member[], chairId: number) => {
    let here = 0;
    for (const m of members) {
      const status = m.cadreId === chairId ? "PRESENT" : rng.weighted(ATTENDANCE);
      if (status === "PRESENT") here++;
      attendance.line(`${++attendanceId}\t${id}\t${m.cadreId}\t${status}`);
    }
    return here;
  };

  for (let ci = 0; ci < communes.length; ci++) {
    const c = communes[ci];
    const rate = rateOf(c.provinceIndex);
    const communeName = `${c.unit.typeLabel.toLowerCase()} ${c.unit.name}`;
    for (const v of c.villages) {
      const team = rosters.teams[v.index];
      const teamRate = Math.min(0.995, rate + (rng.next() - 0.5) * 0.1);
      const preferred = rng.int(5, 24);
      const place = `Nhà văn hóa ${v.typeLabel.toLowerCase()} ${v.name}`;
      const teamName = `Tổ dân vận ${v.typeLabel} ${v.name}`;
      for (let mi = 0; mi < months.length; mi++) {
        const day = dayIn(mi, preferred - 3, preferred + 3);
        if (day > lastIdx || !rng.chance(teamRate)) continue;
        const m = months[mi];
        const members = present(team, day);
        const head = members.find((x) => x.role === "HEAD") ?? members[0];
        const id = ++meetingId;
        const here = attend(id, members, head.cadreId);
        index.teamMeetingId[v.index * index.months + mi] = id;
        index.teamMeetingDay[v.index * index.months + mi] = day;
        const topic = SEASONAL[m.month];
        const prev = m.month === 1 ? `12/${m.year - 1}` : `${m.month - 1}/${m.year}`;
        const at = recordedAt(day);
        yield [
          id, "TEAM_MONTHLY", v.teamId, v.id, table.days[day], place, head.name,
          `1. Đánh giá kết quả công tác dân vận tháng ${prev}.\n2. Nắm tình hình tư tưởng, nguyện vọng, kiến nghị của Nhân dân.\n3. Triển khai nhiệm vụ tháng ${m.month}/${m.year}: ${topic}.`,
          `${teamName} sinh hoạt lúc 19 giờ 30 ngày ${viDate(table.days[day])} tại ${place}, có ${here}/${members.length} thành viên dự, đồng chí ${head.name} chủ trì. Tổ thống nhất ${topic}.`,
          c.staffId, at, at,
        ];
      }
    }

    const bloc = rosters.blocs[ci];
    const head = bloc[0];
    const hall = `Hội trường Đảng ủy ${communeName}`;
    for (let mi = 0; mi < months.length; mi++) {
      const m = months[mi];
      const day = workingDayIn(mi, 2, 8);
      if (day > lastIdx) continue;
      const id = ++meetingId;
      const here = attend(id, bloc, head.cadreId);
      const at = recordedAt(day);
      yield [
        id, "BLOC", c.blocId, c.unit.id, table.days[day], hall, head.name,
        `1. Kết quả công tác dân vận và giải quyết kiến nghị của Nhân dân tháng trước.\n2. Tình hình các tổ dân vận.\n3. Phân công nhiệm vụ tháng ${m.month}/${m.year}: ${SEASONAL[m.month]}.`,
        `Khối dân vận ${communeName} họp ngày ${viDate(table.days[day])}, có ${here}/${bloc.length} thành viên dự.`,
        c.staffId, at, at,
      ];
      if (m.month % 3 !== 0) continue;
      const briefing = workingDayIn(mi, 20, 28);
      if (briefing > lastIdx) continue;
      // The bloc with each team's head, village head and Front representative.
      const attendees = [
        ...bloc,
        ...c.villages.flatMap((v) => present(rosters.teams[v.index], briefing).filter((x) => x.role === "HEAD" || x.representing === "VILLAGE_HEAD" || x.representing === "FATHERLAND_FRONT")),
      ];
      const bid = ++meetingId;
      const count = attend(bid, attendees, head.cadreId);
      const bat = recordedAt(briefing);
      yield [
        bid, "QUARTERLY_BRIEFING", null, c.unit.id, table.days[briefing], hall, head.name,
        `Giao ban công tác dân vận quý ${m.month / 3}/${m.year} giữa Đảng ủy ${communeName} với bí thư chi bộ, trưởng thôn, trưởng ban công tác Mặt trận các khu dân cư.`,
        `Hội nghị giao ban quý ${m.month / 3}/${m.year} có ${count}/${attendees.length} đại biểu dự.`,
        c.staffId, bat, bat,
      ];
    }
  }
  attendance.end();
}
