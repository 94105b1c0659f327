import type { PersonActionContext, RecordActionResult, RestrictionSource } from "@toandan/contracts";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { AppError } from "../../kernel/errors";
import { citizenRestrictions } from "./citizen.table";

/**
 * Restriction of processing at a data subject's request (Law 91/2025; decision 0017). A records
 * module restricts one of its records inside the privacy request's transaction, leaves restricted
 * records out of its ordinary lists with `notRestricted`, and masks a restricted contact with
 * `restrictedIds`; its counts and rollups never look at restrictions. The privacy module lists them
 * for the officer and lifts them.
 */
export type { RestrictionSource };

/** What a restricted value shows in place of the data (staff displays, exports). */
export const RESTRICTED_VI = "Hạn chế xử lý theo yêu cầu";

/** SQL: the record whose id is `id` (a column of the module's query) is not restricted. */
export const notRestricted = (source: RestrictionSource, id: SQL | SQL.Aliased): SQL =>
  sql`not exists (select 1 from citizen_restrictions r_ where r_.source = ${source} and r_.record_id = ${id})`;

/** The ids among `ids` whose records are restricted. */
export async function restrictedIds(db: Db, source: RestrictionSource, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: citizenRestrictions.recordId })
    .from(citizenRestrictions)
    .where(and(eq(citizenRestrictions.source, source), inArray(citizenRestrictions.recordId, ids)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Restricting and writing a record are ordered by a transaction advisory lock on the record:
 * restricting takes it exclusive, every guarded write shared (writes do not wait for each other).
 * Key space (two int4 keys, apart from the single bigint keys of start-up and sealing): this class
 * and the hash of `source:recordId`; a hash collision only makes one wait for the other.
 */
const RESTRICTION_LOCK_CLASS = 0x7444_5231; // "tDR1"

async function lockRecords(tx: Db, source: RestrictionSource, ids: readonly string[], shared: boolean) {
  const keys = [...new Set(ids)].sort().map((id) => `${source}:${id}`);
  if (keys.length === 0) return;
  const fn = shared ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await tx.execute(
    sql`select ${fn}(${RESTRICTION_LOCK_CLASS}, hashtext(k)) from unnest(${sql.param(keys)}::text[]) as k`,
  );
}

/**
 * The one guard of every write to a household, its commitments and recognitions, a roster member or
 * a contact: after the caller's scope check (out of scope stays 404), any of `ids` restricted is
 * refused with 409 `record_restricted` and nothing is written (decision 0017, addendum). With
 * `path`, a batch names each refused entry (`path.i`). Called inside the write's transaction, it
 * holds the records' restriction lock until the write commits, so a restriction committed meanwhile
 * is either seen here or waits for the write; called before it (a quick refusal before work), it
 * only reads.
 */
export async function refuseRestricted(
  db: Db,
  source: RestrictionSource,
  ids: readonly string[],
  path?: string,
): Promise<void> {
  // Locked before the read, in its own statement: the read's snapshot then follows the wait.
  await lockRecords(db, source, ids, true);
  const restricted = await restrictedIds(db, source, [...new Set(ids)]);
  if (restricted.size === 0) return;
  const issues = path
    ? ids.flatMap((id, i) => (restricted.has(id) ? [{ path: `${path}.${i}`, message: RESTRICTED_VI }] : []))
    : undefined;
  throw new AppError("record_restricted", undefined, issues ? { issues } : undefined);
}

/** The reason `privacy.restriction_lifted` gives when an erasure ended the restriction. */
export const ERASED_REASON_VI = (requestId: string) =>
  `Dữ liệu đã bị xóa theo yêu cầu ${requestId}; không còn gì để hạn chế xử lý.`;

/**
 * Erasure of a restricted record ends its restriction in the caller's transaction (there is nothing
 * left to restrict): the row goes and `privacy.restriction_lifted` is written with the erasure as
 * its reason and the request that had set it. No restriction: nothing written.
 */
export async function endRestrictionOnErasure(
  tx: Db,
  r: { source: RestrictionSource; recordId: string; actorId: string | null; why: string },
): Promise<boolean> {
  const [row] = await tx
    .delete(citizenRestrictions)
    .where(and(eq(citizenRestrictions.source, r.source), eq(citizenRestrictions.recordId, r.recordId)))
    .returning({ requestId: citizenRestrictions.requestId, orgUnitId: citizenRestrictions.orgUnitId });
  if (!row) return false;
  await recordEvent(tx, {
    actorId: r.actorId,
    action: "privacy.restriction_lifted",
    entityType: r.source,
    entityId: r.recordId,
    orgUnitId: row.orgUnitId,
    data: { source: r.source, requestId: row.requestId, reason: r.why },
  });
  return true;
}

/** Whether one record is restricted. */
export async function isRestricted(db: Db, source: RestrictionSource, id: string): Promise<boolean> {
  return (await restrictedIds(db, source, [id])).has(id);
}

/**
 * Restricts one record for a privacy request, in the caller's transaction, with its audit event
 * (`privacy.record_restricted`). A record already restricted stays so (by its first request) and
 * the answer says so.
 */
export async function restrictRecord(
  tx: Db,
  ctx: PersonActionContext,
  r: {
    source: RestrictionSource;
    module: string;
    recordId: string;
    orgUnitId: string;
    rollupPath: string;
    doneVi: string;
  },
): Promise<RecordActionResult> {
  // Waits for the record's writes in flight; later ones see the restriction (refuseRestricted).
  await lockRecords(tx, r.source, [r.recordId], false);
  const inserted = await tx
    .insert(citizenRestrictions)
    .values({
      source: r.source,
      recordId: r.recordId,
      orgUnitId: r.orgUnitId,
      rollupPath: r.rollupPath,
      requestId: ctx.requestId,
      restrictedBy: ctx.actorId,
    })
    .onConflictDoNothing()
    .returning({ id: citizenRestrictions.recordId });
  if (inserted.length === 0) {
    return {
      outcome: "done",
      exception: null,
      reasonVi: "Đã được hạn chế xử lý từ trước theo một yêu cầu khác.",
    };
  }
  await recordEvent(tx, {
    actorId: ctx.actorId,
    action: "privacy.record_restricted",
    entityType: r.source,
    entityId: r.recordId,
    orgUnitId: r.orgUnitId,
    data: { requestId: ctx.requestId, module: r.module },
  });
  return { outcome: "done", exception: null, reasonVi: r.doneVi };
}

export type RestrictionRow = {
  source: RestrictionSource;
  recordId: string;
  orgUnitId: string;
  rollupPath: string;
  requestId: string;
  restrictedAt: Date;
  restrictedBy: string;
};

/** One restriction, locked for the caller's transaction (undefined: the record is not restricted). */
export async function lockRestriction(
  tx: Db,
  source: RestrictionSource,
  recordId: string,
): Promise<RestrictionRow | undefined> {
  const [row] = await queryRows<RestrictionRow>(
    tx,
    sql`select source, record_id as "recordId", org_unit_id as "orgUnitId", rollup_path as "rollupPath",
          request_id as "requestId", restricted_at as "restrictedAt", restricted_by as "restrictedBy"
        from citizen_restrictions where source = ${source} and record_id = ${recordId} for update`,
  );
  return row;
}

/** Ends a restriction (the caller checks the officer's scope and writes the audit event with the reason). */
export async function deleteRestriction(tx: Db, source: RestrictionSource, recordId: string): Promise<void> {
  await tx
    .delete(citizenRestrictions)
    .where(and(eq(citizenRestrictions.source, source), eq(citizenRestrictions.recordId, recordId)));
}
