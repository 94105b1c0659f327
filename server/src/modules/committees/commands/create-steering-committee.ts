import type { CreateSteeringCommitteeBody, SteeringCommitteeDetail } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import { COMMITTEE_UNIT_KINDS } from "../committees.policy";
import { committeeDetail } from "../committees.queries";
import { committeeMembers, steeringCommittees } from "../committees.table";

/** Records the decision establishing or consolidating a committee, with the members it names. */
export async function createSteeringCommittee(
  db: Db,
  actor: Actor,
  body: CreateSteeringCommitteeBody,
): Promise<SteeringCommitteeDetail> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "committee.manage", scope: "path" });
  const issues = [];
  if (unit.validTo || !COMMITTEE_UNIT_KINDS.includes(unit.kind)) {
    issues.push({
      path: "orgUnitId",
      message: "Ban Chỉ đạo được lập ở xã, phường hoặc tỉnh, thành phố hiện hành",
    });
  }
  if (body.members.filter((m) => m.role === "head").length > 1) {
    issues.push({ path: "members", message: "Ban Chỉ đạo chỉ có một Trưởng ban" });
  }
  if (issues.length) throw validationFailed(issues);
  const id = await db.transaction(async (tx) => {
    const [c] = await tx
      .insert(steeringCommittees)
      .values({
        orgUnitId: unit.id,
        rollupPath: unit.path,
        name: body.name,
        decisionKind: body.decisionKind,
        decisionNumber: body.decisionNumber,
        decisionOn: body.decisionOn,
        decisionIssuer: body.decisionIssuer,
        createdBy: actor.accountId,
      })
      .returning({ id: steeringCommittees.id });
    if (body.members.length) {
      await tx
        .insert(committeeMembers)
        .values(body.members.map((m) => ({ committeeId: c!.id, ...m, area: m.area || null })));
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "committee.created",
      entityType: "steering_committee",
      entityId: c!.id,
      orgUnitId: unit.id,
      data: {
        decisionKind: body.decisionKind,
        decisionNumber: body.decisionNumber,
        decisionOn: body.decisionOn,
        members: body.members.length,
      },
    });
    return c!.id;
  });
  return committeeDetail(db, actor, id);
}
