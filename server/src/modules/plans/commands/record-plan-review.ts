import { type ApiIssue, type RecordPlanReviewBody, todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { planProgress } from "../plan-progress";
import { getPlan, loadManagedPlan } from "../plans.queries";
import { planReviews } from "../plans.table";

/** Years of implementation a review needs: a five-year review closes the fifth year at the earliest. */
const MIN_SPAN = { yearly: 0, five_year: 4, ten_year: 9 } as const;

/**
 * Records a review of a plan: the yearly review (a coordination programme reviews every year), or
 * the five-year (sơ kết) and ten-year (tổng kết) review of how a source document was implemented.
 * The plan's targets are computed from the records on that day and kept with the findings.
 */
export async function recordPlanReview(
  db: Db,
  actor: Actor,
  planId: string,
  body: RecordPlanReviewBody,
): Promise<string> {
  const managed = await loadManagedPlan(db, actor, planId);
  const plan = await getPlan(db, actor, planId);
  const issues: ApiIssue[] = [];
  const source = body.sourceId ? plan.sources.find((s) => s.id === body.sourceId) : undefined;
  if (body.sourceId && !source) {
    issues.push({ path: "sourceId", message: "Kế hoạch không thực hiện văn bản này" });
  }
  if (body.kind === "yearly" && (body.year < plan.periodFrom || body.year > plan.periodTo)) {
    issues.push({ path: "year", message: "Năm nằm ngoài thời kỳ của kế hoạch" });
  }
  // Counted from the source's year when reviewing against a source, else from the plan's start.
  const start = source ? Number(source.issuedOn.slice(0, 4)) : plan.periodFrom;
  if (body.year - start < MIN_SPAN[body.kind]) {
    issues.push({
      path: "year",
      message:
        body.kind === "five_year"
          ? "Sơ kết 5 năm chỉ sau ít nhất 5 năm thực hiện"
          : "Tổng kết 10 năm chỉ sau ít nhất 10 năm thực hiện",
    });
  }
  const reviewedYear = Number(body.reviewedOn.slice(0, 4));
  if (reviewedYear < body.year || reviewedYear > body.year + 1) {
    issues.push({
      path: "reviewedOn",
      message: "Ngày sơ kết, tổng kết phải trong năm đánh giá hoặc năm sau",
    });
  }
  if (body.reviewedOn > todayInVietnam()) {
    issues.push({ path: "reviewedOn", message: "Ngày sơ kết, tổng kết không được sau hôm nay" });
  }
  if (body.reviewedOn < plan.issuedOn) {
    issues.push({ path: "reviewedOn", message: "Ngày sơ kết, tổng kết không được trước ngày ban hành" });
  }
  if (issues.length) throw validationFailed(issues);
  const [dup] = await queryRows<{ id: string }>(
    db,
    sql`select id from plan_reviews where plan_id = ${planId} and kind = ${body.kind} and year = ${body.year}`,
  );
  if (dup) throw conflict("Kế hoạch đã có đợt sơ kết, tổng kết này");
  const progress = await planProgress(db, plan, body.reviewedOn);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planReviews)
      .values({
        planId,
        kind: body.kind,
        year: body.year,
        reviewedOn: body.reviewedOn,
        sourceId: body.sourceId ?? null,
        findings: body.findings,
        figures: progress.targets,
        createdBy: actor.accountId,
      })
      .returning({ id: planReviews.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "plan.reviewed",
      entityType: "plan",
      entityId: planId,
      orgUnitId: managed.orgUnitId,
      data: { number: plan.number, kind: body.kind, year: body.year, sourceNumber: source?.number ?? null },
    });
    return row!.id;
  });
}
