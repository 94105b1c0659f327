import type { PersonActionContext, RecordActionResult } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import type { Envelope } from "../../kernel/envelope";
import { citizenUpgrades } from "./citizen.table";
import {
  backfillContactIndex,
  dropContactIndex,
  indexContact,
  type ContactDetails,
  type ContactIndex,
  type ContactSource,
} from "./contact-index";
import { endRestrictionOnErasure, ERASED_REASON_VI, restrictRecord } from "./restrictions";

/**
 * Where a citizen channel keeps the sealed contact of its records: the tips' `contact`, the
 * feedback items' `identity`. The owning module names it; the steps on it (erase, correct,
 * restrict, the index backfill) are the same for both and live here.
 */
export type ContactColumn = {
  source: ContactSource;
  /** The owning module, as the audit data and the request's answer name it. */
  module: string;
  table: "tips" | "feedback_items";
  column: "contact" | "identity";
  /** The envelope's associated data of a record's sealed contact. */
  aad: (id: string) => string;
};

export type StoredContact = ContactDetails & { address?: string };

const none: RecordActionResult = { outcome: "none", exception: null, reasonVi: null };

/** Empties a record's contact and its index rows (the record, its content and every figure stay). */
export async function eraseContact(tx: Db, col: ContactColumn, id: string): Promise<void> {
  await tx.execute(
    sql`update ${sql.identifier(col.table)} set ${sql.identifier(col.column)} = null where id = ${id}`,
  );
  await dropContactIndex(tx, col.source, [id]);
}

/**
 * Sets the corrected values the contact already holds (none is added), reseals it and re-indexes
 * it. Answers the fields changed (none: nothing written).
 */
export async function correctContact(
  tx: Db,
  env: Envelope,
  ci: ContactIndex,
  col: ContactColumn,
  id: string,
  sealed: Uint8Array,
  fix: PersonActionContext["correction"],
): Promise<string[]> {
  const c = JSON.parse(env.openText(Buffer.from(sealed), col.aad(id))) as StoredContact;
  const fields = (["fullName", "phone", "address"] as const).filter((f) => {
    const key = f === "fullName" ? "name" : f;
    if (!fix?.[f] || !c[key]) return false;
    c[key] = fix[f];
    return true;
  });
  if (fields.length === 0) return [];
  await tx.execute(
    sql`update ${sql.identifier(col.table)} set ${sql.identifier(col.column)} = ${env.seal(JSON.stringify(c), col.aad(id))}
        where id = ${id}`,
  );
  await indexContact(tx, ci, col.source, id, c);
  return fields;
}

/**
 * Carries out a privacy request's action on one record's contact, in the caller's transaction
 * (the owning module has checked its own legal exceptions and locked the row): restrict marks it
 * restricted (the staff's display then shows it as restricted), erase empties it, correct reseals
 * it. Each audited in the same transaction.
 */
export async function actOnContact(
  tx: Db,
  env: Envelope,
  ci: ContactIndex,
  col: ContactColumn,
  ctx: PersonActionContext,
  row: { id: string; orgUnitId: string; unitPath: string; sealed: Uint8Array },
): Promise<RecordActionResult> {
  if (ctx.action === "restrict") {
    return restrictRecord(tx, ctx, {
      source: col.source,
      module: col.module,
      recordId: row.id,
      orgUnitId: row.orgUnitId,
      rollupPath: row.unitPath,
      doneVi:
        "Thông tin liên hệ được hạn chế xử lý: không hiển thị cho cán bộ xử lý, chỉ mở khi có lý do hợp pháp được ghi nhật ký.",
    });
  }
  const base = { actorId: ctx.actorId, entityType: col.source, entityId: row.id, orgUnitId: row.orgUnitId };
  const data = { requestId: ctx.requestId, module: col.module };
  if (ctx.action === "erase") {
    await eraseContact(tx, col, row.id);
    await recordEvent(tx, { ...base, action: "privacy.record_erased", data });
    await endRestrictionOnErasure(tx, {
      source: col.source,
      recordId: row.id,
      actorId: ctx.actorId,
      why: ERASED_REASON_VI(ctx.requestId),
    });
    return { outcome: "done", exception: null, reasonVi: null };
  }
  const fields = await correctContact(tx, env, ci, col, row.id, row.sealed, ctx.correction);
  if (fields.length === 0) return none;
  await recordEvent(tx, { ...base, action: "privacy.record_corrected", data: { ...data, fields } });
  return { outcome: "done", exception: null, reasonVi: null };
}

const upgradeName = (source: ContactSource) => `contact_index_backfill:${source}`;

/**
 * Indexes the contacts of `col` written before the blind index existed (or by a step without its
 * key), once: the upgrade is marked done in `citizen_upgrades` after the last batch, and start-up
 * skips it afterwards. `force` runs it again (a restore of rows written without the key). Answers
 * how many records were indexed (0 when it was already done).
 */
export async function backfillContacts(
  db: Db,
  env: Envelope,
  ci: ContactIndex,
  col: ContactColumn,
  opts: { force?: boolean } = {},
): Promise<number> {
  const name = upgradeName(col.source);
  if (!opts.force) {
    const [done] = await queryRows<{ name: string }>(
      db,
      sql`select name from citizen_upgrades where name = ${name}`,
    );
    if (done) return 0;
  }
  const n = await backfillContactIndex(db, ci, col.source, async (d, limit) => {
    const rows = await queryRows<{ id: string; contact: Uint8Array }>(
      d,
      sql`select t.id, t.${sql.identifier(col.column)} as contact from ${sql.identifier(col.table)} t
          where t.${sql.identifier(col.column)} is not null
            and not exists (select 1 from citizen_contact_index i where i.source = ${col.source} and i.record_id = t.id)
          limit ${limit}`,
    );
    return rows.map((r) => ({
      id: r.id,
      contact: JSON.parse(env.openText(Buffer.from(r.contact), col.aad(r.id))) as StoredContact,
    }));
  });
  await db
    .insert(citizenUpgrades)
    .values({ name, rows: n })
    .onConflictDoUpdate({ target: citizenUpgrades.name, set: { doneAt: sql`now()`, rows: n } });
  return n;
}
