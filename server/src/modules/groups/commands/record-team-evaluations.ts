import {
  GROUP_RATING_LABELS,
  withinExcellentCap,
  type ApiIssue,
  type RecordTeamEvaluationsBody,
  type TeamEvaluationCapCounts,
  type TeamRating,
} from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { refuseRestricted } from "../../citizen";
import { getVisibleGroup } from "../groups.queries";
import { groupEvaluations, groupYearRatings } from "../groups.table";
import type { RosterCrypto } from "../groups.crypto";
import { assertGrassrootsTeam, teamYearState, type TeamYearState } from "../team-evaluations.queries";

const NOT_RATEABLE = {
  too_short: (months: number, min: number) =>
    `Chưa đủ thời gian đánh giá: mới ${months} tháng trong năm đánh giá, cần đủ ${min} tháng (Hướng dẫn 01/HD-BCA-V05)`,
  left: () => "Đã rời tổ trước thời điểm đánh giá, không xếp loại",
};

/** Issues for subjects that may not be rated: not in the team this year, under 9 months, or gone. */
function eligibilityIssues(state: TeamYearState, body: RecordTeamEvaluationsBody): ApiIssue[] {
  const min = state.rules.minMonths;
  const issues: ApiIssue[] = [];
  if (body.teamRating && state.team.ineligible) {
    const why =
      state.team.ineligible === "left"
        ? "Tổ đã giải thể"
        : NOT_RATEABLE.too_short(state.team.monthsServed, min);
    issues.push({ path: "teamRating", message: why });
  }
  const members = new Map(state.members.map((m) => [m.memberId, m]));
  body.members.forEach((r, i) => {
    const m = members.get(r.memberId);
    if (!m) {
      issues.push({
        path: `members.${i}.memberId`,
        message: "Không phải thành viên của tổ trong năm đánh giá",
      });
    } else if (m.ineligible === "left") {
      issues.push({ path: `members.${i}.rating`, message: `${m.fullName}: ${NOT_RATEABLE.left()}` });
    } else if (m.ineligible) {
      issues.push({
        path: `members.${i}.rating`,
        message: `${m.fullName}: ${NOT_RATEABLE.too_short(m.monthsServed, min)}`,
      });
    }
  });
  return issues;
}

/** Excellent and good among this team's subjects once the batch is applied. */
function ownAfter(before: (TeamRating | null)[], after: (TeamRating | null)[]) {
  const count = (xs: (TeamRating | null)[], r: TeamRating) => xs.filter((x) => x === r).length;
  return {
    before: { excellent: count(before, "excellent"), good: count(before, "good") },
    after: { excellent: count(after, "excellent"), good: count(after, "good") },
  };
}

/**
 * Hướng dẫn 01/HD-BCA-V05: in the commune's area, those rated "Hoàn thành xuất sắc" may not exceed
 * 20 % of those rated "Hoàn thành tốt" (TEAM_EVALUATION_RULES: the reading of the base is [?]).
 * A batch is refused when the area ends over the cap and the batch made it worse (more excellent
 * or fewer good); a batch that leaves an already-exceeded area no worse goes through.
 */
function assertCap(
  what: "thành viên" | "tổ",
  area: string,
  counts: TeamEvaluationCapCounts,
  own: ReturnType<typeof ownAfter>,
  rules: TeamYearState["rules"],
): void {
  const excellent = counts.othersExcellent + own.after.excellent;
  const good = counts.othersGood + own.after.good;
  if (withinExcellentCap(excellent, good, rules)) return;
  if (own.after.excellent <= own.before.excellent && own.after.good >= own.before.good) return;
  const base = rules.capBasis === "good_or_better" ? excellent + good : good;
  const basis =
    rules.capBasis === "good_or_better" ? "Hoàn thành tốt nhiệm vụ trở lên" : "Hoàn thành tốt nhiệm vụ";
  throw conflict(
    `Vượt tỷ lệ xuất sắc: ${area} sẽ có ${excellent} ${what} ${GROUP_RATING_LABELS.excellent} trên ${base} ${what} ${basis}, ` +
      `quá ${rules.excellentCapPercent}% (Căn cứ: Hướng dẫn 01/HD-BCA-V05)`,
  );
}

