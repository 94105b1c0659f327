import { createHash } from "node:crypto";
import type { AuditAction, AuditEventDataMap } from "@toandan/contracts";
import { sql, type SQLWrapper } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";
import { auditLog } from "./audit.table";

/** One action's event: its data is the shape AuditEventDataMap gives that action. */
export type AuditEventOf<A extends AuditAction> = {
  actorId: string | null;
  action: A;
  entityType: string;
  entityId?: string | null;
  orgUnitId?: string | null;
} & (Record<string, never> extends AuditEventDataMap[A] // an action that stores no data may leave it out (stored as {})
  ? { data?: AuditEventDataMap[A] }
  : { data: AuditEventDataMap[A] });

/** An event to record, discriminated by `action`: the wrong data for an action does not compile. */
export type AuditEvent = { [A in AuditAction]: AuditEventOf<A> }[AuditAction];

/** An action with its data, for a helper that records on a command's behalf (certification steps, tips). */
export type AuditActionData<A extends AuditAction = AuditAction> = {
  [K in A]: { action: K; data: AuditEventDataMap[K] };
}[A];

const GENESIS = "0".repeat(64);

/** JSON with object keys sorted at every level, so jsonb round-trips hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

type Hashable = {
  id: number;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
  data: unknown;
  prevHash: string;
};

export function hashRow(r: Hashable): string {
  const material = canonicalJson([
    r.id,
    r.occurredAt,
    r.actorId,
    r.action,
    r.entityType,
    r.entityId,
    r.orgUnitId,
    r.data,
    r.prevHash,
  ]);
  return createHash("sha256").update(material).digest("hex");
}

/**
 * Appends one event to the log. Call it with the transaction that makes the change, so the change
 * and its record commit or roll back together. The row is written unsealed, with no lock shared
 * with other writers: the audit sequencer (audit-sequencer.ts) links committed rows into the chain
 * within a second. Writes passed as `alongside` run in the same statement as the audit insert (as
 * data-modifying CTEs): a hot path then costs one round trip for the change and its record.
 */
export async function recordEvent(tx: Db, event: AuditEvent, alongside: SQLWrapper[] = []): Promise<void> {
  const insert = tx.insert(auditLog).values({
    occurredAt: new Date().toISOString(),
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    orgUnitId: event.orgUnitId ?? null,
    data: JSON.parse(canonicalJson(event.data ?? {})) as unknown,
  });
  if (alongside.length === 0) {
    await insert;
    return;
  }
  const ctes = sql.join(
    alongside.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`),
    sql`, `,
  );
  await tx.execute(sql`with ${ctes} ${insert.getSQL()}`);
}

export type VerifyResult = {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  reason: string | null;
};

/** Walks the chain in order; names the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const rows = await queryRows<Hashable & { hash: string; id: number | string }>(
      db,
      sql`select id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
            actor_id as "actorId", action, entity_type as "entityType", entity_id as "entityId",
            org_unit_id as "orgUnitId", data, prev_hash as "prevHash", hash
          from audit_log where id >= ${expectedId} order by id limit ${batch}`,
    );
    if (rows.length === 0) return { ok: true, checked, firstBadId: null, reason: null };
    for (const raw of rows) {
      const r = { ...raw, id: Number(raw.id) };
      const bad = (reason: string) => ({ ok: false, checked, firstBadId: r.id, reason });
      if (r.id !== expectedId) {
        return { ok: false, checked, firstBadId: expectedId, reason: "row missing from the chain" };
      }
      if (r.prevHash !== prevHash) return bad("prev_hash does not match the previous row");
      if (hashRow(r) !== r.hash) return bad("row content does not match its hash");
      prevHash = r.hash;
      expectedId += 1;
      checked += 1;
    }
  }
}
