import type { Commendation, RecordConsentBody } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { getCommendationRow, presentCommendation } from "../commendations.queries";
import { commendations } from "../commendations.table";

/**
 * Records the person's (or the collective's representative's) consent to publication, or its
 * withdrawal. Withdrawing takes the entry off the public register at once.
 */
export async function recordConsent(
  db: Db,
  actor: Actor,
  id: string,
  body: RecordConsentBody,
): Promise<Commendation> {
  const row = await getCommendationRow(db, actor, id, "commendation.publish");
  if (body.given && !body.deedSummary) {
    throw validationFailed([
      { path: "deedSummary", message: "Ghi nội dung việc tốt mà người được khen đồng ý công bố" },
    ]);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(commendations)
      .set({
        consentGiven: body.given,
        consentOn: body.on,
        consentMethod: body.method,
        consentRecordedBy: actor.accountId,
        // The version of the consent text (privacy's consent_texts) in force when it was recorded.
        consentTextId: sql`(select id from consent_texts where purpose = 'commendation_register'
          order by version desc limit 1)`,
        publicName: body.given ? (body.publicName ?? row.nomineeName) : null,
        deedSummary: body.given ? body.deedSummary : null,
        ...(body.given ? {} : { published: false, publishedAt: null }),
      })
      .where(eq(commendations.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "commendation.consent_recorded",
      entityType: "commendation",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { given: body.given, on: body.on, method: body.method },
    });
  });
  return presentCommendation(await getCommendationRow(db, actor, id, "commendation.publish"));
}

/** Puts an entry on (or takes it off) the public register: only with consent, never when rejected. */
export async function publishExemplar(
  db: Db,
  actor: Actor,
  id: string,
  publish: boolean,
): Promise<Commendation> {
  const row = await getCommendationRow(db, actor, id, "commendation.publish");
  if (publish && row.consentGiven !== true) {
    throw conflict("Chưa có sự đồng ý của người được khen: không được công bố.");
  }
  if (publish && row.status === "rejected") throw conflict("Hồ sơ không được chấp thuận: không công bố.");
  await db.transaction(async (tx) => {
    await tx
      .update(commendations)
      .set({ published: publish, publishedAt: publish ? new Date() : null })
      .where(eq(commendations.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "commendation.published",
      entityType: "commendation",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { published: publish },
    });
  });
  return presentCommendation(await getCommendationRow(db, actor, id, "commendation.publish"));
}
