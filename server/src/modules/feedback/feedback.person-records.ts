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
type Row = { id: string; orgUnitId: string; orgUnitName: string; kind: string; status: string };

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

/** Where a feedback item keeps its sender's identity (sealed, with its blind index). */
export const FEEDBACK_CONTACT: ContactColumn = {
  source: "feedback",
  module: "feedback",
  table: "feedback_items",
  column: "identity",
  aad: (id) => `feedback:${id}:identity`,
};

/**
 * Carries out a request on one item's sender identity, in the caller's transaction (citizen's
 * `actOnContact`): erase drops the identity and its index rows (the item, its content, answer and
 * every figure stay); correct reseals it with the corrected values and re-indexes it; restrict hides
 * it from the handling staff until lifted. A denunciation's identity is never changed here.
 */
export async function actOnFeedbackPersonRecord(
  tx: Db,
  env: Envelope,
  ci: ContactIndex,
  ctx: PersonActionContext,
  id: string,
): Promise<RecordActionResult> {
  const [row] = await queryRows<{
    kind: string;
    contact: Uint8Array | null;
    orgUnitId: string;
    unitPath: string;
  }>(
    tx,
    sql`select kind, identity as contact, org_unit_id as "orgUnitId", unit_path as "unitPath"
        from feedback_items where id = ${id} for update`,
  );
  if (!row?.contact) return { outcome: "none", exception: null, reasonVi: null };
  if (row.kind === "to_cao") return { outcome: "kept", exception: "legal_obligation", reasonVi: KEPT_VI };
  return actOnContact(tx, env, ci, FEEDBACK_CONTACT, ctx, { id, ...row, sealed: row.contact });
}

/** Start-up, once: indexes the senders of items written before the index (or without its key). */
export function backfillFeedbackContacts(
  db: Db,
  env: Envelope,
  ci: ContactIndex,
  opts: { force?: boolean } = {},
): Promise<number> {
  return backfillContacts(db, env, ci, FEEDBACK_CONTACT, opts);
}
