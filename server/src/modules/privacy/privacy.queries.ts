import {
  clockNow,
  SUBJECT_REQUEST_CLOCKS,
  type Breach,
  type BreachPage,
  type ConsentTextList,
  type ListBreachesQuery,
  type ListSubjectRequestsQuery,
  type PersonQuery,
  type PrivacyOverview,
  type RecordActionEntry,
  type SubjectRequest,
  type SubjectRequestDetail,
  type SubjectRequestKind,
  type SubjectRequestPage,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import type { Envelope } from "../../kernel/envelope";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { breachAbilities, managesAt, mayManagePrivacy, requestAad, requestAbilities } from "./privacy.policy";

export type RequestRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  rollupPath: string;
  kind: SubjectRequestKind;
  channel: SubjectRequest["channel"];
  receivedAt: Date | string;
  dueAt: Date | string;
  status: SubjectRequest["status"];
  answeredAt: Date | string | null;
  outcome: SubjectRequest["outcome"];
  identityCheckedBy: string;
  createdByName: string | null;
  subjectSealed: Uint8Array;
  detailsSealed: Uint8Array | null;
  answerSealed: Uint8Array | null;
  exceptions: SubjectRequestDetail["exceptions"];
  recordsFound: number | null;
  executedAt: Date | string | null;
};

const iso = (v: Date | string) => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null) => (v ? iso(v) : null);

const REQUEST_SELECT = sql`select r.id, r.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    r.rollup_path as "rollupPath", r.kind, r.channel, r.received_at as "receivedAt", r.due_at as "dueAt",
    r.status, r.answered_at as "answeredAt", r.outcome, r.identity_checked_by as "identityCheckedBy",
    a.display_name as "createdByName", r.subject_sealed as "subjectSealed", r.details_sealed as "detailsSealed",
    r.answer_sealed as "answerSealed", r.exceptions, r.records_found as "recordsFound",
    r.executed_at as "executedAt"
  from privacy_requests r join org_units u on u.id = r.org_unit_id left join accounts a on a.id = r.created_by`;

export function presentRequest(r: RequestRow): SubjectRequest {
  const now = clockNow().getTime();
  const due = new Date(r.dueAt).getTime();
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    kind: r.kind,
    channel: r.channel,
    receivedAt: iso(r.receivedAt),
    dueAt: iso(r.dueAt),
    clockBasisVi: SUBJECT_REQUEST_CLOCKS[r.kind].basisVi,
    status: r.status,
    overdue: r.status === "received" && now > due,
    answeredAt: isoOrNull(r.answeredAt),
    answeredLate: r.answeredAt !== null && new Date(r.answeredAt).getTime() > due,
    outcome: r.outcome,
    identityCheckedBy: r.identityCheckedBy,
    createdByName: r.createdByName,
  };
}

/** One request in the caller's privacy.read scope, or 404. */
export async function getRequestRow(db: Db, actor: Actor, id: string): Promise<RequestRow> {
  const [row] = await queryRows<RequestRow>(
    db,
    sql`${REQUEST_SELECT} where r.id = ${id} and ${pathInScope(actor, "privacy.read", sql`r.rollup_path`)}`,
  );
  if (!row) throw notFound();
  return row;
}

/** What carrying the request out did with each record (privacy_request_actions), in module order. */
async function requestActions(db: Db, id: string): Promise<RecordActionEntry[]> {
  const rows = await queryRows<Omit<RecordActionEntry, "actedAt"> & { actedAt: Date | string }>(
    db,
    sql`select module, entity_type as "entityType", entity_id as "entityId", org_unit_name as "orgUnitName",
          label_vi as "labelVi", action, outcome, exception, reason_vi as "reasonVi", acted_at as "actedAt"
        from privacy_request_actions where request_id = ${id} order by module, entity_id`,
  );
  return rows.map((r) => ({ ...r, actedAt: iso(r.actedAt) }));
}

/** The requester's identifying details, opened only for the officer managing the request. */
export function openSubject(env: Envelope, r: RequestRow): PersonQuery {
  return JSON.parse(env.openText(Buffer.from(r.subjectSealed), requestAad(r.id, "subject"))) as PersonQuery;
}

export async function requestDetail(
  db: Db,
  env: Envelope,
  actor: Actor,
  id: string,
): Promise<SubjectRequestDetail> {
  const r = await getRequestRow(db, actor, id);
  const manage = managesAt(actor, r.rollupPath);
  const open = (v: Uint8Array | null, f: "details" | "answer") =>
    manage && v ? env.openText(Buffer.from(v), requestAad(r.id, f)) : null;
  return {
    ...presentRequest(r),
    subject: manage ? openSubject(env, r) : null,
    details: open(r.detailsSealed, "details"),
    answer: open(r.answerSealed, "answer"),
    exceptions: r.exceptions,
    recordsFound: r.recordsFound,
    executedAt: isoOrNull(r.executedAt),
    actions: manage ? await requestActions(db, r.id) : [],
    can: requestAbilities(actor, r),
  };
}

export async function requestPage(
  db: Db,
  actor: Actor,
  q: ListSubjectRequestsQuery,
): Promise<SubjectRequestPage> {
  const offset = decodeCursor(q.cursor);
  const where: SQL[] = [pathInScope(actor, "privacy.read", sql`r.rollup_path`)];
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.overdue === "true") where.push(sql`r.status = 'received' and r.due_at < ${clockNow().toISOString()}`);
  const rows = await queryRows<RequestRow>(
    db,
    sql`${REQUEST_SELECT} where ${sql.join(where, sql` and `)}
        order by (r.status = 'received') desc, r.due_at, r.id limit ${q.limit + 1} offset ${offset}`,
  );
  const page = pageFrom(rows, offset, q.limit);
  return { ...page, items: page.items.map(presentRequest), can: { create: mayManagePrivacy(actor) } };
}

