import { randomUUID } from "node:crypto";
import type { SubmitTipBody, SubmitTipResult } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Envelope } from "../../../kernel/envelope";
import { insertRows, runParts } from "../../../kernel/statements";
import { dateInVietnam, clockNow } from "@toandan/contracts";
import {
  cleanAttachment,
  contactConsentVersion,
  newReceiptCode,
  newSecret,
  routeToUnit,
  newContactIndexRows,
  truncateToHour,
  type CleanFile,
  type ContactIndex,
  type ReceiptVerifier,
} from "../../citizen";
import { tipAttachments, tips } from "../tips.table";

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === "23505" || err.cause?.code === "23505";
}

/**
 * Receives a citizen's tip. Everything is checked (routing, attachments) before the single write.
 * Not written to the audit chain on purpose: its exact timestamp would date the submission (see
 * docs/decisions/0008-citizen-channels.md); the tip row is the receipt register entry.
 */
export async function submitTip(
  db: Db,
  env: Envelope,
  verifier: ReceiptVerifier,
  body: SubmitTipBody,
  now = clockNow(),
  /** The contact's blind index, written with the tip (without it, the start-up backfill indexes it). */
  contactIndex?: ContactIndex,
): Promise<SubmitTipResult> {
  const unit = await routeToUnit(db, body, "police");
  const files: CleanFile[] = [];
  for (const [i, a] of (body.attachments ?? []).entries()) {
    files.push(await cleanAttachment(a.contentBase64, i));
  }
  const id = randomUUID();
  const content = env.seal(
    JSON.stringify({
      description: body.description,
      place: body.place || undefined,
      occurredOn: body.occurredOn,
      occurredTime: body.occurredTime || undefined,
    }),
    `tip:${id}:content`,
  );
  const c = body.contact;
  const hasContact = c && (c.name || c.phone || c.email);
  // The consent text version shown with the box, checked before anything is written.
  const consentTextId = hasContact
    ? await contactConsentVersion(db, "tip_contact", c.consentTextId, "contact.consentTextId")
    : null;
  const contact = hasContact
    ? env.seal(JSON.stringify({ name: c.name, phone: c.phone, email: c.email }), `tip:${id}:contact`)
    : null;
  const sealedFiles = files.map((f, n) => ({
    tipId: id,
    n: n + 1,
    mediaType: f.mediaType,
    bytes: f.data.length,
    content: env.seal(f.data, `tip:${id}:attachment:${n + 1}`),
  }));
  const receivedHour = truncateToHour(now);
  const secret = newSecret();
  for (let attempt = 0; ; attempt += 1) {
    const code = newReceiptCode("T");
    try {
      const row = {
        id,
        code,
        verifier: verifier.of(code, secret),
        category: body.category,
        orgUnitId: unit.id,
        provinceId: unit.provinceId,
        unitPath: unit.path,
        bodyId: unit.bodyId,
        remote: unit.remote,
        receivedHour,
        content,
        contact,
        // The consent text version (privacy's consent_texts) the contact is kept under.
        contactConsentTextId: contact ? consentTextId : null,
      };
      const indexed = contact && contactIndex ? { name: c?.name, phone: c?.phone, email: c?.email } : null;
      // The tip, its attachments and its contact's index rows (a new tip has none to drop) go in
      // one statement, atomic on its own: no BEGIN/COMMIT round trips. Its text is built once per
      // shape and prepared (kernel/statements.ts).
      const index = indexed && contactIndex ? newContactIndexRows(contactIndex, "tip", id, indexed) : null;
      const parts = [
        ...(sealedFiles.length ? [insertRows(tipAttachments, sealedFiles)] : []),
        ...(index ? [index] : []),
        insertRows(tips, [row]),
      ];
      await runParts(db, "tip", parts, (texts) => {
        const tip = texts.pop()!;
        return texts.length ? `with ${texts.map((t, i) => `w${i} as (${t})`).join(", ")} ${tip}` : tip;
      });
      return { code, secret, receivedOn: dateInVietnam(now), routedTo: `Công an ${unit.name}` };
    } catch (e) {
      if (attempt < 3 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}
