import type { CaseDetail, RecordReferralBody } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { caseReferrals } from "../cases.table";
import { dateIssues, type Issue } from "./help-rules";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/**
 * A drug user referred to rehabilitation — voluntary (at home, in the community, or at a facility)
 * or compulsory — by the commune police or case officer (Law on Drug Prevention 2021 and Decree
 * 116/2021 [?]: not in the domain rules). One referral at a time: a new one only once the previous
 * one has ended (completed, absconded, not admitted).
 */
export async function recordReferral(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: RecordReferralBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "manage");
  const issues: Issue[] = [];
  if (row.kind !== "drug_user") {
    issues.push({
      path: "mode",
      message: "Chỉ hồ sơ người sử dụng trái phép chất ma túy mới chuyển đi cai nghiện",
    });
  }
  issues.push(
    ...dateIssues(
      "referredOn",
      body.referredOn,
      row.releaseOrDecisionDate,
      "Ngày chuyển trước ngày đưa vào quản lý",
    ),
  );
  const [open] = await queryRows<{ id: string }>(
    db,
    sql`select id from case_referrals where case_id = ${id} and outcome in ('pending', 'admitted') limit 1`,
  );
  if (open) {
    issues.push({ path: "referredOn", message: "Lần chuyển cai nghiện trước chưa kết thúc" });
  }
  if (issues.length) throw validationFailed(issues);
  const referralId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(caseReferrals).values({
      id: referralId,
      caseId: id,
      rollupPath: row.rollupPath,
      referredOn: body.referredOn,
      mode: body.mode,
      facility: body.facility,
      decisionNumber: body.decisionNumber ?? null,
      notesSealed: body.notes ? crypto.envelope.seal(body.notes, aad(id, `referral:${referralId}`)) : null,
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.referral_recorded",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { referralId, mode: body.mode, referredOn: body.referredOn, facility: body.facility },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi chuyển cai nghiện");
}