type BreachRow = Omit<
  Breach,
  "can" | "overdue" | "detectedAt" | "occurredAt" | "noticeDueAt" | "notifiedAt"
> & {
  rollupPath: string;
  detectedAt: Date | string;
  occurredAt: Date | string | null;
  noticeDueAt: Date | string;
  notifiedAt: Date | string | null;
};

const BREACH_SELECT = sql`select b.id, b.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    b.rollup_path as "rollupPath", b.detected_at as "detectedAt", b.occurred_at as "occurredAt", b.place,
    b.nature, b.categories, b.data_description as "dataDescription", b.people_affected as "peopleAffected",
    b.consequences, b.actions_taken as "actionsTaken", b.contact_name as "contactName",
    b.contact_phone as "contactPhone", b.status, b.notice_due_at as "noticeDueAt", b.notified_at as "notifiedAt",
    b.notice_reference as "noticeReference", b.late_reason as "lateReason"
  from privacy_breaches b join org_units u on u.id = b.org_unit_id`;

function presentBreach(actor: Actor, { rollupPath, ...b }: BreachRow): Breach {
  return {
    ...b,
    detectedAt: iso(b.detectedAt),
    occurredAt: isoOrNull(b.occurredAt),
    noticeDueAt: iso(b.noticeDueAt),
    notifiedAt: isoOrNull(b.notifiedAt),
    overdue: b.status === "open" && clockNow().getTime() > new Date(b.noticeDueAt).getTime(),
    can: breachAbilities(actor, { rollupPath, status: b.status }),
  };
}

export async function getBreach(db: Db, actor: Actor, id: string): Promise<Breach & { rollupPath: string }> {
  const [row] = await queryRows<BreachRow>(
    db,
    sql`${BREACH_SELECT} where b.id = ${id} and ${pathInScope(actor, "privacy.read", sql`b.rollup_path`)}`,
  );
  if (!row) throw notFound();
  return { ...presentBreach(actor, row), rollupPath: row.rollupPath };
}

export async function breachPage(db: Db, actor: Actor, q: ListBreachesQuery): Promise<BreachPage> {
  const offset = decodeCursor(q.cursor);
  const where: SQL[] = [pathInScope(actor, "privacy.read", sql`b.rollup_path`)];
  if (q.status) where.push(sql`b.status = ${q.status}`);
  const rows = await queryRows<BreachRow>(
    db,
    sql`${BREACH_SELECT} where ${sql.join(where, sql` and `)}
        order by (b.status = 'open') desc, b.detected_at desc, b.id limit ${q.limit + 1} offset ${offset}`,
  );
  const page = pageFrom(rows, offset, q.limit);
  return {
    ...page,
    items: page.items.map((r) => presentBreach(actor, r)),
    can: { create: mayManagePrivacy(actor) },
  };
}

export async function consentTextList(db: Db, actor: Actor): Promise<ConsentTextList> {
  const rows = await queryRows<ConsentTextList["items"][number] & { createdAt: Date | string }>(
    db,
    sql`select t.id, t.purpose, t.version, t.text_vi as "textVi",
          t.withdrawal_consequence_vi as "withdrawalConsequenceVi", t.created_at as "createdAt",
          t.version = (select max(x.version) from consent_texts x where x.purpose = t.purpose) as current
        from consent_texts t order by t.purpose, t.version desc`,
  );
  return {
    items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    can: { create: mayManagePrivacy(actor) },
  };
}

/** The officer's clocks: open and overdue requests and breaches, the nearest due time. */
export async function privacyOverview(db: Db, actor: Actor): Promise<PrivacyOverview> {
  const now = clockNow().toISOString();
  const [row] = await queryRows<{ [k: string]: number | string | Date | null }>(
    db,
    sql`select
          (select count(*) from privacy_requests r where r.status = 'received'
            and ${pathInScope(actor, "privacy.read", sql`r.rollup_path`)})::int as "openRequests",
          (select count(*) from privacy_requests r where r.status = 'received' and r.due_at < ${now}
            and ${pathInScope(actor, "privacy.read", sql`r.rollup_path`)})::int as "overdueRequests",
          (select count(*) from privacy_breaches b where b.status = 'open'
            and ${pathInScope(actor, "privacy.read", sql`b.rollup_path`)})::int as "openBreaches",
          (select count(*) from privacy_breaches b where b.status = 'open' and b.notice_due_at < ${now}
            and ${pathInScope(actor, "privacy.read", sql`b.rollup_path`)})::int as "overdueBreaches",
          least(
            (select min(r.due_at) from privacy_requests r where r.status = 'received'
              and ${pathInScope(actor, "privacy.read", sql`r.rollup_path`)}),
            (select min(b.notice_due_at) from privacy_breaches b where b.status = 'open'
              and ${pathInScope(actor, "privacy.read", sql`b.rollup_path`)})) as "nextDueAt",
          (select count(*) from citizen_restrictions c
            where ${pathInScope(actor, "privacy.read", sql`c.rollup_path`)})::int as "restrictedRecords"`,
  );
  return {
    openRequests: Number(row!.openRequests),
    overdueRequests: Number(row!.overdueRequests),
    openBreaches: Number(row!.openBreaches),
    overdueBreaches: Number(row!.overdueBreaches),
    nextDueAt: row!.nextDueAt ? iso(row!.nextDueAt as string) : null,
    restrictedRecords: Number(row!.restrictedRecords),
    can: { restrictions: mayManagePrivacy(actor) },
  };
}
