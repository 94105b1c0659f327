import { createHmac, randomBytes } from "node:crypto";
import path from "node:path";
import { foldVietnamese } from "@toandan/contracts";
import type { FastifyInstance } from "fastify";
import { Envelope, loadOrCreateMasterKey } from "../../kernel/envelope";

/**
 * Sealing of roster identities and the blind index of members' names. The index key is its own
 * 0600 key file next to the master key (kernel/keys.ts lists it): a keyed HMAC of the folded name
 * (accent-insensitive, as contracts' foldVietnamese) finds "Nguyen Van A" and "Nguyễn Văn A"
 * alike, without the name being recoverable from the database.
 */
export type RosterCrypto = {
  envelope: Envelope;
  nameIndex: (fullName: string) => string;
};

export const ROSTER_INDEX_KEY_FILE = "roster-index.key";

function build(envelope: Envelope, masterKeyFile: string): RosterCrypto {
  const key = loadOrCreateMasterKey(path.join(path.dirname(masterKeyFile), ROSTER_INDEX_KEY_FILE));
  return {
    envelope,
    nameIndex: (n) =>
      createHmac("sha256", key)
        .update(`member-name:${foldVietnamese(n)}`)
        .digest("hex"),
  };
}

const byApp = new WeakMap<FastifyInstance, RosterCrypto>();

/** The app's roster crypto (one per app: the key file is read once). */
export function rosterCryptoFor(app: FastifyInstance): RosterCrypto {
  let c = byApp.get(app);
  if (!c) byApp.set(app, (c = build(app.envelope, app.config.masterKeyFile)));
  return c;
}

/** For the demo seed and CLI steps that run without an app. */
export function rosterCryptoFromKeyFile(masterKeyFile: string): RosterCrypto {
  return build(new Envelope(loadOrCreateMasterKey(masterKeyFile)), masterKeyFile);
}

/**
 * Keys that live only in memory: for a throwaway database seeded without a key file (benchmarks).
 * What it seals can never be opened by a server.
 */
export function ephemeralRosterCrypto(): RosterCrypto {
  const key = randomBytes(32);
  return {
    envelope: new Envelope(randomBytes(32)),
    nameIndex: (n) =>
      createHmac("sha256", key)
        .update(`member-name:${foldVietnamese(n)}`)
        .digest("hex"),
  };
}

const aad = (memberId: string, field: string) => `group_member:${memberId}:${field}`;

export type MemberIdentity = {
  fullName: string;
  ethnicity?: string | null;
  religion?: string | null;
  notes?: string | null;
};

/** The sealed columns of a member's identity (the id must be the row's). */
export function sealMember(c: RosterCrypto, memberId: string, m: MemberIdentity) {
  return {
    fullName: null,
    fullNameSealed: c.envelope.seal(m.fullName, aad(memberId, "full_name")),
    nameIndex: c.nameIndex(m.fullName),
    ethnicitySealed: c.envelope.sealOptional(m.ethnicity ?? null, aad(memberId, "ethnicity")),
    religionSealed: c.envelope.sealOptional(m.religion ?? null, aad(memberId, "religion")),
    notesSealed: c.envelope.sealOptional(m.notes ?? null, aad(memberId, "notes")),
  };
}

export type SealedMemberColumns = {
  id: string;
  fullName: string | null;
  fullNameSealed: Buffer | null;
  ethnicitySealed: Buffer | null;
  religionSealed: Buffer | null;
  notesSealed: Buffer | null;
};

const buf = (v: Buffer | Uint8Array | null) => (v ? Buffer.from(v) : null);

/**
 * A member's identity in clear for a reader in scope. A de-identified member (retention) has no
 * name: it reads as empty; a row not yet upgraded reads its legacy clear name.
 */
export function openMember(c: RosterCrypto, row: SealedMemberColumns): Required<MemberIdentity> {
  const open = (v: Buffer | null, field: string) => c.envelope.openOptionalText(buf(v), aad(row.id, field));
  return {
    fullName: open(row.fullNameSealed, "full_name") ?? row.fullName ?? "",
    ethnicity: open(row.ethnicitySealed, "ethnicity"),
    religion: open(row.religionSealed, "religion"),
    notes: open(row.notesSealed, "notes"),
  };
}
