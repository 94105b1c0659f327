import fs from "node:fs/promises";
import path from "node:path";
import type { DossierKind } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { isInScope, type Actor } from "../../../kernel/authz";
import { AppError, conflict, forbidden, validationFailed } from "../../../kernel/errors";
import { UPLOAD_STATUSES } from "../certification.policy";
import { documentsOf, getVisibleCycle } from "../certification.queries";
import { certificationDocuments } from "../certification.table";

/** Signed scans: PDF, JPEG or PNG up to 5 MB, checked by their first bytes (as commitment scans). */
const SCAN_MAX_BYTES = 5 * 1024 * 1024;
const KINDS = [
  { ext: "pdf", type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: "jpg", type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { ext: "png", type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
] as const;

/** Attaches the signed scan of a dossier document (the multipart field `file`), replacing an older one. */
export async function uploadCertificationDocument(
  db: Db,
  actor: Actor,
  req: FastifyRequest,
  uploadsRoot: string,
  id: string,
  dossierKind: DossierKind,
) {
  const cycle = await getVisibleCycle(db, actor, id);
  if (!isInScope(actor, "certification.self_assess", cycle.unitPath)) throw forbidden();
  if (!UPLOAD_STATUSES.has(cycle.status)) {
    throw conflict("Chỉ tải lên bản ký sau khi tự đánh giá và trước khi có quyết định.");
  }
  const file = req.isMultipart()
    ? await req.file({ limits: { fileSize: SCAN_MAX_BYTES, files: 1 } })
    : undefined;
  if (!file) throw validationFailed([{ path: "file", message: "Chọn tệp bản ký (PDF, JPG hoặc PNG)" }]);
  const data = await file.toBuffer().catch(() => {
    throw new AppError("payload_too_large", "Tệp bản ký tối đa 5 MB.");
  });
  const kind = KINDS.find((k) => k.magic.every((b, i) => data[i] === b));
  if (!kind) throw validationFailed([{ path: "file", message: "Tệp phải là PDF, JPG hoặc PNG" }]);
  const previous = (await documentsOf(db, cycle.id)).find((d) => d.kind === dossierKind);
  const relative = path.join("certification", `${cycle.id}-${dossierKind}.${kind.ext}`);
  await fs.mkdir(path.join(uploadsRoot, "certification"), { recursive: true });
  await fs.writeFile(path.join(uploadsRoot, relative), data, { mode: 0o600 });
  await db.transaction(async (tx) => {
    await tx
      .insert(certificationDocuments)
      .values({
        cycleId: cycle.id,
        kind: dossierKind,
        filePath: relative,
        mimeType: kind.type,
        bytes: data.length,
        uploadedBy: actor.accountId,
      })
      .onConflictDoUpdate({
        target: [certificationDocuments.cycleId, certificationDocuments.kind],
        set: {
          filePath: relative,
          mimeType: kind.type,
          bytes: data.length,
          uploadedBy: actor.accountId,
          uploadedAt: sql`now()`,
        },
      });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "certification.document_uploaded",
      entityType: "certification_cycle",
      entityId: cycle.id,
      orgUnitId: cycle.orgUnitId,
      data: { kind: dossierKind, type: kind.type, bytes: data.length },
    });
  });
  if (previous && previous.filePath !== relative) {
    await fs.rm(path.join(uploadsRoot, previous.filePath), { force: true });
  }
  return { ok: true as const };
}
