import { permissionsOf, todayInVietnam } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import type { Envelope } from "../../kernel/envelope";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { contactConsentState, notRestricted, type ReceiptVerifier } from "../citizen";
import { presentFeedbackDetail, presentFeedbackStatus, presentFeedbackSummary } from "./feedback.presenter";

export type FeedbackRow = {
  id: string;
  code: string;
  verifier: Buffer;
  kind: string;
  topic: string;
  status: string;
  orgUnitId: string;
  orgUnitName: string;
  unitPath: string;
  bodyKind: string;
  receivedOn: string;
  dueOn: string;
  title: Buffer;
  content: Buffer;
  identity: Buffer | null;
  identityWithdrawnOn: string | null;
  /** Restricted at the sender's request (citizen's restrictions): the staff's display hides it. */
  identityRestricted: boolean;
  answer: Buffer | null;
  answeredOn: string | null;
  acceptanceDueOn: string | null;
  acceptance: string | null;
  acceptanceReason: string | null;
  acceptanceNoticedOn: string | null;
  acceptanceChannel: string | null;
};

/** Feedback goes to the body responsible: roles held for that body, over their unit's subtree. */
export function feedbackInScope(actor: Actor): SQL {
  const grants = actor.roles.filter((r) => permissionsOf([r.role]).has("feedback.handle"));
  if (grants.length === 0) return sql`false`;
  return sql`(${sql.join(
    grants.map((g) => sql`(f.unit_path like ${`${g.orgUnitPath}%`} and f.body_kind = ${g.body})`),
    sql` or `,
  )})`;
}

const SELECT = sql`select f.id, f.code, f.verifier, f.kind, f.topic, f.status, f.org_unit_id as "orgUnitId",
    u.full_name as "orgUnitName", f.unit_path as "unitPath", f.body_kind as "bodyKind", f.received_on::text as "receivedOn",
    f.due_on::text as "dueOn", f.title, f.content, f.identity,
    f.identity_withdrawn_on::text as "identityWithdrawnOn",
    not ${notRestricted("feedback", sql`f.id`)} as "identityRestricted", f.answer, f.answered_on::text as "answeredOn",
    f.acceptance_due_on::text as "acceptanceDueOn", f.acceptance, f.acceptance_reason as "acceptanceReason",
    f.acceptance_noticed_on::text as "acceptanceNoticedOn", f.acceptance_channel as "acceptanceChannel"
  from feedback_items f join org_units u on u.id = f.org_unit_id`;

function normalise(r: FeedbackRow): FeedbackRow {
  const buf = (v: Buffer | Uint8Array | null) => (v === null ? null : Buffer.from(v));
  return {
    ...r,
    verifier: buf(r.verifier)!,
    title: buf(r.title)!,
    content: buf(r.content)!,
    identity: buf(r.identity),
    answer: buf(r.answer),
  };
}

export async function feedbackByCode(db: Db, code: string): Promise<FeedbackRow | undefined> {
  const [r] = await queryRows<FeedbackRow>(db, sql`${SELECT} where f.code = ${code}`);
  return r && normalise(r);
}

export async function getScopedFeedback(db: Db, actor: Actor, id: string): Promise<FeedbackRow> {
  const [r] = await queryRows<FeedbackRow>(
    db,
    sql`${SELECT} where f.id = ${id} and ${feedbackInScope(actor)}`,
  );
  if (!r) throw notFound();
  return normalise(r);
}

export type FeedbackFilters = {
  status?: string | undefined;
  topic?: string | undefined;
  /** "true": unanswered past the due date (Vietnam calendar). */
  overdue?: "true" | "false" | undefined;
};

export async function listScopedFeedback(
  db: Db,
  actor: Actor,
  q: FeedbackFilters,
  offset: number,
  limit: number,
): Promise<FeedbackRow[]> {
  const where: SQL[] = [feedbackInScope(actor)];
  if (q.status) where.push(sql`f.status = ${q.status}`);
  if (q.topic) where.push(sql`f.topic = ${q.topic}`);
  if (q.overdue === "true") where.push(sql`f.answered_on is null and f.due_on < ${todayInVietnam()}::date`);
  const rows = await queryRows<FeedbackRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)}
        order by f.answered_on is not null, f.due_on, f.code limit ${limit + 1} offset ${offset}`,
  );
  return rows.map(normalise);
}

/** The sender's view by code and secret; the same 404 for an unknown code and a wrong secret. */
export async function feedbackStatusForSender(
  db: Db,
  env: Envelope,
  verifier: ReceiptVerifier,
  body: { code: string; secret: string },
) {
  const item = await feedbackByCode(db, body.code);
  if (!verifier.matches(item?.verifier ?? null, body.code, body.secret) || !item) {
    throw notFound("Mã tiếp nhận hoặc mã bí mật không đúng.");
  }
  const [c] = await queryRows<{
    consentTextId: string | null;
    withdrawnOn: string | null;
    hasContact: boolean;
  }>(
    db,
    sql`select identity_consent_text_id as "consentTextId", identity_withdrawn_on::text as "withdrawnOn",
          identity is not null as "hasContact" from feedback_items where id = ${item.id}`,
  );
  return { ...presentFeedbackStatus(env, item), contactConsent: await contactConsentState(db, c!) };
}

/** Feedback routed to the caller's units and body, a page of summaries. */
export async function feedbackPage(
  db: Db,
  env: Envelope,
  actor: Actor,
  q: FeedbackFilters & { cursor?: string | undefined; limit: number },
) {
  const offset = decodeCursor(q.cursor);
  const page = pageFrom(await listScopedFeedback(db, actor, q, offset, q.limit), offset, q.limit);
  return { ...page, items: page.items.map((r) => presentFeedbackSummary(env, r)) };
}

/** One item in the caller's scope (404 otherwise), with what the caller may do. */
export async function feedbackDetail(db: Db, env: Envelope, actor: Actor, id: string) {
  return presentFeedbackDetail(env, actor, await getScopedFeedback(db, actor, id));
}
