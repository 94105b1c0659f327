import type { ConsentPurpose } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/** A consent text's version as a form shows it and a record keeps it (by id). */
export type CurrentConsentText = {
  id: string;
  version: number;
  textVi: string;
  withdrawalConsequenceVi: string;
};

/**
 * The version of a purpose's consent text in force now (the newest), or null before the first:
 * what a form shows and what a consent given now is kept under.
 */
export async function currentConsentText(
  db: Db,
  purpose: ConsentPurpose,
): Promise<CurrentConsentText | null> {
  const [row] = await queryRows<CurrentConsentText>(
    db,
    sql`select id, version, text_vi as "textVi", withdrawal_consequence_vi as "withdrawalConsequenceVi"
        from consent_texts where purpose = ${purpose} order by version desc limit 1`,
  );
  return row ?? null;
}
