import { randomUUID } from "node:crypto";
import type { SubmitFeedbackBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Envelope } from "../../../kernel/envelope";
import { dateInVietnam, clockNow } from "@toandan/contracts";
import {
  contactConsentVersion,
  indexContact,
  newReceiptCode,
  newSecret,
  routeToUnit,
  type ContactIndex,
  type ReceiptVerifier,
} from "../../citizen";
import { acceptanceDueOf, handlingDueOf } from "../feedback.clocks";
import { feedbackItems } from "../feedback.table";

/** Security and order goes to the police; the movement, officials and the rest to the Front. */
export function responsibleBody(topic: SubmitFeedbackBody["topic"]): "police" | "front" {
  return topic === "security_order" ? "police" : "front";
}

/**
 * Receives feedback or a petition. Identity is kept only with explicit consent, sealed. Like tips,
 * not written to the audit chain (its timestamp would date the submission).
 */
export async function submitFeedback(
  db: Db,
  env: Envelope,
  verifier: ReceiptVerifier,
  body: SubmitFeedbackBody,
  dueWorkingDays: number,
  now = clockNow(),
  /** The sender's blind index, written with the item (without it, the start-up backfill indexes it). */
  contactIndex?: ContactIndex,
) {
  const bodyKind = responsibleBody(body.topic);
  const unit = await routeToUnit(db, body, bodyKind);
  const id = randomUUID();
  const receivedOn = dateInVietnam(now);
  // Both clocks start at receipt (feedback.clocks.ts has their legal basis).
  const acceptanceDueOn = acceptanceDueOf(receivedOn);
  const dueOn = handlingDueOf(body.kind, receivedOn, dueWorkingDays);
  const secret = newSecret();
  // The consent text version shown with the box, checked before anything is written.
  const identityConsentTextId = body.identity
    ? await contactConsentVersion(
        db,
        "feedback_contact",
        body.identity.consentTextId,
        "identity.consentTextId",
      )
    : null;
  const identity = body.identity
    ? env.seal(
        JSON.stringify({
          name: body.identity.name,
          phone: body.identity.phone,
          address: body.identity.address,
        }),
        `feedback:${id}:identity`,
      )
    : null;
  for (let attempt = 0; ; attempt += 1) {
    const code = newReceiptCode("P");
    try {
      const row = {
        id,
        code,
        verifier: verifier.of(code, secret),
        kind: body.kind,
        topic: body.topic,
        orgUnitId: unit.id,
        provinceId: unit.provinceId,
        unitPath: unit.path,
        bodyKind,
        bodyId: unit.bodyId,
        receivedOn,
        dueOn,
        acceptanceDueOn,
        title: env.seal(body.title, `feedback:${id}:title`),
        content: env.seal(body.content, `feedback:${id}:content`),
        identity,
        identityConsentTextId,
      };
      const indexed = body.identity && contactIndex ? body.identity : null;
      if (!indexed || !contactIndex) await db.insert(feedbackItems).values(row);
      else {
        await db.transaction(async (tx) => {
          await tx.insert(feedbackItems).values(row);
          await indexContact(tx, contactIndex, "feedback", id, { name: indexed.name, phone: indexed.phone });
        });
      }
      const bodyName = bodyKind === "police" ? "Công an" : "Ủy ban MTTQ";
      return { code, secret, receivedOn, dueOn, acceptanceDueOn, routedTo: `${bodyName} ${unit.name}` };
    } catch (e) {
      const err = e as { code?: string; cause?: { code?: string } };
      if (attempt < 3 && (err.code === "23505" || err.cause?.code === "23505")) continue;
      throw e;
    }
  }
}
