import {
  clockNow,
  type LiftRestrictionBody,
  type LiftRestrictionResult,
  type ListRestrictionsQuery,
  type RestrictedRecordList,
  type RestrictionSource,
  type SubjectRequestKind,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { pathInScope, type Actor } from "../../../kernel/authz";
import { notFound } from "../../../kernel/errors";
import { deleteRestriction, lockRestriction } from "../../citizen";
import { managesAt } from "../privacy.policy";

type Row = {
  source: RestrictionSource;
  recordId: string;
  rollupPath: string;
  orgUnitName: string | null;
  labelVi: string | null;
  headName: string | null;
  address: string | null;
  requestId: string;
  requestKind: SubjectRequestKind;
  restrictedAt: Date | string;
};

const LABELS: Record<RestrictionSource, string> = {
  household: "Chủ hộ trong sổ hộ gia đình",
  group_member: "Thành viên tổ, mô hình",
  tip: "Thông tin liên hệ để lại khi báo tin tội phạm",
  feedback: "Người gửi kiến nghị, phản ánh, tố cáo",
};

/**
 * The records restricted at data subjects' requests in the officer's units (`privacy.manage`
 * scope), newest first: the one place they can still be seen. Each listing is logged with its
 * reason in the audit chain, in the same transaction as the read. What is shown is what the request's
 * answer named, and for a household what its register holds in clear; sealed values stay sealed.
 */
export async function listRestrictions(
  db: Db,
  actor: Actor,
  q: ListRestrictionsQuery,
): Promise<RestrictedRecordList> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<Row>(
      tx,
      sql`select r.source, r.record_id as "recordId", r.rollup_path as "rollupPath", u.full_name as "orgUnitName",
            a.label_vi as "labelVi", h.head_name as "headName", h.address,
            r.request_id as "requestId", p.kind as "requestKind", r.restricted_at as "restrictedAt"
          from citizen_restrictions r
          join org_units u on u.id = r.org_unit_id
          join privacy_requests p on p.id = r.request_id
          left join privacy_request_actions a on a.request_id = r.request_id and a.entity_id = r.record_id::text
          left join households h on r.source = 'household' and h.id = r.record_id
          where ${pathInScope(actor, "privacy.manage", sql`r.rollup_path`)}
          order by r.restricted_at desc, r.source, r.record_id`,
    );
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.restrictions_read",
      entityType: "privacy_restriction",
      entityId: null,
      orgUnitId: null,
      data: { reason: q.reason, records: rows.length },
    });
    return {
      items: rows.map((r) => ({
        source: r.source,
        recordId: r.recordId,
        orgUnitName: r.orgUnitName,
        labelVi: r.labelVi ?? LABELS[r.source],
        detailVi: r.headName ? [r.headName, r.address].filter(Boolean).join(" — ") : null,
        requestId: r.requestId,
        requestKind: r.requestKind,
        restrictedAt: new Date(r.restrictedAt).toISOString(),
        can: { lift: managesAt(actor, r.rollupPath) },
      })),
    };
  });
}

/**
 * Lifts one restriction (`privacy.manage` at the record's unit; else, or when the record is not
 * restricted, 404): the record is back in its module's lists and displays. Audited with the reason
 * and the request that set it, in the same transaction.
 */
export async function liftRestriction(
  db: Db,
  actor: Actor,
  body: LiftRestrictionBody,
): Promise<LiftRestrictionResult> {
  const now = clockNow();
  await db.transaction(async (tx) => {
    const row = await lockRestriction(tx, body.source, body.recordId);
    if (!row || !managesAt(actor, row.rollupPath)) throw notFound();
    await deleteRestriction(tx, body.source, body.recordId);
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.restriction_lifted",
      entityType: body.source,
      entityId: body.recordId,
      orgUnitId: row.orgUnitId,
      data: { source: body.source, requestId: row.requestId, reason: body.reason },
    });
  });
  return { source: body.source, recordId: body.recordId, liftedAt: now.toISOString() };
}
