import { createHash } from "node:crypto";
import type { AuditAction, AuditEventDataMap } from "@toandan/contracts";
import { sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditLog } from "./audit.table";
import { DriverValue, insertRows, isStatementPart, runParts, type StatementPart } from "./statements";

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

export const GENESIS = "0".repeat(64);

/** JSON with object keys sorted at every level, so jsonb round-trips hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    // Built in one pass (the sequencer hashes every row with it): keys in UTF-16 code unit order,
    // which is what the default sort gives strings.
    let out = "{";
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      if (out.length > 1) out += ",";
      out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The value `JSON.parse(canonicalJson(value))` gives — keys sorted, undefined members dropped (null
 * in arrays), non-finite numbers null, a Date or other class instance its own enumerable members —
 * built directly, without printing and re-reading the string (recordEvent runs it on every write).
 */
export function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      // An own "__proto__" member, as JSON.parse makes it (an assignment would set the prototype).
      if (k === "__proto__") {
        Object.defineProperty(out, k, {
          value: canonicalValue(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else out[k] = canonicalValue(v);
    }
    return out;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null; // -0 prints as 0
  return JSON.parse(canonicalJson(value)) as unknown;
}

export type Hashable = {
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

/**
 * A sealed row's hash: its id, content and the previous row's hash (the chain's order is the
 * prev_hash links; `seq` numbers the places). Unchanged from the first chain, so rows sealed
 * before decision 0012 verify as they are.
 */
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
 * data-modifying CTEs): a hot path then costs one round trip for the change and its record. Given
 * as `insertRows(…)` parts (kernel/statements.ts), the statement's text is built once per shape and
 * run prepared; Drizzle-built SQL is accepted too (built on every call).
 */
export async function recordEvent(
  tx: Db,
  event: AuditEvent,
  alongside: readonly (SQLWrapper | StatementPart)[] = [],
): Promise<void> {
  const row = {
    occurredAt: new Date().toISOString(),
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    orgUnitId: event.orgUnitId ?? null,
  };
  const built = alongside.filter((w): w is SQLWrapper => !isStatementPart(w));
  if (built.length === 0) {
    // The insert's text is kept per shape of the writes (kernel/statements.ts): nothing rebuilt.
    // The data goes as its canonical JSON text, which is what the jsonb column would have sent for
    // canonicalValue(data) (the same members; jsonb keeps its own key order either way).
    const data = new DriverValue(canonicalJson(event.data ?? {}));
    const parts = [...(alongside as StatementPart[]), insertRows(auditLog, [Object.assign(row, { data })])];
    await runParts(tx, "audit", parts, (texts) => {
      const audit = texts.pop()!;
      return texts.length ? `with ${texts.map((t, i) => `w${i} as (${t})`).join(", ")} ${audit}` : audit;
    });
    return;
  }
  if (built.length !== alongside.length) throw new Error("recordEvent: mixed SQL and statement parts");
  const insert = tx.insert(auditLog).values({ ...row, data: canonicalValue(event.data ?? {}) });
  const ctes = sql.join(
    built.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`),
    sql`, `,
  );
  await tx.execute(sql`with ${ctes} ${insert.getSQL()}`);
}

/** The columns a row's hash covers, as hashRow reads them (the time to the millisecond, in UTC). */
export const HASHED_COLUMNS = sql`id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
  actor_id as "actorId", action, entity_type as "entityType", entity_id as "entityId",
  org_unit_id as "orgUnitId", data`;
