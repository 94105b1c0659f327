import type { PersonActionContext, PersonQuery, PersonRecord, RecordActionResult } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import type { Envelope } from "../../kernel/envelope";
import {
  backfillContactIndex,
  dropContactIndex,
  findContactRecords,
  indexContact,
  type ContactDetails,
  type ContactIndex,
} from "../citizen";
import { feedbackItems } from "./feedback.table";

type Contact = ContactDetails & { address?: string };
type Row = { id: string; orgUnitId: string; orgUnitName: string; kind: string; status: string };

const aad = (id: string) => `feedback:${id}:identity`;
const KEPT_VI =
  "Đơn tố cáo: thông tin người tố cáo được giữ trong hồ sơ giải quyết tố cáo và được bảo mật theo Luật Tố cáo 2018.";

/**
 * Feedback, petitions and denunciations on which the person gave their identity, in the rollup-path
 * subtrees given, found through the citizen module's blind index of contacts (phone, name): no
 * identity is opened. The content stays sealed. A denunciation keeps the denouncer's identity (Law
 * on Denunciations 2018: the dossier is kept and the identity protected); any other sender's identity
 * can be erased, restricted or corrected on request.
 */
export async function findFeedbackPersonRecords(
  db: Db,
  ci: ContactIndex,
  prefixes: readonly string[],
  q: PersonQuery,
): Promise<PersonRecord[]> {
  if (prefixes.length === 0) return [];
  const matches = await findContactRecords(db, ci, "feedback", q);
  if (matches.size === 0) return [];
  const scope = sql.join(
    prefixes.map((p) => sql`t.unit_path like ${`${p}%`}`),
    sql` or `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`select t.id, t.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", t.kind, t.status
        from feedback_items t join org_units u on u.id = t.org_unit_id
        where (${scope}) and t.identity is not null
          and t.id in (${sql.join(
            [...matches.keys()].map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
  return rows.map((r) => {
    const kept = r.kind === "to_cao";
    return {
      module: "feedback",
      entityType: "feedback",
      entityId: r.id,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      labelVi: "Người gửi kiến nghị, phản ánh, tố cáo",
      match: matches.get(r.id)!,
      data: { kind: r.kind, status: r.status },
      sealed: true,
      exception: kept ? "legal_obligation" : null,
      exceptionReasonVi: kept ? KEPT_VI : null,
    };
  });
}

/**
 * Carries out a request on one item's sender identity, in the caller's transaction: erase drops the
 * identity and its index rows (the item, its content, answer and every figure stay); correct reseals
 * it with the corrected values and re-indexes it; restrict is kept with the reason. A denunciation's
 * identity is never changed here.
 */
export async function actOnFeedbackPersonRecord(
  tx: Db,
  env: Envelope,
  ci: ContactIndex,
  ctx: PersonActionContext,
  id: string,
): Promise<RecordActionResult> {
  const [row] = await queryRows<{ kind: string; contact: Uint8Array | null; orgUnitId: string }>(
    tx,
    sql`select kind, identity as contact, org_unit_id as "orgUnitId" from feedback_items where id = ${id} for update`,
  );
  if (!row?.contact) return { outcome: "none", exception: null, reasonVi: null };
  if (row.kind === "to_cao") return { outcome: "kept", exception: "legal_obligation", reasonVi: KEPT_VI };
  if (ctx.action === "restrict") {
    return {
      outcome: "kept",
      exception: null,
      reasonVi:
        "Kiến nghị, phản ánh chưa có cơ chế hạn chế xử lý riêng: đơn vị tiếp nhận được thông báo để ngừng sử dụng thông tin người gửi.",
    };
  }
  const data = { requestId: ctx.requestId, module: "feedback" };
  const base = {
    actorId: ctx.actorId,
    entityType: "feedback",
    entityId: id,
    orgUnitId: row.orgUnitId,
  } as const;
  if (ctx.action === "erase") {
    await tx.update(feedbackItems).set({ identity: null }).where(eq(feedbackItems.id, id));
    await dropContactIndex(tx, "feedback", [id]);
    await recordEvent(tx, { ...base, action: "privacy.record_erased", data });
    return { outcome: "done", exception: null, reasonVi: null };
  }
  const c = JSON.parse(env.openText(Buffer.from(row.contact), aad(id))) as Contact;
  const fix = ctx.correction ?? {};
  // Only the values the contact holds are corrected; none is added.
  const fields = (["fullName", "phone", "address"] as const).filter((f) => {
    const key = f === "fullName" ? "name" : f;
    if (!fix[f] || !c[key]) return false;
    c[key] = fix[f];
    return true;
  });
  if (fields.length === 0) return { outcome: "none", exception: null, reasonVi: null };
  await tx
    .update(feedbackItems)
    .set({ identity: env.seal(JSON.stringify(c), aad(id)) })
    .where(eq(feedbackItems.id, id));
  await indexContact(tx, ci, "feedback", id, c);
  await recordEvent(tx, { ...base, action: "privacy.record_corrected", data: { ...data, fields } });
  return { outcome: "done", exception: null, reasonVi: null };
}

/** Start-up: indexes the senders of items written before the index (or without its key). */
export function backfillFeedbackContacts(db: Db, env: Envelope, ci: ContactIndex): Promise<number> {
  return backfillContactIndex(db, ci, "feedback", async (d, limit) => {
    const rows = await queryRows<{ id: string; contact: Uint8Array }>(
      d,
      sql`select f.id, f.identity as contact from feedback_items f
          where f.identity is not null
            and not exists (select 1 from citizen_contact_index i where i.source = 'feedback' and i.record_id = f.id)
          limit ${limit}`,
    );
    return rows.map((r) => ({
      id: r.id,
      contact: JSON.parse(env.openText(Buffer.from(r.contact), aad(r.id))) as Contact,
    }));
  });
}
