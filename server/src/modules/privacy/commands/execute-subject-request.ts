import {
  clockNow,
  PROCESSING_EXCEPTION_LABELS,
  REQUEST_KIND_ACTIONS,
  type ExecuteSubjectRequestBody,
  type PersonActionContext,
  type PersonRecord,
  type RecordActionResult,
  type SubjectRequestDetail,
} from "@toandan/contracts";
import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, forbidden, validationFailed } from "../../../kernel/errors";
import { contactIndexFor } from "../../citizen";
import { actOnCommendationPersonRecord } from "../../commendations";
import { actOnFeedbackPersonRecord } from "../../feedback";
import { actOnGroupPersonRecord, rosterCryptoFor } from "../../groups";
import { actOnHouseholdPersonRecord } from "../../households";
import { actOnTipPersonRecord } from "../../tips";
import { managesAt } from "../privacy.policy";
import { getRequestRow, openSubject, requestDetail } from "../privacy.queries";
import { privacyRequestActions, privacyRequests } from "../privacy.table";
import { findAllRecords } from "./search-person-records";

type Provider = (tx: Db, ctx: PersonActionContext, id: string) => Promise<RecordActionResult>;

/** Each records module's action on its own records, through its index (cases have none: they stay). */
function providers(app: FastifyInstance): Record<string, Provider> {
  const ci = contactIndexFor(app);
  return {
    households: actOnHouseholdPersonRecord,
    groups: (tx, ctx, id) => actOnGroupPersonRecord(tx, rosterCryptoFor(app), ctx, id),
    commendations: actOnCommendationPersonRecord,
    tips: (tx, ctx, id) => actOnTipPersonRecord(tx, app.envelope, ci, ctx, id),
    feedback: (tx, ctx, id) => actOnFeedbackPersonRecord(tx, app.envelope, ci, ctx, id),
  };
}

const SEALED_ACCESS_VI = "Phần nội dung niêm phong do đơn vị quản lý cung cấp theo quy định.";

/** A record the finder marked as staying: kept, with its ground and the reason given to the person. */
const kept = (r: PersonRecord): RecordActionResult => ({
  outcome: "kept",
  exception: r.exception,
  reasonVi: r.exceptionReasonVi ?? (r.exception ? PROCESSING_EXCEPTION_LABELS[r.exception].vi : null),
});

/**
 * Carries out a request on every record found about the person, once, after the officer confirmed:
 * a deletion de-identifies each record no legal exception covers (the modules keep rows, so counts
 * and rollups stay), a restriction or objection stops what each module can stop, a correction sets
 * the corrected values, an access request discloses (the export). Records the State keeps for crime
 * prevention or by law stay, each with its reason. One transaction: every module's write, its audit
 * event, the per-record outcomes and the request's own event commit together.
 */
export async function executeSubjectRequest(
  app: FastifyInstance,
  db: Db,
  actor: Actor,
  id: string,
  body: ExecuteSubjectRequestBody,
): Promise<SubjectRequestDetail> {
  const r = await getRequestRow(db, actor, id);
  if (!managesAt(actor, r.rollupPath)) throw forbidden();
  if (r.status !== "received") throw conflict("Yêu cầu này đã được trả lời.");
  if (r.executedAt) throw conflict("Yêu cầu này đã được thực hiện.");
  const action = REQUEST_KIND_ACTIONS[r.kind];
  if (action === "correct" && !body.correction) {
    throw validationFailed([{ path: "correction", message: "Nhập thông tin cần chỉnh sửa" }]);
  }
  const records = await findAllRecords(app, db, actor, openSubject(app.envelope, r), r.rollupPath);
  const act = providers(app);
  const now = clockNow();
  const counts = { done: 0, kept: 0, none: 0 };
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(privacyRequests)
      .set({ executedAt: now, recordsFound: records.length })
      .where(and(eq(privacyRequests.id, id), isNull(privacyRequests.executedAt)))
      .returning({ id: privacyRequests.id });
    if (claimed.length === 0) throw conflict("Yêu cầu này đã được thực hiện.");
    const ctx = { action, requestId: id, actorId: actor.accountId, correction: body.correction };
    for (const rec of records) {
      let res: RecordActionResult;
      if (action === "access") {
        res = { outcome: "done", exception: null, reasonVi: rec.sealed ? SEALED_ACCESS_VI : null };
      } else if (rec.exception) res = kept(rec);
      else if (act[rec.module]) res = await act[rec.module]!(tx, { ...ctx, action }, rec.entityId);
      else res = kept({ ...rec, exception: "state_function" });
      counts[res.outcome] += 1;
      await tx.insert(privacyRequestActions).values({
        requestId: id,
        module: rec.module,
        entityType: rec.entityType,
        entityId: rec.entityId,
        orgUnitName: rec.orgUnitName,
        labelVi: rec.labelVi,
        action,
        outcome: res.outcome,
        exception: res.exception,
        reasonVi: res.reasonVi,
        actedAt: now,
        actedBy: actor.accountId,
      });
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.request_executed",
      entityType: "privacy_request",
      entityId: id,
      orgUnitId: r.orgUnitId,
      data: { action, ...counts },
    });
  });
  return requestDetail(db, app.envelope, actor, id);
}
