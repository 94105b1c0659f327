import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { queryRows, type Db } from "../db/client";
import type { Envelope } from "./envelope";
import { AppError, validationFailed } from "./errors";

/**
 * Idempotent capture writes (decision 0015). An offline client sends each create with
 * `Idempotency-Key: <uuid>`; the key is claimed with INSERT … ON CONFLICT DO NOTHING as the first
 * statement of the write's own transaction, and the answer is stored in that transaction. So:
 * - a resend after the first committed finds the key and gets the stored status and body back
 *   (with `Idempotency-Replayed: true`), writing nothing;
 * - a concurrent resend blocks on the unique key until the first commits, then replays it;
 * - a write that fails rolls its claim back with everything else: the key is not spent;
 * - the same key with another request (operation, path, query or body) is 409 `idempotency_key_reused`.
 * Keys belong to an account: another account's key of the same value is another key.
 * The stored answer holds personal data (a household head's name, a roster member's identity), so it
 * is sealed with the master key (kernel/envelope.ts), bound to its account and key.
 */

/** Request header carrying the client's key. */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
/** Response header set on an answer replayed from a stored one. */
export const IDEMPOTENCY_REPLAYED_HEADER = "idempotency-replayed";
/** A UUID, or any key of 8–128 letters, digits and `._:-`. */
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
/** Keys are kept this long, then purged (`purgeIdempotencyKeys`). */
export const IDEMPOTENCY_KEY_DAYS = 30;

/** The request's Idempotency-Key, or undefined without one; a malformed key is 400. */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const value = req.headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !KEY_PATTERN.test(value)) {
    throw validationFailed([
      {
        path: "Idempotency-Key",
        message: "Mã gửi (Idempotency-Key) phải là một UUID hoặc 8–128 ký tự chữ, số, dấu . _ : -",
      },
    ]);
  }
  return value;
}

/** JSON with object keys sorted, so equal requests hash alike whatever their key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (Buffer.isBuffer(value)) return JSON.stringify(createHash("sha256").update(value).digest("hex"));
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/** SHA-256 of the canonical form of what identifies a request. */
export function requestHash(operation: string, fingerprint: unknown): string {
  return createHash("sha256").update(operation).update("\n").update(canonical(fingerprint)).digest("hex");
}

export type IdempotentAnswer = { status: number; body: unknown; replayed: boolean };

export type IdempotencyClaim = {
  accountId: string;
  /** The client's key; without one the write runs as it always did. */
  key: string | undefined;
  /** The operationId. */
  operation: string;
  /** What makes two requests the same: path parameters, query and body (file bytes are hashed). */
  fingerprint: unknown;
  /** Seals the stored answer. */
  envelope: Envelope;
};

type StoredKey = { operation: string; requestHash: string; status: number | null; response: unknown };

const aadOf = (accountId: string, key: string) => `idempotency:${accountId}:${key}`;

/**
 * Runs `write` once per (account, key): inside one transaction that first claims the key, then
 * writes (the handle given to `write` is that transaction — every read and write of the request
 * must use it), then stores `status` and the answer. A replay answers the stored status and body.
 */
export async function runIdempotent(
  db: Db,
  claim: IdempotencyClaim,
  status: number,
  write: (tx: Db) => Promise<unknown>,
): Promise<IdempotentAnswer> {
  if (!claim.key) return { status, body: await write(db), replayed: false };
  await purgeNowAndThen(db);
  const { accountId, key, operation } = claim;
  const hash = requestHash(operation, claim.fingerprint);
  return db.transaction(async (tx) => {
    const claimed = await queryRows<{ key: string }>(
      tx,
      sql`insert into idempotency_keys (account_id, key, operation, request_hash)
          values (${accountId}, ${key}, ${operation}, ${hash})
          on conflict (account_id, key) do nothing
          returning key`,
    );
    if (claimed.length === 0) {
      // Another request holds or held the key; the insert waited for it to commit.
      const [prior] = await queryRows<StoredKey>(
        tx,
        sql`select operation, request_hash as "requestHash", status, response
            from idempotency_keys where account_id = ${accountId} and key = ${key}`,
      );
      if (!prior || prior.operation !== operation || prior.requestHash !== hash || prior.status === null) {
        throw new AppError("idempotency_key_reused");
      }
      const sealed = Buffer.from(String(prior.response), "base64");
      const body: unknown = JSON.parse(claim.envelope.openText(sealed, aadOf(accountId, key)));
      return { status: prior.status, body, replayed: true };
    }
    const text = JSON.stringify((await write(tx)) ?? null);
    const sealed = claim.envelope.seal(text, aadOf(accountId, key)).toString("base64");
    await tx.execute(
      sql`update idempotency_keys set status = ${status}, response = to_jsonb(${sealed}::text)
          where account_id = ${accountId} and key = ${key}`,
    );
    // The first answer is the stored one as well, so a replay is byte for byte the same.
    return { status, body: JSON.parse(text) as unknown, replayed: false };
  });
}

/** Sends an answer of `runIdempotent`, marking a replay. */
export function sendIdempotent(reply: FastifyReply, answer: IdempotentAnswer): FastifyReply {
  if (answer.replayed) reply.header(IDEMPOTENCY_REPLAYED_HEADER, "true");
  return reply.status(answer.status).send(answer.body);
}

/** The request's claim for `runIdempotent`: its key and the default fingerprint. */
export function claimOf(
  req: FastifyRequest,
  accountId: string,
  operation: string,
  fingerprint: unknown = { params: req.params, query: req.query, body: req.body },
): IdempotencyClaim {
  return { accountId, key: idempotencyKeyOf(req), operation, fingerprint, envelope: req.server.envelope };
}

const PURGE_EVERY_MS = 60 * 60 * 1000;
const purge = { last: 0 };

/** Each process purges old keys on its first keyed write and then at most once an hour. */
async function purgeNowAndThen(db: Db): Promise<void> {
  if (Date.now() - purge.last < PURGE_EVERY_MS) return;
  purge.last = Date.now();
  await purgeIdempotencyKeys(db);
}

/** Deletes keys older than IDEMPOTENCY_KEY_DAYS; the number deleted. */
export async function purgeIdempotencyKeys(db: Db): Promise<number> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`delete from idempotency_keys
        where created_at < now() - make_interval(days => ${IDEMPOTENCY_KEY_DAYS}::int) returning key`,
  );
  return rows.length;
}
