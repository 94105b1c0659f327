import type { PersonActionContext, PersonQuery, PersonRecord, RecordActionResult } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Envelope } from "../../kernel/envelope";
import {
  actOnContact,
  backfillContacts,
  findContactRecords,
  type ContactColumn,
  type ContactIndex,
} from "../citizen";

type Row = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  status: string;
  consentTextVersion: number | null;
};

const KEPT_VI =
  "Tin báo đã được thụ lý thành vụ việc: thông tin người báo tin được giữ để phục vụ giải quyết vụ việc (cơ quan nhà nước xử lý để phòng, chống tội phạm).";

/**
 * Tips on which the person left contact details, in the rollup-path subtrees given, found through
 * the citizen module's blind index of contacts (identity number, phone, e-mail, name with birth
 * year, name): no contact is opened. Disclosed: that a contact is kept and under which consent
 * text, never the tip's content. A tip the police turned into a case keeps its contact (crime
 * prevention); any other contact can be erased, restricted or corrected on request. A restricted
 * contact is still found (the officer sees it and can lift the restriction).
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

/** Where a tip keeps its contact (sealed, with its blind index). */
export const TIP_CONTACT: ContactColumn = {
  source: "tip",
  module: "tips",
  table: "tips",
  column: "contact",
  aad: (id) => `tip:${id}:contact`,
};

/**
 * Carries out a request on one tip's contact, in the caller's transaction (citizen's
 * `actOnContact`): erase drops the contact and its index rows (the tip, its content and every
 * figure stay: `tipFigures` counts rows); correct reseals it with the corrected values and
 * re-indexes it; restrict hides it from the police's display until lifted. A tip that became a case
 * is never changed.
 */
export async function actOnTipPersonRecord(
  tx: Db,
  env: Envelope,
  ci: ContactIndex,
  ctx: PersonActionContext,
  id: string,
): Promise<RecordActionResult> {
  const [row] = await queryRows<{
    status: string;
    contact: Uint8Array | null;
    orgUnitId: string;
    unitPath: string;
  }>(
    tx,
    sql`select status, contact, org_unit_id as "orgUnitId", unit_path as "unitPath" from tips where id = ${id} for update`,
  );
  if (!row?.contact) return { outcome: "none", exception: null, reasonVi: null };
  if (row.status === "case_opened") {
    return { outcome: "kept", exception: "crime_prevention", reasonVi: KEPT_VI };
  }
  return actOnContact(tx, env, ci, TIP_CONTACT, ctx, { id, ...row, sealed: row.contact });
}

/** Start-up, once: indexes the contacts of tips written before the index (or without its key). */
export function backfillTipContacts(
  db: Db,
  env: Envelope,
  ci: ContactIndex,
  opts: { force?: boolean } = {},
): Promise<number> {
  return backfillContacts(db, env, ci, TIP_CONTACT, opts);
}
