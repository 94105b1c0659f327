import type { ApiIssue, DesignatePilotBody, PilotDetail } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { getVisibleGroup } from "../../groups";
import { groupTypes } from "../../groups/groups.table";
import { loadUnit } from "../../org-units";
import { PILOT_UNIT_KINDS } from "../pilots.policy";
import { pilotDetail } from "../pilots.queries";
import { pilots } from "../pilots.table";

/**
 * Records the decision choosing a commune or ward, a residential area or a model as a pilot ("xây
 * dựng điểm") for a topic or model type. A model designated must be a self-management model of that
 * unit; the model type, when given, one of the catalogue's models.
 */
export async function designatePilot(db: Db, actor: Actor, body: DesignatePilotBody): Promise<PilotDetail> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "group.manage", scope: "rollup" });
  const issues: ApiIssue[] = [];
  if (!PILOT_UNIT_KINDS.includes(unit.kind)) {
    issues.push({
      path: "orgUnitId",
      message: "Chọn điểm là xã, phường hoặc khu dân cư (thôn, ấp, khu phố)",
    });
  }
  let typeCode = body.typeCode ?? null;
  if (body.groupId) {
    const group = await getVisibleGroup(db, actor, body.groupId, "group.manage");
    if (group.orgUnitId !== unit.id) {
      issues.push({ path: "groupId", message: "Mô hình không thuộc đơn vị được chọn làm điểm" });
    } else if (group.category !== "model") {
      issues.push({ path: "groupId", message: "Chỉ mô hình tự quản được chọn làm điểm" });
    }
    typeCode ??= group.typeCode;
  }
  if (typeCode) {
    const [type] = await db.select().from(groupTypes).where(eq(groupTypes.code, typeCode));
    if (!type || type.category !== "model") {
      issues.push({ path: "typeCode", message: "Loại mô hình không có trong danh mục" });
    }
  }
  if (issues.length) throw validationFailed(issues);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pilots)
      .values({
        orgUnitId: unit.id,
        rollupPath: unit.rollupPath,
        groupId: body.groupId ?? null,
        typeCode,
        topic: body.topic,
        decisionNumber: body.decisionNumber,
        decisionIssuer: body.decisionIssuer,
        decisionOn: body.decisionOn,
        note: body.note || null,
        createdBy: actor.accountId,
      })
      .returning({ id: pilots.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "pilot.designated",
      entityType: "pilot",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: {
        orgUnitId: unit.id,
        ...(body.groupId ? { groupId: body.groupId } : {}),
        ...(typeCode ? { typeCode } : {}),
        decisionNumber: body.decisionNumber,
        decisionOn: body.decisionOn,
      },
    });
    return row!.id;
  });
  return pilotDetail(db, actor, id);
}
