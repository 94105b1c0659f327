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
import { tips } from "./tips.table";

type Contact = ContactDetails & { address?: string };
type Row = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  status: string;
  consentTextVersion: number | null;
};

const aad = (id: string) => `tip:${id}:contact`;
const KEPT_VI =
  "Tin báo đã được thụ lý thành vụ việc: thông tin người báo tin được giữ để phục vụ giải quyết vụ việc (cơ quan nhà nước xử lý để phòng, chống tội phạm).";

/**
 * Tips on which the person left contact details, in the rollup-path subtrees given, found through
 * the citizen module's blind index of contacts (identity number, phone, e-mail, name with birth
 * year, name): no contact is opened. Disclosed: that a contact is kept and under which consent
 * text, never the tip's content. A tip the police turned into a case keeps its contact (crime
 * prevention); any other contact can be erased, restricted or corrected on request.
 */
export async function findTipPersonRecords(
  db: Db,
  ci: ContactIndex,
  prefixes: readonly string[],
  q: PersonQuery,
): Promise<PersonRecord[]> {
  if (prefixes.length === 0) return [];
  const matches = await findContactRecords(db, ci, "tip", q);
  if (matches.size === 0) return [];
  const scope = sql.join(
    prefixes.map((p) => sql`t.unit_path like ${`${p}%`}`),
    sql` or `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`select t.id, t.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", t.status,
          c.version as "consentTextVersion"
        from tips t join org_units u on u.id = t.org_unit_id
        left join consent_texts c on c.id = t.contact_consent_text_id
        where (${scope}) and t.contact is not null
          and t.id in (${sql.join(
            [...matches.keys()].map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
  return rows.map((r) => {
    const kept = r.status === "case_opened";
    return {
      module: "tips",
      entityType: "tip",
      entityId: r.id,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      labelVi: "Thông tin liên hệ để lại khi báo tin tội phạm",
      match: matches.get(r.id)!,
      data: { consentTextVersion: r.consentTextVersion },
      sealed: true,
      exception: kept ? "crime_prevention" : null,
      exceptionReasonVi: kept ? KEPT_VI : null,
    };
  });
}

/**
 * Carries out a request on one tip's contact, in the caller's transaction: erase drops the contact
 * and its index rows (the tip, its content and every figure stay: `tipFigures` counts rows); correct
 * reseals it with the corrected values and re-indexes it; restrict is kept (no separate restriction
 * of a tip contact exists: the police are told). A tip that became a case is never changed.
 */
export async function actOnTipPersonRecord(
  tx: Db,
  env: Envelope,
  ci: ContactIndex,
  ctx: PersonActionContext,
  id: string,
): Promise<RecordActionResult> {
  const [row] = await queryRows<{ status: string; contact: Uint8Array | null; orgUnitId: string }>(
    tx,
    sql`select status, contact, org_unit_id as "orgUnitId" from tips where id = ${id} for update`,
  );
  if (!row?.contact) return { outcome: "none", exception: null, reasonVi: null };
  if (row.status === "case_opened") {
    return { outcome: "kept", exception: "crime_prevention", reasonVi: KEPT_VI };
  }
  if (ctx.action === "restrict") {
    return {
      outcome: "kept",
      exception: null,
      reasonVi:
        "Tin báo chưa có cơ chế hạn chế xử lý riêng: đơn vị Công an quản lý được thông báo để ngừng sử dụng thông tin liên hệ.",
    };
  }
  const data = { requestId: ctx.requestId, module: "tips" };
  const base = { actorId: ctx.actorId, entityType: "tip", entityId: id, orgUnitId: row.orgUnitId } as const;
  if (ctx.action === "erase") {
    await tx.update(tips).set({ contact: null }).where(eq(tips.id, id));
    await dropContactIndex(tx, "tip", [id]);
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
    .update(tips)
    .set({ contact: env.seal(JSON.stringify(c), aad(id)) })
    .where(eq(tips.id, id));
  await indexContact(tx, ci, "tip", id, c);
  await recordEvent(tx, { ...base, action: "privacy.record_corrected", data: { ...data, fields } });
  return { outcome: "done", exception: null, reasonVi: null };
}

/** Start-up: indexes the contacts of tips written before the index (or without its key). */
export function backfillTipContacts(db: Db, env: Envelope, ci: ContactIndex): Promise<number> {
  return backfillContactIndex(db, ci, "tip", async (d, limit) => {
    const rows = await queryRows<{ id: string; contact: Uint8Array }>(
      d,
      sql`select t.id, t.contact from tips t
          where t.contact is not null
            and not exists (select 1 from citizen_contact_index i where i.source = 'tip' and i.record_id = t.id)
          limit ${limit}`,
    );
    return rows.map((r) => ({
      id: r.id,
      contact: JSON.parse(env.openText(Buffer.from(r.contact), aad(r.id))) as Contact,
    }));
  });
}
