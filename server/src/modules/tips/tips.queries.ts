import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import type { Envelope } from "../../kernel/envelope";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { notRestricted } from "../citizen";
import { presentTipSummary } from "./tips.presenter";
import { tipInScope } from "./tips.policy";

export type TipRow = {
  id: string;
  code: string;
  verifier: Buffer;
  category: string;
  status: string;
  urgency: "urgent" | "normal" | null;
  receivedHour: Date;
  orgUnitId: string;
  orgUnitName: string;
  unitPath: string;
  remote: boolean;
  duplicateOfCode: string | null;
  extensionLevel: number;
  transferredAt: Date | null;
  receiptNoticeAt: Date | null;
  decidedAt: Date | null;
  awaitingReply: boolean;
  messageCount: number;
  content: Buffer;
  contact: Buffer | null;
  contactWithdrawnOn: string | null;
  /** Restricted at the tipster's request (citizen's restrictions): the staff's display hides it. */
  contactRestricted: boolean;
  outcome: string | null;
  casesSolved: number;
  arrests: number;
  peopleHandled: number;
  outcomeNote: Buffer | null;
  /** How it reached the police; `intake`: the sealed intake record of a staff-recorded report. */
  channel: string;
  intake: Buffer | null;
  outcomeGround: string | null;
  firstSuspendedAt: Date | null;
  suspendedAt: Date | null;
  resumedAt: Date | null;
  /** Kind of the receiving unit: a commune's police must transfer (JC 01/2017 Art. 8.5). */
  orgUnitKind: string;
  transferApplies: boolean;
  suspensionNoticedAt: Date | null;
  outcomeNoticedAt: Date | null;
};

const SELECT = sql`select t.id, t.code, t.verifier, t.category, t.status, t.urgency,
    t.received_hour as "receivedHour", t.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    t.unit_path as "unitPath", t.remote, d.code as "duplicateOfCode", t.extension_level as "extensionLevel",
    t.transferred_at as "transferredAt", t.receipt_notice_at as "receiptNoticeAt", t.decided_at as "decidedAt",
    t.awaiting_reply as "awaitingReply", t.message_count as "messageCount", t.content, t.contact,
    t.contact_withdrawn_on::text as "contactWithdrawnOn",
    not ${notRestricted("tip", sql`t.id`)} as "contactRestricted",
    t.outcome, t.cases_solved as "casesSolved", t.arrests, t.people_handled as "peopleHandled",
    t.outcome_note as "outcomeNote", t.channel, t.intake, t.outcome_ground as "outcomeGround",
    t.first_suspended_at as "firstSuspendedAt", t.suspended_at as "suspendedAt", t.resumed_at as "resumedAt",
    u.kind as "orgUnitKind", u.kind = 'commune' as "transferApplies",
    (select case when count(*) filter (where n.recipient = 'procuracy') > 0
                  and count(*) filter (where n.recipient = 'reporter') > 0
             then greatest(min(n.sent_at) filter (where n.recipient = 'procuracy'),
                           min(n.sent_at) filter (where n.recipient = 'reporter')) end
       from tip_notices n where n.tip_id = t.id and n.kind = 'suspension' and n.sent_at >= t.suspended_at)
      as "suspensionNoticedAt",
    (select min(n.sent_at) from tip_notices n
       where n.tip_id = t.id and n.kind = 'outcome' and n.recipient = 'reporter' and n.sent_at >= t.decided_at)
      as "outcomeNoticedAt"
  from tips t join org_units u on u.id = t.org_unit_id left join tips d on d.id = t.duplicate_of_id`;

function normalise(r: TipRow): TipRow {
  const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));
  const buf = (v: Buffer | Uint8Array | null) => (v === null ? null : Buffer.from(v));
  return {
    ...r,
    receivedHour: toDate(r.receivedHour)!,
    transferredAt: toDate(r.transferredAt),
    receiptNoticeAt: toDate(r.receiptNoticeAt),
    decidedAt: toDate(r.decidedAt),
    firstSuspendedAt: toDate(r.firstSuspendedAt),
    suspendedAt: toDate(r.suspendedAt),
    resumedAt: toDate(r.resumedAt),
    suspensionNoticedAt: toDate(r.suspensionNoticedAt),
    outcomeNoticedAt: toDate(r.outcomeNoticedAt),
    verifier: buf(r.verifier)!,
    content: buf(r.content)!,
    contact: buf(r.contact),
    outcomeNote: buf(r.outcomeNote),
    intake: buf(r.intake),
  };
}

