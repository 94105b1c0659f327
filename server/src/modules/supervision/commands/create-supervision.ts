import type { CreateSupervisionBody, SupervisionDetail } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { loadUnit, provinceOf } from "../../org-units";
import { supervisionDetail } from "../supervision.queries";
import { supervisions } from "../supervision.table";

type Issue = { path: string; message: string };

/** Plans a supervision at a unit in the caller's scope: its subject, form, period and delegation. */
export async function createSupervision(
  db: Db,
  actor: Actor,
  body: CreateSupervisionBody,
): Promise<SupervisionDetail> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "supervision.manage", scope: "path" });
  const issues: Issue[] = [];
  if (unit.validTo) issues.push({ path: "orgUnitId", message: "Đơn vị không còn tồn tại" });
  if (body.subjectKind === "agency" && body.subjectBodyId) {
    const [b] = await queryRows<{ path: string }>(
      db,
      sql`select u.path from bodies b join org_units u on u.id = b.org_unit_id where b.id = ${body.subjectBodyId}`,
    );
    if (!b || !b.path.startsWith(unit.path)) {
      issues.push({ path: "subjectBodyId", message: "Cơ quan được giám sát phải thuộc địa bàn giám sát" });
    }
  }
  if (body.subjectKind === "plan" && body.subjectPlanId) {
    const [p] = await queryRows<{ path: string }>(
      db,
      sql`select rollup_path as path from plans where id = ${body.subjectPlanId}`,
    );
    if (!p || !(p.path.startsWith(unit.path) || unit.path.startsWith(p.path))) {
      issues.push({ path: "subjectPlanId", message: "Kế hoạch không thuộc địa bàn giám sát hoặc cấp trên" });
    }
  }
  if (issues.length) throw validationFailed(issues);
  const id = await db.transaction(async (tx) => {
    const [s] = await tx
      .insert(supervisions)
      .values({
        orgUnitId: unit.id,
        provinceId: provinceOf(unit.path),
        rollupPath: unit.path,
        title: body.title,
        subjectKind: body.subjectKind,
        subjectBodyId: body.subjectKind === "agency" ? body.subjectBodyId! : null,
        subjectPlanId: body.subjectKind === "plan" ? body.subjectPlanId! : null,
        content: body.content,
        form: body.form,
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
        decisionNumber: body.decisionNumber || null,
        decisionDate: body.decisionDate ?? null,
        members: body.members,
        createdBy: actor.accountId,
      })
      .returning({ id: supervisions.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "supervision.created",
      entityType: "supervision",
      entityId: s!.id,
      orgUnitId: unit.id,
      data: {
        title: body.title,
        subjectKind: body.subjectKind,
        form: body.form,
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
        decisionNumber: body.decisionNumber || null,
        members: body.members.length,
      },
    });
    return s!.id;
  });
  return supervisionDetail(db, actor, id);
}
