import type { CaseHelpParts } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { aad, type CaseCrypto } from "./cases.crypto";

type Sealed = Uint8Array | null;
type Parts = CaseHelpParts;

/** A file's help instances, rehabilitation referrals and sessions before the community, opened. */
export async function loadHelpParts(db: Db, crypto: CaseCrypto, id: string): Promise<CaseHelpParts> {
  const open = (v: Sealed, field: string) =>
    v ? crypto.envelope.openText(Buffer.from(v), aad(id, field)) : null;
  const help = await queryRows<Omit<Parts["helpInstances"][number], "notes"> & { notesSealed: Sealed }>(
    db,
    sql`select id, received_on::text as "receivedOn", kind, helper, outcome, outcome_on::text as "outcomeOn",
          notes_sealed as "notesSealed"
        from case_help_instances where case_id = ${id} order by received_on, created_at`,
  );
  const referrals = await queryRows<Omit<Parts["referrals"][number], "notes"> & { notesSealed: Sealed }>(
    db,
    sql`select id, referred_on::text as "referredOn", mode, facility, decision_number as "decisionNumber",
          outcome, outcome_on::text as "outcomeOn", notes_sealed as "notesSealed"
        from case_referrals where case_id = ${id} order by referred_on, created_at`,
  );
  const sessions = await queryRows<
    Omit<Parts["communitySessions"][number], "commitments"> & { commitmentsSealed: Uint8Array }
  >(
    db,
    sql`select id, held_on::text as "heldOn", presided_by as "presidedBy", venue, attendees,
          commitments_sealed as "commitmentsSealed"
        from case_community_sessions where case_id = ${id} order by held_on, created_at`,
  );
  return {
    helpInstances: help.map(({ notesSealed, ...h }) => ({ ...h, notes: open(notesSealed, `help:${h.id}`) })),
    referrals: referrals.map(({ notesSealed, ...r }) => ({
      ...r,
      notes: open(notesSealed, `referral:${r.id}`),
    })),
    communitySessions: sessions.map(({ commitmentsSealed, ...s }) => ({
      ...s,
      commitments: open(commitmentsSealed, `community:${s.id}`) ?? "",
    })),
  };
}
