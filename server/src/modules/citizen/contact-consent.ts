import type { ContactConsentState } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { validationFailed } from "../../kernel/errors";

/** The consent purposes of the citizen channels' contact details (privacy's consent_texts). */
export type ContactConsentPurpose = "tip_contact" | "feedback_contact";

/** `purpose:id` of the consent text versions found so far. */
const knownVersions = new Set<string>();

/**
 * The consent text version a citizen agreed to when leaving contact details: the one the form
 * showed (`given`, checked to be a version of this purpose: 400 on `path` otherwise, before anything
 * is written) or, when the client did not name it, the purpose's current version.
 */
export async function contactConsentVersion(
  db: Db,
  purpose: ContactConsentPurpose,
  given: string | undefined,
  path: string,
): Promise<string | null> {
  // A consent text is never changed or deleted (a new text is a new version), so a version once
  // found stays this purpose's on every process: no look-up per tip for the versions in use.
  if (given && knownVersions.has(`${purpose}:${given}`)) return given;
  const [row] = await queryRows<{ id: string }>(
    db,
    given
      ? sql`select id from consent_texts where id = ${given} and purpose = ${purpose}`
      : sql`select id from consent_texts where purpose = ${purpose} order by version desc limit 1`,
  );
  if (given && !row) {
    throw validationFailed([
      { path, message: "Lời đồng ý không đúng phiên bản; tải lại trang và đánh dấu đồng ý lại" },
    ]);
  }
  if (given && row) {
    if (knownVersions.size >= 1000) knownVersions.clear();
    knownVersions.add(`${purpose}:${given}`);
  }
  return row?.id ?? null;
}

/**
 * What the citizen sees of their consent on the look-up page: given (with what withdrawing means,
 * in the words of the version agreed to), withdrawn on a day, or null when no contact was left.
 */
export async function contactConsentState(
  db: Db,
  r: { consentTextId: string | null; withdrawnOn: string | null; hasContact: boolean },
): Promise<ContactConsentState> {
  if (!r.withdrawnOn && !r.hasContact) return null;
  const [text] = r.consentTextId
    ? await queryRows<{ version: number; consequence: string }>(
        db,
        sql`select version, withdrawal_consequence_vi as consequence from consent_texts where id = ${r.consentTextId}`,
      )
    : [];
  return {
    state: r.withdrawnOn ? "withdrawn" : "given",
    version: text?.version ?? null,
    withdrawnOn: r.withdrawnOn,
    withdrawalConsequence: text?.consequence ?? null,
  };
}
