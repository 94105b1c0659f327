import type { CaseDetail, RecordReferralOutcomeBody } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { notFound, validationFailed } from "../../../kernel/errors";
import type { CaseCrypto } from "../cases.crypto";
import { caseReferrals } from "../cases.table";
import { dateIssues, type Issue } from "./help-rules";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/** What may follow: a pending referral is admitted or not (or the person absconds); an admitted one ends. */
const NEXT: Record<string, readonly string[]> = {
  pending: ["admitted", "not_admitted", "absconded"],
  admitted: ["completed", "absconded"],
};

/** The referral's next step, on or after its previous one. */
export async function recordReferralOutcome(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  referralId: string,
  body: RecordReferralOutcomeBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "manage");
  const [ref] = await queryRows<{ referredOn: string; outcome: string; outcomeOn: string | null }>(
    db,
    sql`select referred_on::text as "referredOn", outcome, outcome_on::text as "outcomeOn"
        from case_referrals where id = ${referralId} and case_id = ${id}`,
  );
  if (!ref) throw notFound();
  const issues: Issue[] = [];
  if (!(NEXT[ref.outcome] ?? []).includes(body.outcome)) {
    issues.push({
      path: "outcome",
      message: "Kết quả này không tiếp theo được tình trạng hiện tại của lần chuyển",
    });
  }
  issues.push(
    ...dateIssues(
      "outcomeOn",
      body.outcomeOn,
      ref.outcomeOn ?? ref.referredOn,
      "Ngày có kết quả trước bước trước",
    ),
  );
  if (issues.length) throw validationFailed(issues);
  await db.transaction(async (tx) => {
    await tx
      .update(caseReferrals)
      .set({ outcome: body.outcome, outcomeOn: body.outcomeOn })
      .where(eq(caseReferrals.id, referralId));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.referral_outcome_recorded",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { referralId, outcome: body.outcome, outcomeOn: body.outcomeOn },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi kết quả cai nghiện");
}