/** A tip by receipt code, for the citizen (no scope: the secret is checked by the caller). */
export async function tipByCode(db: Db, code: string): Promise<TipRow | undefined> {
  const [r] = await queryRows<TipRow>(db, sql`${SELECT} where t.code = ${code}`);
  return r && normalise(r);
}

/** A tip in the actor's police scope, or 404 (also for everyone outside the police). */
export async function getScopedTip(db: Db, actor: Actor, id: string): Promise<TipRow> {
  const [r] = await queryRows<TipRow>(
    db,
    sql`${SELECT} where t.id = ${id} and ${tipInScope(actor, sql`t.unit_path`)}`,
  );
  if (!r) throw notFound();
  return normalise(r);
}

export async function listScopedTips(
  db: Db,
  actor: Actor,
  q: { status?: string | undefined },
  offset: number,
  limit: number,
): Promise<TipRow[]> {
  const rows = await queryRows<TipRow>(
    db,
    sql`${SELECT} where ${tipInScope(actor, sql`t.unit_path`)}
        ${q.status ? sql`and t.status = ${q.status}` : sql``}
        order by t.decided_at is not null, t.received_hour desc, t.code
        limit ${limit + 1} offset ${offset}`,
  );
  return rows.map(normalise);
}

/** The police inbox page; `overdue`: only tips with a legal clock run out. */
export async function tipInbox(
  db: Db,
  actor: Actor,
  q: {
    status?: string | undefined;
    overdue?: "true" | "false" | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const offset = decodeCursor(q.cursor);
  const page = pageFrom(await listScopedTips(db, actor, q, offset, q.limit), offset, q.limit);
  let items = page.items.map((r) => presentTipSummary(r));
  if (q.overdue === "true") items = items.filter((t) => t.clocks.some((c) => c.overdue && !c.met));
  return { ...page, items };
}

export type MessageRow = { n: number; author: "police" | "citizen"; sentHour: Date; body: Buffer };

export async function messagesOf(db: Db, tipId: string): Promise<MessageRow[]> {
  const rows = await queryRows<MessageRow>(
    db,
    sql`select n, author, sent_hour as "sentHour", body from tip_messages where tip_id = ${tipId} order by n`,
  );
  return rows.map((m) => ({ ...m, sentHour: new Date(m.sentHour), body: Buffer.from(m.body) }));
}

export type NoticeRow = {
  kind: "suspension" | "resumption" | "outcome";
  recipient: "procuracy" | "reporter";
  channel: "in_app" | "post" | "in_person" | "phone" | "email" | "dispatch";
  documentNumber: string | null;
  sentAt: Date;
};

export async function noticesOf(db: Db, tipId: string): Promise<NoticeRow[]> {
  const rows = await queryRows<NoticeRow>(
    db,
    sql`select kind, recipient, channel, document_number as "documentNumber", sent_at as "sentAt"
        from tip_notices where tip_id = ${tipId} order by sent_at, kind, recipient`,
  );
  return rows.map((r) => ({ ...r, sentAt: new Date(r.sentAt) }));
}

export type AttachmentInfo = { n: number; mediaType: string; bytes: number };

export async function attachmentsOf(db: Db, tipId: string): Promise<AttachmentInfo[]> {
  return queryRows<AttachmentInfo>(
    db,
    sql`select n, media_type as "mediaType", bytes from tip_attachments where tip_id = ${tipId} order by n`,
  );
}

/** One attachment of a tip in the actor's police scope, decrypted, or 404. */
export async function tipAttachment(
  db: Db,
  env: Envelope,
  actor: Actor,
  id: string,
  n: number,
): Promise<{ code: string; mediaType: string; data: Buffer }> {
  const tip = await getScopedTip(db, actor, id);
  const [a] = await queryRows<{ mediaType: string; content: Buffer }>(
    db,
    sql`select media_type as "mediaType", content from tip_attachments where tip_id = ${tip.id} and n = ${n}`,
  );
  if (!a) throw notFound();
  const data = env.open(Buffer.from(a.content), `tip:${tip.id}:attachment:${n}`);
  return { code: tip.code, mediaType: a.mediaType, data };
}
