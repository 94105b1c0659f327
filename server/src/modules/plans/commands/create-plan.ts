import { indicatorOf, type ApiIssue, type CreatePlanBody, type UpdatePlanBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { idsInPath, loadUnit, provinceOf } from "../../org-units";
import { sourceReadable } from "../plan-sources.queries";
import { planIssuers, planMilestones, planSourceLinks, planTargets, planTasks, plans } from "../plans.table";

const ids = (list: string[]) =>
  sql.join(
    list.map((i) => sql`${i}`),
    sql`, `,
  );

/** Checks what the schema cannot: issuers, years, split bodies, pushed-down units. */
export async function checkPlan(
  db: Db,
  actor: Actor,
  body: UpdatePlanBody,
  unitPath: string,
): Promise<ApiIssue[]> {
  const issues: ApiIssue[] = [];
  const ancestors = idsInPath(unitPath);
  const issuers = await queryRows<{ id: string; kind: string }>(
    db,
    sql`select id, kind from bodies where id in (${ids(body.issuerBodyIds)}) and org_unit_id in (${ids(ancestors)})`,
  );
  const found = new Set(issuers.map((b) => b.id));
  body.issuerBodyIds.forEach((id, i) => {
    if (!found.has(id)) {
      issues.push({
        path: `issuerBodyIds.${i}`,
        message: "Cơ quan ban hành phải thuộc đơn vị của kế hoạch hoặc cấp trên",
      });
    }
  });
  if (body.kind === "coordination_programme" && issuers.length === body.issuerBodyIds.length) {
    // Signed by the police and one member organisation (or the Front), one body each.
    const kinds = issuers.map((b) => b.kind);
    const police = kinds.filter((k) => k === "police").length;
    const other = kinds.filter((k) => k !== "police" && k !== "steering" && k !== "grassroots_team").length;
    if (kinds.length !== 2 || police !== 1 || other !== 1) {
      issues.push({
        path: "issuerBodyIds",
        message: "Chương trình phối hợp do Công an và một tổ chức (Mặt trận hoặc đoàn thể) cùng ký",
      });
    }
  }
  if (body.sourceIds.length) {
    const readable = new Set(
      (
        await queryRows<{ id: string }>(
          db,
          sql`select s.id from plan_sources s where s.id in (${ids(body.sourceIds)}) and ${sourceReadable(actor)}`,
        )
      ).map((s) => s.id),
    );
    body.sourceIds.forEach((id, i) => {
      if (!readable.has(id)) {
        issues.push({ path: `sourceIds.${i}`, message: "Không tìm thấy văn bản chỉ đạo" });
      }
    });
  }
  const inPeriod = (y: number) => y >= body.periodFrom && y <= body.periodTo;
  body.milestones.forEach((m, i) => {
    if (!inPeriod(m.year)) {
      issues.push({ path: `milestones.${i}.year`, message: "Năm nằm ngoài thời kỳ của kế hoạch" });
    }
  });
  const pushed = body.targets.map((t) => t.orgUnitId).filter((x): x is string => !!x);
  const inside = pushed.length
    ? new Set(
        (
          await queryRows<{ id: string }>(
            db,
            sql`select id from org_units where id in (${ids(pushed)}) and path like ${`${unitPath}%`} and valid_to is null`,
          )
        ).map((u) => u.id),
      )
    : new Set<string>();
  body.targets.forEach((t, i) => {
    const ind = indicatorOf(t.indicator);
    if (!inPeriod(t.year)) {
      issues.push({ path: `targets.${i}.year`, message: "Năm nằm ngoài thời kỳ của kế hoạch" });
    }
    if (t.bodyKind && !ind.bodySplit) {
      issues.push({ path: `targets.${i}.bodyKind`, message: "Chỉ tiêu này không tách theo tổ chức" });
    }
    if (ind.unit === "rate" && t.value > 1) {
      issues.push({
        path: `targets.${i}.value`,
        message: "Tỷ lệ nhập dạng số thập phân từ 0 đến 1 (ví dụ 0,8 = 80%)",
      });
    }
    if (t.orgUnitId && !inside.has(t.orgUnitId)) {
      issues.push({ path: `targets.${i}.orgUnitId`, message: "Đơn vị phải thuộc phạm vi của kế hoạch" });
    }
  });
  return issues;
}

/** Creates a joint plan with its tasks, milestones and targets in one transaction. */
export async function createPlan(db: Db, actor: Actor, body: CreatePlanBody): Promise<string> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "plan.manage" });
  if (unit.validTo) {
    throw validationFailed([{ path: "orgUnitId", message: "Đơn vị đã hết hiệu lực" }]);
  }
  const issues = await checkPlan(db, actor, body, unit.path);
  if (issues.length) throw validationFailed(issues);
  const [dup] = await queryRows<{ id: string }>(
    db,
    sql`select id from plans where org_unit_id = ${unit.id} and number = ${body.number}`,
  );
  if (dup) throw conflict("Đơn vị đã có kế hoạch cùng số hiệu");
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({
        number: body.number,
        title: body.title,
        issuedOn: body.issuedOn,
        orgUnitId: unit.id,
        provinceId: provinceOf(unit.path),
        rollupPath: unit.path,
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
        kind: body.kind,
        createdBy: actor.accountId,
      })
      .returning({ id: plans.id });
    const planId = plan!.id;
    await insertPlanParts(tx, planId, body);
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "plan.created",
      entityType: "plan",
      entityId: planId,
      orgUnitId: unit.id,
      data: { number: body.number, tasks: body.tasks.length, targets: body.targets.length },
    });
    return planId;
  });
}

/** Issuers, source documents, numbered tasks, milestones and targets of a plan. */
export async function insertPlanParts(tx: Db, planId: string, body: UpdatePlanBody): Promise<void> {
  await tx.insert(planIssuers).values(body.issuerBodyIds.map((bodyId) => ({ planId, bodyId })));
  const sourceIds = [...new Set(body.sourceIds)];
  if (sourceIds.length) {
    await tx.insert(planSourceLinks).values(sourceIds.map((sourceId) => ({ planId, sourceId })));
  }
  if (body.tasks.length) {
    await tx.insert(planTasks).values(body.tasks.map((t, i) => ({ planId, ordinal: i + 1, ...t })));
  }
  if (body.milestones.length) {
    await tx.insert(planMilestones).values(body.milestones.map((m, i) => ({ planId, ordinal: i + 1, ...m })));
  }
  if (body.targets.length) {
    await tx.insert(planTargets).values(body.targets.map((t, i) => ({ planId, ordinal: i + 1, ...t })));
  }
}
