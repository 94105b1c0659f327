import {
  addDays,
  GRASSROOTS_SECURITY_TEAM,
  TEAM_EVALUATION_RULES,
  evaluationYear,
  todayInVietnam,
  wholeMonthsServed,
  type TeamEvaluationCapCounts,
  type TeamEvaluationIneligibility,
  type TeamEvaluations,
  type TeamRating,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { isInScope, type Actor } from "../../kernel/authz";
import { conflict, validationFailed } from "../../kernel/errors";
import { restrictedIds } from "../citizen";
import { idsInPath } from "../org-units";
import { openMember, type RosterCrypto, type SealedMemberColumns } from "./groups.crypto";
import type { GroupDbRow } from "./groups.queries";

/**
 * The state of one grassroots team's evaluation year (Hướng dẫn 01/HD-BCA-V05): the period
 * 15/11 – 14/11, the months each member (and the team) served in it up to the time of assessment,
 * the ratings recorded, and the counts the 20 % cap on "Hoàn thành xuất sắc" is checked against.
 * Read by the GET route and, inside its transaction, by the command that records ratings.
 */

type RatingRow = {
  id: string;
  memberId: string | null;
  rating: TeamRating;
  evaluatedOn: string;
  evaluationId: string | null;
};
type MemberRow = SealedMemberColumns & {
  role: string | null;
  joinedOn: string;
  leftOn: string | null;
};

export type TeamYearState = Omit<TeamEvaluations, "can"> & {
  /** The recorded rows of this team and year, by member id ("" for the team itself). */
  recorded: Map<string, RatingRow>;
  /** The path prefix of the area the cap counts in. */
  areaPath: string;
  /** Members restricted at their request (decision 0017): left out of the answer, counted in the cap. */
  restricted: Set<string>;
};

/** Only the grassroots security team is rated by year (Law 30/2023/QH15; Hướng dẫn 01/HD-BCA-V05). */
export function assertGrassrootsTeam(group: GroupDbRow): void {
  if (group.typeCode !== GRASSROOTS_SECURITY_TEAM) {
    throw conflict(
      "Chỉ Tổ bảo vệ an ninh, trật tự ở cơ sở được đánh giá, xếp loại theo năm (Hướng dẫn 01/HD-BCA-V05)",
    );
  }
}

/**
 * The area the cap counts in: the commune the team's records roll up into ("số Tổ, thành viên trên
 * địa bàn quản lý" of the commune People's Committee Chairman) — the first three ids of the rollup
 * path (country, province, commune); a team at a province-level unit counts in that unit.
 */
function capArea(group: GroupDbRow): { id: string; path: string } {
  const ids = idsInPath(group.rollupPath).slice(0, 3);
  return { id: ids[ids.length - 1]!, path: `/${ids.join("/")}/` };
}

/** Months served in [from, asOf] between a start and a (half-open) end, and why not rateable. */
function service(
  start: string,
  end: string | null,
  period: { from: string; asOf: string },
  min: number,
): { monthsServed: number; ineligible: TeamEvaluationIneligibility | null } {
  const from = start > period.from ? start : period.from;
  const left = end !== null && end <= period.asOf;
  const to = left ? addDays(end, -1) : period.asOf;
  const monthsServed = wholeMonthsServed(from, to);
  return { monthsServed, ineligible: left ? "left" : monthsServed < min ? "too_short" : null };
}

async function capCounts(
  db: Db,
  groupId: string,
  areaPath: string,
  year: number,
): Promise<{ teams: TeamEvaluationCapCounts; members: TeamEvaluationCapCounts }> {
  const rows = await queryRows<{ team: boolean; own: boolean; rating: string; n: string | number }>(
    db,
    sql`select r.member_id is null as team, r.group_id = ${groupId} as own, r.rating, count(*) as n
        from group_year_ratings r join groups g on g.id = r.group_id
        where r.year = ${year} and g.type_code = ${GRASSROOTS_SECURITY_TEAM}
          and g.rollup_path like ${`${areaPath}%`} and r.rating in ('excellent', 'good')
        group by 1, 2, 3`,
  );
  const counts = (team: boolean): TeamEvaluationCapCounts => {
    const n = (own: boolean, rating: string) =>
      Number(rows.find((r) => r.team === team && r.own === own && r.rating === rating)?.n ?? 0);
    return {
      othersExcellent: n(false, "excellent"),
      othersGood: n(false, "good"),
      ownExcellent: n(true, "excellent"),
      ownGood: n(true, "good"),
    };
  };
  return { teams: counts(true), members: counts(false) };
}

/** The team's evaluation year as of today; 400 for a year that has not started. */
export async function teamYearState(
  db: Db,
  group: GroupDbRow,
  year: number,
  /** Opens the members' names (they name a member in the answer and in refusals). */
  crypto?: RosterCrypto,
): Promise<TeamYearState> {
  assertGrassrootsTeam(group);
  const ey = evaluationYear(year);
  const today = todayInVietnam();
  if (today < ey.from) {
    throw validationFailed([{ path: "year", message: "Năm đánh giá chưa bắt đầu" }]);
  }
  const asOf = today < ey.to ? today : ey.to;
  const min = TEAM_EVALUATION_RULES.minMonths;
  const period = { from: ey.from, asOf };
  const area = capArea(group);
  const [members, ratings, [areaRow], cap] = await Promise.all([
    queryRows<MemberRow>(
      db,
      sql`select id, full_name as "fullName", full_name_sealed as "fullNameSealed",
            ethnicity_sealed as "ethnicitySealed", religion_sealed as "religionSealed", notes_sealed as "notesSealed",
            role, joined_on::text as "joinedOn", left_on::text as "leftOn"
          from group_members where group_id = ${group.id} and joined_on <= ${asOf}::date
            and (left_on is null or left_on > ${ey.from}::date)
          order by joined_on, id`,
    ),
    queryRows<RatingRow>(
      db,
      sql`select id, member_id as "memberId", rating, evaluated_on::text as "evaluatedOn",
            evaluation_id as "evaluationId"
          from group_year_ratings where group_id = ${group.id} and year = ${year}`,
    ),
    queryRows<{ name: string }>(db, sql`select full_name as name from org_units where id = ${area.id}`),
    capCounts(db, group.id, area.path, year),
  ]);
  const recorded = new Map(ratings.map((r) => [r.memberId ?? "", r]));
  const restricted = await restrictedIds(
    db,
    "group_member",
    members.map((m) => m.id),
  );
  const rated = (key: string) => ({
    rating: recorded.get(key)?.rating ?? null,
    evaluatedOn: recorded.get(key)?.evaluatedOn ?? null,
  });
  return {
    groupId: group.id,
    year,
    periodFrom: ey.from,
    periodTo: ey.to,
    asOf,
    team: { ...service(group.foundedOn, group.dissolvedOn, period, min), ...rated("") },
    members: members.map((m) => ({
      memberId: m.id,
      fullName: crypto && !restricted.has(m.id) ? openMember(crypto, m).fullName : "",
      role: m.role,
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
      ...service(m.joinedOn, m.leftOn, period, min),
      ...rated(m.id),
    })),
    rules: {
      minMonths: min,
      excellentCapPercent: TEAM_EVALUATION_RULES.excellentCapPercent,
      capBasis: TEAM_EVALUATION_RULES.capBasis,
      capVerified: TEAM_EVALUATION_RULES.capVerified,
      basis: TEAM_EVALUATION_RULES.basis,
    },
    cap: { areaId: area.id, areaName: areaRow?.name ?? "", ...cap },
    recorded,
    areaPath: area.path,
    restricted,
  };
}

/** Whether the actor may record this team's ratings: group.manage over its unit, not dissolved. */
export function mayRecordTeamEvaluations(actor: Actor, group: GroupDbRow): boolean {
  return (
    group.typeCode === GRASSROOTS_SECURITY_TEAM &&
    group.status !== "dissolved" &&
    isInScope(actor, "group.manage", group.rollupPath)
  );
}
