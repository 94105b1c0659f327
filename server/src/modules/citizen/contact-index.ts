import { createHmac, randomBytes } from "node:crypto";
import path from "node:path";
import { foldVietnamese } from "@toandan/contracts";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { queryRows, type Db } from "../../db/client";
import { loadOrCreateMasterKey } from "../../kernel/envelope";
import { insertRows, type StatementPart } from "../../kernel/statements";
import { citizenContactIndex } from "./citizen.table";

/**
 * The blind index of the contact details citizens leave on tips and feedback (issue 19). Each
 * normalised value is a keyed HMAC under its own 0600 key file next to the master key (kernel/keys.ts
 * lists it): the person's records are found by equality, no contact is opened to search, and the
 * values cannot be read back from the database. The owning module (tips, feedback) writes the rows
 * in the same transaction as the contact, drops them with it, and asks `findContactRecords`.
 */
export const CONTACT_INDEX_KEY_FILE = "contact-index.key";

export type ContactSource = "tip" | "feedback";
export type ContactDetails = {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  identityNumber?: string | null;
  birthYear?: number | null;
};
type TermKind = "name" | "name_birth" | "phone" | "email" | "identity";
export type ContactMatch = "identity" | "phone" | "email" | "name_birth" | "name";

export type ContactIndex = { term: (kind: TermKind, value: string) => string };

const fromKey = (key: Buffer): ContactIndex => ({
  term: (kind, value) => createHmac("sha256", key).update(`contact-${kind}:${value}`).digest("hex"),
});

/** Phone digits, a leading +84 / 84 read as 0: "+84 912 345 678" and "0912.345.678" are one. */
export const normalisePhone = (v: string | null | undefined) => {
  const d = (v ?? "").replace(/\D/g, "");
  return d.startsWith("84") && d.length >= 11 ? `0${d.slice(2)}` : d;
};
const normaliseEmail = (v: string | null | undefined) => (v ?? "").trim().toLowerCase();
const normaliseIdentity = (v: string | null | undefined) => (v ?? "").replace(/\s/g, "").toUpperCase();
const normaliseName = (v: string | null | undefined) => foldVietnamese(v ?? "");

/** Every index term of a contact (none for an empty value). */
export function contactTerms(ci: ContactIndex, c: ContactDetails): { kind: TermKind; term: string }[] {
  const out: { kind: TermKind; term: string }[] = [];
  const add = (kind: TermKind, v: string) => {
    if (v) out.push({ kind, term: ci.term(kind, v) });
  };
  const name = normaliseName(c.name);
  add("name", name);
  if (name && c.birthYear) add("name_birth", `${name}|${c.birthYear}`);
  add("phone", normalisePhone(c.phone));
  add("email", normaliseEmail(c.email));
  add("identity", normaliseIdentity(c.identityNumber));
  return out;
}

/** Replaces a record's index rows with the contact's terms (none when `c` is null). Inside the write. */
export async function indexContact(
  tx: Db,
  ci: ContactIndex,
  source: ContactSource,
  recordId: string,
  c: ContactDetails | null,
): Promise<void> {
  await dropContactIndex(tx, source, [recordId]);
  const terms = c ? contactTerms(ci, c) : [];
  if (terms.length > 0) {
    await tx.insert(citizenContactIndex).values(terms.map((t) => ({ source, recordId, ...t })));
  }
}

/**
 * The index rows of a record created in the same statement (it has none yet, so nothing to drop):
 * an insert to run beside the record's own (kernel/statements.ts), or null when the contact has no
 * indexed value. For a record that may already be indexed, use `indexContact`.
 */
export function newContactIndexRows(
  ci: ContactIndex,
  source: ContactSource,
  recordId: string,
  c: ContactDetails,
): StatementPart | null {
  const terms = contactTerms(ci, c);
  return terms.length
    ? insertRows(
        citizenContactIndex,
        terms.map((t) => ({ source, recordId, ...t })),
      )
    : null;
}

/** Drops the index rows of records whose contact was removed. */
export async function dropContactIndex(tx: Db, source: ContactSource, recordIds: string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await tx
    .delete(citizenContactIndex)
    .where(and(eq(citizenContactIndex.source, source), inArray(citizenContactIndex.recordId, recordIds)));
}

/**
 * The records of `source` whose contact matches the person, each with its strongest match: identity
 * number, phone, e-mail, name with birth year, or name alone (refused when both sides have a birth
 * year and they differ). Equality on the index only: nothing is opened.
 */
export async function findContactRecords(
  db: Db,
  ci: ContactIndex,
  source: ContactSource,
  q: ContactDetails & { fullName: string },
): Promise<Map<string, ContactMatch>> {
  const wanted = contactTerms(ci, { ...q, name: q.fullName });
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<{ recordId: string; kind: TermKind; hasBirth: boolean }>(
    db,
    sql`select i.record_id as "recordId", i.kind,
          exists (select 1 from citizen_contact_index b
                  where b.source = i.source and b.record_id = i.record_id and b.kind = 'name_birth') as "hasBirth"
        from citizen_contact_index i
        where i.source = ${source} and i.term in (${sql.join(
          wanted.map((w) => sql`${w.term}`),
          sql`, `,
        )})`,
  );
  const rank: ContactMatch[] = ["identity", "phone", "email", "name_birth", "name"];
  const out = new Map<string, ContactMatch>();
  for (const r of rows) {
    const wrongBirth = r.kind === "name" && q.birthYear && r.hasBirth;
    if (wrongBirth) continue; // a birth year on both sides: only name_birth may match
    const prev = out.get(r.recordId);
    if (!prev || rank.indexOf(r.kind) < rank.indexOf(prev)) out.set(r.recordId, r.kind);
  }
  return out;
}

/**
 * Indexes, in batches, the records of `source` that hold a contact and have no index rows yet (those
 * written before the index, or by a step that had no key): `pending` lists them, `open` opens one
 * (in the owning module). Answers how many were indexed. Run at start and by the demo seed.
 */
export async function backfillContactIndex(
  db: Db,
  ci: ContactIndex,
  source: ContactSource,
  pending: (db: Db, limit: number) => Promise<{ id: string; contact: ContactDetails }[]>,
): Promise<number> {
  let n = 0;
  for (;;) {
    const batch = await pending(db, 500);
    if (batch.length === 0) return n;
    await db.transaction(async (tx) => {
      for (const r of batch) {
        const terms = contactTerms(ci, r.contact);
        // A contact with nothing to index gets a placeholder row so it is not picked again.
        const rows = terms.length > 0 ? terms : [{ kind: "name" as const, term: "" }];
        await tx
          .insert(citizenContactIndex)
          .values(rows.map((t) => ({ source, recordId: r.id, ...t })))
          .onConflictDoNothing();
      }
    });
    n += batch.length;
  }
}

const byApp = new WeakMap<FastifyInstance, ContactIndex>();
const fromMasterKeyFile = (masterKeyFile: string) =>
  fromKey(loadOrCreateMasterKey(path.join(path.dirname(masterKeyFile), CONTACT_INDEX_KEY_FILE)));

/** The app's contact index (the key file is read once per app). */
export function contactIndexFor(app: FastifyInstance): ContactIndex {
  let c = byApp.get(app);
  if (!c) byApp.set(app, (c = fromMasterKeyFile(app.config.masterKeyFile)));
  return c;
}

/** For the start-up backfill and the demo seed, which run without an app. */
export const contactIndexFromKeyFile = fromMasterKeyFile;

/** A key that lives only in memory (benchmarks' throwaway databases). */
export const ephemeralContactIndex = (): ContactIndex => fromKey(randomBytes(32));
