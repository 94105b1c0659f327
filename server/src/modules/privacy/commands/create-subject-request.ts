import { randomUUID } from "node:crypto";
import {
  clockNow,
  dueAfterHours,
  SUBJECT_REQUEST_CLOCKS,
  type CreateSubjectRequestBody,
  type SubjectRequestDetail,
} from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { loadUnit } from "../../org-units";
import { requestAad } from "../privacy.policy";
import { requestDetail } from "../privacy.queries";
import { privacyRequests } from "../privacy.table";

/**
 * Records a data subject's request at the officer's unit: the clock starts at its receipt (72
 * hours, SUBJECT_REQUEST_CLOCKS); who the person is and what they ask are sealed.
 */
export async function createSubjectRequest(
  db: Db,
  env: Envelope,
  actor: Actor,
  body: CreateSubjectRequestBody,
): Promise<SubjectRequestDetail> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "privacy.manage", scope: "path" });
  const id = randomUUID();
  const receivedAt = body.receivedAt ? new Date(body.receivedAt).toISOString() : clockNow().toISOString();
  const dueAt = dueAfterHours(receivedAt, SUBJECT_REQUEST_CLOCKS[body.kind].hours);
  await db.transaction(async (tx) => {
    await tx.insert(privacyRequests).values({
      id,
      orgUnitId: unit.id,
      rollupPath: unit.path,
      kind: body.kind,
      channel: body.channel,
      receivedAt: new Date(receivedAt),
      dueAt: new Date(dueAt),
      identityCheckedBy: body.identityCheckedBy,
      subjectSealed: env.seal(JSON.stringify(body.subject), requestAad(id, "subject")),
      detailsSealed: body.details ? env.seal(body.details, requestAad(id, "details")) : null,
      createdBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.request_created",
      entityType: "privacy_request",
      entityId: id,
      orgUnitId: unit.id,
      data: { kind: body.kind, channel: body.channel, receivedAt, dueAt },
    });
  });
  return requestDetail(db, env, actor, id);
}