/**
 * Records (or re-records) a grassroots team's ratings for an evaluation year: the team's own and
 * its members'. Rules of Hướng dẫn 01/HD-BCA-V05: the year 15/11 – 14/11; no rating under 9 months
 * served in it; the cap on "Hoàn thành xuất sắc" in the commune. One row per subject and year; the
 * audit event keeps each previous rating. The team's rating is also its `group_evaluations` row
 * for the year (what the detail, the stale list and the certification evidence read).
 */
export async function recordTeamEvaluations(
  db: Db,
  crypto: RosterCrypto,
  actor: Actor,
  groupId: string,
  body: RecordTeamEvaluationsBody,
): Promise<void> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  assertGrassrootsTeam(group);
  if (group.status === "dissolved") throw conflict("Tổ đã giải thể, không xếp loại");
  await db.transaction(async (tx) => {
    const state = await teamYearState(tx, group, body.year, crypto);
    // A member restricted at their request is not rated (decision 0017); the cap still counts them.
    await refuseRestricted(
      tx,
      "group_member",
      body.members.map((m) => m.memberId),
      "members",
    );
    const issues = eligibilityIssues(state, body);
    if (issues.length > 0) throw validationFailed(issues);

    const area = state.cap.areaName || "Địa bàn";
    const previous = (key: string) => state.recorded.get(key)?.rating ?? null;
    const next = new Map(body.members.map((m) => [m.memberId, m.rating]));
    const keys = state.members.map((m) => m.memberId);
    const members = ownAfter(
      keys.map(previous),
      keys.map((k) => next.get(k) ?? previous(k)),
    );
    assertCap("thành viên", area, state.cap.members, members, state.rules);
    const team = ownAfter([previous("")], [body.teamRating ?? previous("")]);
    assertCap("tổ", area, state.cap.teams, team, state.rules);

    const today = state.asOf; // the day of assessment (the year's last day, for a past year)
    const months = new Map(state.members.map((m) => [m.memberId, m.monthsServed]));
    const write = async (
      memberId: string | null,
      rating: TeamRating,
      monthsServed: number,
      evaluationId?: string,
    ) => {
      const existing = state.recorded.get(memberId ?? "");
      const values = {
        rating,
        monthsServed,
        evaluatedOn: today,
        evaluatedBy: actor.accountId,
        updatedAt: new Date(),
      };
      if (existing) {
        await tx.update(groupYearRatings).set(values).where(eq(groupYearRatings.id, existing.id));
      } else {
        await tx
          .insert(groupYearRatings)
          .values({ groupId, memberId, year: body.year, evaluationId, ...values });
      }
    };
    if (body.teamRating) {
      const linked = state.recorded.get("")?.evaluationId;
      const evaluation = {
        evaluatedOn: today,
        periodFrom: state.periodFrom,
        periodTo: state.periodTo,
        rating: body.teamRating,
      };
      if (linked) {
        await tx.update(groupEvaluations).set(evaluation).where(eq(groupEvaluations.id, linked));
      }
      const evaluationId = linked
        ? undefined
        : (
            await tx
              .insert(groupEvaluations)
              .values({ groupId, ...evaluation, evaluatedBy: actor.accountId })
              .returning()
          )[0]!.id;
      await write(null, body.teamRating, state.team.monthsServed, evaluationId);
    }
    for (const m of body.members) await write(m.memberId, m.rating, months.get(m.memberId)!);

    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.year_rated",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: {
        year: body.year,
        evaluatedOn: today,
        team: body.teamRating ? { rating: body.teamRating, previous: previous("") } : null,
        members: body.members.map((m) => ({
          memberId: m.memberId,
          rating: m.rating,
          previous: previous(m.memberId),
        })),
      },
    });
  });
}
