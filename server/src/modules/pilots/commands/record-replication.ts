import type { ApiIssue, PilotDetail, RecordReplicationBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { getVisibleGroup } from "../../groups";
import { loadUnit } from "../../org-units";
import { PILOT_UNIT_KINDS } from "../pilots.policy";
import { getPilotRow, pilotDetail } from "../pilots.queries";
import { pilotReplications } from "../pilots.table";

/**
 * Records that another unit took a pilot up ("nhân rộng"). A pilot is replicated after an evaluation
 * found it ready (409 otherwise), once per unit (409), never to itself (400).
 */
export async function recordReplication(
  db: Db,
  actor: Actor,
  pilotId: string,
  body: RecordReplicationBody,
): Promise<PilotDetail> {
  const pilot = await getPilotRow(db, actor, pilotId, "group.manage");
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "group.manage", scope: "rollup" });
  const issues: ApiIssue[] = [];
  if (unit.id === pilot.orgUnitId || !PILOT_UNIT_KINDS.includes(unit.kind)) {
    issues.push({ path: "orgUnitId", message: "Chọn xã, phường hoặc khu dân cư khác với điểm" });
  }
  if (body.groupId) {
    const group = await getVisibleGroup(db, actor, body.groupId);
    if (group.orgUnitId !== unit.id) {
      issues.push({ path: "groupId", message: "Mô hình không thuộc đơn vị nhân rộng" });
    }
  }
  if (issues.length) throw validationFailed(issues);
  const [ready] = await queryRows<{ result: string }>(
    db,
    sql`select result from pilot_evaluations where pilot_id = ${pilotId} and evaluated_on <= ${body.replicatedOn}::date
        order by evaluated_on desc, id desc limit 1`,
  );
  if (ready?.result !== "replicable") {
    throw conflict("Điểm chưa được đánh giá hiệu quả, đủ điều kiện nhân rộng vào ngày này");
  }
  const [taken] = await queryRows<{ id: string }>(
    db,
    sql`select id from pilot_replications where pilot_id = ${pilotId} and org_unit_id = ${unit.id}`,
  );
  if (taken) throw conflict("Đơn vị này đã được ghi nhận nhân rộng điểm");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pilotReplications)
      .values({
        pilotId,
        orgUnitId: unit.id,
        rollupPath: unit.rollupPath,
        replicatedOn: body.replicatedOn,
        groupId: body.groupId ?? null,
        note: body.note || null,
        recordedBy: actor.accountId,
      })
      .onConflictDoNothing()
      .returning({ id: pilotReplications.id });
    if (!row) throw conflict("Đơn vị này đã được ghi nhận nhân rộng điểm");
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "pilot.replicated",
      entityType: "pilot",
      entityId: pilotId,
      orgUnitId: pilot.orgUnitId,
      data: {
        replicationId: row.id,
        orgUnitId: unit.id,
        replicatedOn: body.replicatedOn,
        ...(body.groupId ? { groupId: body.groupId } : {}),
      },
    });
  });
  return pilotDetail(db, actor, pilotId);
}
