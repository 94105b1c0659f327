import type { UpdatePlanBody } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { planIssuers, planMilestones, planSourceLinks, planTargets, planTasks, plans } from "../plans.table";
import { loadManagedPlan } from "../plans.queries";
import { checkPlan, insertPlanParts } from "./create-plan";

/**
 * Replaces a plan's content (number, title, period, issuers, tasks, milestones, targets) as a
 * whole, audited with what changed in size. The unit stays; progress is recomputed on read.
 */
export async function updatePlan(db: Db, actor: Actor, id: string, body: UpdatePlanBody): Promise<void> {
  const plan = await loadManagedPlan(db, actor, id);
  const issues = await checkPlan(db, actor, body, plan.unitPath);
  if (issues.length) throw validationFailed(issues);
  const [dup] = await queryRows<{ id: string }>(
    db,
    sql`select id from plans where org_unit_id = ${plan.orgUnitId} and number = ${body.number} and id <> ${id}`,
  );
  if (dup) throw conflict("Đơn vị đã có kế hoạch cùng số hiệu");
  await db.transaction(async (tx) => {
    await tx
      .update(plans)
      .set({
        number: body.number,
        title: body.title,
        issuedOn: body.issuedOn,
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
        kind: body.kind,
      })
      .where(eq(plans.id, id));
    await tx.delete(planIssuers).where(eq(planIssuers.planId, id));
    await tx.delete(planSourceLinks).where(eq(planSourceLinks.planId, id));
    await tx.delete(planTasks).where(eq(planTasks.planId, id));
    await tx.delete(planMilestones).where(eq(planMilestones.planId, id));
    await tx.delete(planTargets).where(eq(planTargets.planId, id));
    await insertPlanParts(tx, id, body);
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "plan.updated",
      entityType: "plan",
      entityId: id,
      orgUnitId: plan.orgUnitId,
      data: {
        before: {
          number: plan.number,
          title: plan.title,
          periodFrom: plan.periodFrom,
          periodTo: plan.periodTo,
        },
        after: {
          number: body.number,
          title: body.title,
          periodFrom: body.periodFrom,
          periodTo: body.periodTo,
        },
        tasks: body.tasks.length,
        milestones: body.milestones.length,
        targets: body.targets.length,
      },
    });
  });
}

/** Deletes a plan and its parts, audited with its number and title. */
export async function deletePlan(db: Db, actor: Actor, id: string): Promise<void> {
  const plan = await loadManagedPlan(db, actor, id);
  await db.transaction(async (tx) => {
    // Issuers, tasks, milestones and targets go with it (on delete cascade).
    await tx.delete(plans).where(eq(plans.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "plan.deleted",
      entityType: "plan",
      entityId: id,
      orgUnitId: plan.orgUnitId,
      data: { number: plan.number, title: plan.title },
    });
  });
}
