import type { PersonRecord, PersonRecords } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { scopePrefixes, type Actor } from "../../../kernel/authz";
import { forbidden } from "../../../kernel/errors";
import { caseCryptoFor, findCasePersonRecords } from "../../cases";
import { contactIndexFor } from "../../citizen";
import { findCommendationPersonRecords } from "../../commendations";
import { findFeedbackPersonRecords } from "../../feedback";
import { findGroupPersonRecords, rosterCryptoFor } from "../../groups";
import { findHouseholdPersonRecords } from "../../households";
import { findTipPersonRecords } from "../../tips";
import { managesAt } from "../privacy.policy";
import { getRequestRow, openSubject } from "../privacy.queries";
import { privacyRequests } from "../privacy.table";

/**
 * Every record about the request's person in the officer's units: each module searches its own
 * tables (through blind indexes where names or numbers are sealed) and discloses only what it
 * holds in clear. The search and how many records each module found are audited.
 */
export async function searchPersonRecords(
  app: FastifyInstance,
  db: Db,
  actor: Actor,
  id: string,
): Promise<PersonRecords> {
  const r = await getRequestRow(db, actor, id);
  if (!managesAt(actor, r.rollupPath)) throw forbidden();
  const items = await findAllRecords(app, db, actor, openSubject(app.envelope, r), r.rollupPath);
  const modules: Record<string, number> = {};
  for (const x of items) modules[x.module] = (modules[x.module] ?? 0) + 1;
  await db.transaction(async (tx) => {
    await tx.update(privacyRequests).set({ recordsFound: items.length }).where(eq(privacyRequests.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.request_searched",
      entityType: "privacy_request",
      entityId: id,
      orgUnitId: r.orgUnitId,
      data: { found: items.length, modules },
    });
  });
  return { items };
}

/** The search itself, within the request's unit subtree and the officer's privacy scope. */
export async function findAllRecords(
  app: FastifyInstance,
  db: Db,
  actor: Actor,
  subject: Parameters<typeof findHouseholdPersonRecords>[2],
  requestPath: string,
): Promise<PersonRecord[]> {
  const prefixes = scopePrefixes(actor, "privacy.manage").filter(
    (p) => p.startsWith(requestPath) || requestPath.startsWith(p),
  );
  const narrowed = prefixes.map((p) => (p.length >= requestPath.length ? p : requestPath));
  const found = await Promise.all([
    findHouseholdPersonRecords(db, narrowed, subject),
    findGroupPersonRecords(db, narrowed, subject, rosterCryptoFor(app).nameIndex),
    findCommendationPersonRecords(db, narrowed, subject),
    findTipPersonRecords(db, contactIndexFor(app), narrowed, subject),
    findFeedbackPersonRecords(db, contactIndexFor(app), narrowed, subject),
    findCasePersonRecords(db, narrowed, subject, caseCryptoFor(app).identityIndex),
  ]);
  return found.flat();
}
