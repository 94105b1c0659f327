import { randomUUID } from "node:crypto";
import {
  clockNow,
  dateInVietnam,
  type ApiIssue,
  type RecordTipIntakeBody,
  type RecordTipIntakeResult,
} from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { AppError, notFound, validationFailed } from "../../../kernel/errors";
import {
  cleanAttachment,
  newReceiptCode,
  newSecret,
  routeToUnit,
  indexContact,
  truncateToHour,
  type CleanFile,
  type ContactIndex,
  type ReceiptVerifier,
} from "../../citizen";
import { findCurrentUnit } from "../../org-units";
import { intakeAad, intakeChannelsAt, mayRecordIntakeAt, type SealedIntake } from "../tips.intake";
import { tipAttachments, tips } from "../tips.table";

/** A data-entry guard, not a legal limit: a report is entered within days of its receipt. */
const MAX_BACKDATE_DAYS = 30;

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === "23505" || err.cause?.code === "23505";
}

/** The attachment checks of the web form, with the issue put on the field it came from. */
async function clean(base64: string, index: number, path: string): Promise<CleanFile> {
  try {
    return await cleanAttachment(base64, index);
  } catch (e) {
    if (e instanceof AppError && e.issues) {
      throw validationFailed(e.issues.map((i) => ({ ...i, path: `${path}.contentBase64` })));
    }
    throw e;
  }
}

/**
 * Records a crime report received orally, by phone, by letter or passed on by a cadre (CPC 2015
 * Art. 145–146, Joint Circular 01/2017 Art. 5–8): a tip like a web one — same receipt code and
 * secret, same sealing of content and reporter, same clocks from the hour of receipt — plus the
 * sealed intake record (who received it, when, where, from whom or anonymous, the signed record's
 * scan). Content and identity never reach the audit data or the logs.
 */
export async function recordTipIntake(
  db: Db,
  env: Envelope,
  verifier: ReceiptVerifier,
  actor: Actor,
  body: RecordTipIntakeBody,
  now = clockNow(),
  /** The reporter's blind index, written with the tip (without it, the start-up backfill indexes it). */
  contactIndex?: ContactIndex,
): Promise<RecordTipIntakeResult> {
  const target = await findCurrentUnit(db, body.orgUnitId, ["province", "commune"]);
  if (!target || !mayRecordIntakeAt(actor, target)) throw notFound();
  const issues: ApiIssue[] = [];
  const byCadre = !intakeChannelsAt(actor, target.path).includes("oral");
  if (byCadre && body.channel !== "cadre") {
    issues.push({
      path: "channel",
      message: "Cán bộ Mặt trận, đoàn thể ghi nhận tin báo chuyển đến Công an xã",
    });
  }
  const receivedAt = new Date(`${body.receivedAt}:00+07:00`);
  if (Number.isNaN(receivedAt.getTime())) {
    issues.push({ path: "receivedAt", message: "Thời điểm tiếp nhận không hợp lệ" });
  } else if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    issues.push({ path: "receivedAt", message: "Thời điểm tiếp nhận không được ở tương lai" });
  } else if (now.getTime() - receivedAt.getTime() > MAX_BACKDATE_DAYS * 86_400_000) {
    issues.push({
      path: "receivedAt",
      message: `Thời điểm tiếp nhận không quá ${MAX_BACKDATE_DAYS} ngày trước`,
    });
  }
  if (issues.length) throw validationFailed(issues);

  const unit = await routeToUnit(
    db,
    target.kind === "commune" ? { communeId: target.id } : { provinceId: target.id },
    "police",
  );
  const files: CleanFile[] = [];
  if (body.signedRecord) files.push(await clean(body.signedRecord.contentBase64, 0, "signedRecord"));
  for (const [i, a] of (body.attachments ?? []).entries()) {
    files.push(await clean(a.contentBase64, i, `attachments.${i}`));
  }

  const id = randomUUID();
  // Sealed exactly as a web tip's (submit-tip.ts): the same fields under the same associated data.
  const content = env.seal(
    JSON.stringify({
      description: body.description,
      place: body.place || undefined,
      occurredOn: body.occurredOn,
      occurredTime: body.occurredTime || undefined,
    }),
    `tip:${id}:content`,
  );
  const contact = body.anonymous
    ? null
    : env.seal(
        JSON.stringify({
          name: body.reporterName,
          phone: body.reporterPhone || undefined,
          address: body.reporterAddress || undefined,
          identityNumber: body.reporterIdentityNumber || undefined,
          birthYear: body.reporterBirthYear,
        }),
        `tip:${id}:contact`,
      );
  const record: SealedIntake = {
    receivedAt: body.receivedAt,
    receivedPlace: body.receivedPlace || null,
    receiverName: body.receiverName,
    receiverPosition: body.receiverPosition || null,
    recordedByCadre: byCadre,
    passedOnByName: body.passedOnByName || null,
    passedOnByOrganisation: body.passedOnByOrganisation || null,
    anonymous: body.anonymous,
    confidentialityRequested: body.confidentialityRequested,
    signedRecordN: body.signedRecord ? 1 : null,
  };
  const intake = env.seal(JSON.stringify(record), intakeAad(id));
  const sealedFiles = files.map((f, n) => ({
    tipId: id,
    n: n + 1,
    mediaType: f.mediaType,
    bytes: f.data.length,
    content: env.seal(f.data, `tip:${id}:attachment:${n + 1}`),
  }));
  const secret = newSecret();
  for (let attempt = 0; ; attempt += 1) {
    const code = newReceiptCode("T");
    try {
      await db.transaction(async (tx) => {
        await tx.insert(tips).values({
          id,
          code,
          verifier: verifier.of(code, secret),
          category: body.category,
          orgUnitId: unit.id,
          provinceId: unit.provinceId,
          unitPath: unit.path,
          bodyId: unit.bodyId,
          remote: unit.remote,
          // The clocks run from the hour of receipt, as for a web tip.
          receivedHour: truncateToHour(receivedAt),
          content,
          contact,
          channel: body.channel,
          intake,
        });
        if (sealedFiles.length) await tx.insert(tipAttachments).values(sealedFiles);
        if (contact && contactIndex) {
          await indexContact(tx, contactIndex, "tip", id, {
            name: body.reporterName,
            phone: body.reporterPhone,
            identityNumber: body.reporterIdentityNumber,
            birthYear: body.reporterBirthYear,
          });
        }
        await recordEvent(tx, {
          actorId: actor.accountId,
          action: "tip.intake_recorded",
          entityType: "tip",
          entityId: id,
          orgUnitId: unit.id,
          data: {
            code,
            channel: body.channel,
            anonymous: body.anonymous,
            signedRecord: Boolean(body.signedRecord),
          },
        });
      });
      return {
        tipId: id,
        code,
        secret,
        receivedOn: dateInVietnam(receivedAt),
        receivedAt: body.receivedAt,
        routedTo: `Công an ${unit.name}`,
        channel: body.channel,
      };
    } catch (e) {
      if (attempt < 3 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}
