import type { ConsentText, CreateConsentTextBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { consentTexts } from "../privacy.table";

/**
 * Issues a new version of a purpose's consent text (never an edit: consents already given keep
 * naming the version they were given to).
 */
export async function createConsentText(
  db: Db,
  actor: Actor,
  body: CreateConsentTextBody,
): Promise<ConsentText> {
  return db.transaction(async (tx) => {
    // One writer per purpose at a time: the next version number is read under the lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`consent_texts:${body.purpose}`}))`);
    const [last] = await queryRows<{ v: number | null }>(
      tx,
      sql`select max(version)::int as v from consent_texts where purpose = ${body.purpose}`,
    );
    const version = (last?.v ?? 0) + 1;
    const [row] = await tx
      .insert(consentTexts)
      .values({ ...body, version, createdBy: actor.accountId })
      .returning();
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.consent_text_created",
      entityType: "consent_text",
      entityId: row!.id,
      orgUnitId: null,
      data: { purpose: body.purpose, version },
    });
    return {
      id: row!.id,
      purpose: body.purpose,
      version,
      textVi: row!.textVi,
      withdrawalConsequenceVi: row!.withdrawalConsequenceVi,
      createdAt: row!.createdAt.toISOString(),
      current: true,
    };
  });
}
