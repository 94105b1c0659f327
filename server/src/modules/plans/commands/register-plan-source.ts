import type { CreatePlanSourceBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import { sourceReadable } from "../plan-sources.queries";
import { planSources } from "../plans.table";

/**
 * Registers a source document (a Party directive or programme, a project, a higher plan) at a unit
 * the actor manages plans for, optionally as implementing another source the actor can read.
 */
export async function registerPlanSource(db: Db, actor: Actor, body: CreatePlanSourceBody): Promise<string> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "plan.manage" });
  if (unit.validTo) {
    throw validationFailed([{ path: "orgUnitId", message: "Đơn vị đã hết hiệu lực" }]);
  }
  if (body.implementsId) {
    const [parent] = await queryRows<{ issuedOn: string }>(
      db,
      sql`select s.issued_on::text as "issuedOn" from plan_sources s
          where s.id = ${body.implementsId} and ${sourceReadable(actor)}`,
    );
    if (!parent) {
      throw validationFailed([{ path: "implementsId", message: "Không tìm thấy văn bản cấp trên" }]);
    }
    if (parent.issuedOn > body.issuedOn) {
      throw validationFailed([
        { path: "issuedOn", message: "Văn bản thực hiện không thể ban hành trước văn bản cấp trên" },
      ]);
    }
  }
  const [dup] = await queryRows<{ id: string }>(
    db,
    sql`select id from plan_sources where org_unit_id = ${unit.id} and number = ${body.number}
        and issued_on = ${body.issuedOn}`,
  );
  if (dup) throw conflict("Văn bản này đã được đăng ký tại đơn vị");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planSources)
      .values({
        kind: body.kind,
        number: body.number,
        issuedOn: body.issuedOn,
        issuer: body.issuer,
        title: body.title,
        level: body.level,
        implementsId: body.implementsId ?? null,
        orgUnitId: unit.id,
        rollupPath: unit.path,
        createdBy: actor.accountId,
      })
      .returning({ id: planSources.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "plan.source_registered",
      entityType: "plan_source",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: { kind: body.kind, number: body.number, issuer: body.issuer },
    });
    return row!.id;
  });
}
