import type { CaseDetail, RecordCommunitySessionBody } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { caseCommunitySessions } from "../cases.table";
import { dateIssues, type Issue } from "./help-rules";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/**
 * A session of education before the residential community (reprimand and criticism, "cảm hóa, giáo
 * dục trước cộng đồng dân cư"): who presided, where, and the person's commitments (sealed). The
 * domain rules hold no text for it [?]: modelled on the Front's practice in the seed articles.
 */
export async function recordCommunitySession(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: RecordCommunitySessionBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "report");
  const issues: Issue[] = [];
  if (row.kind !== "community_reprimand") {
    issues.push({
      path: "heldOn",
      message: "Chỉ hồ sơ giáo dục tại cộng đồng mới ghi buổi giáo dục trước cộng đồng",
    });
  }
  issues.push(
    ...dateIssues(
      "heldOn",
      body.heldOn,
      row.releaseOrDecisionDate,
      "Ngày tổ chức trước ngày đưa vào quản lý",
    ),
  );
  if (issues.length) throw validationFailed(issues);
  const sessionId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(caseCommunitySessions).values({
      id: sessionId,
      caseId: id,
      rollupPath: row.rollupPath,
      heldOn: body.heldOn,
      presidedBy: body.presidedBy,
      venue: body.venue,
      attendees: body.attendees ?? null,
      commitmentsSealed: crypto.envelope.seal(body.commitments, aad(id, `community:${sessionId}`)),
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.community_session_recorded",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { sessionId, heldOn: body.heldOn, presidedBy: body.presidedBy },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi buổi giáo dục trước cộng đồng");
}
