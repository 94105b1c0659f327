import { todayInVietnam } from "@toandan/contracts";
import fs from "node:fs/promises";
import path from "node:path";
import { DossierKindSchema, IdSchema, OkSchema } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordEvent } from "../../kernel/audit";
import { isInScope } from "../../kernel/authz";
import { AppError, conflict, forbidden, notFound, validationFailed } from "../../kernel/errors";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { dossierDocx } from "./certification.docx";
import { computeEvidence } from "./certification.evidence";
import { documentsOf, getVisibleCycle } from "./certification.queries";
import { certificationDocuments } from "./certification.table";

/** Signed scans: PDF, JPEG or PNG up to 5 MB, checked by their first bytes (as commitment scans). */
const SCAN_MAX_BYTES = 5 * 1024 * 1024;
const KINDS = [
  { ext: "pdf", type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: "jpg", type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { ext: "png", type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
] as const;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const FILE_NAMES = {
  submission: "to-trinh",
  results_report: "bao-cao-ket-qua",
  minutes: "bien-ban-hop",
} as const;
/** Scans may be attached once the meeting is held and until the decision. */
const UPLOAD_STATUSES = new Set(["self_assessed", "reviewed", "appraised"]);

const Params = z.object({ id: IdSchema, kind: DossierKindSchema });

export const certificationDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  const root = path.join(app.config.dataDir, "uploads");

  app.get(
    "/certification/cycles/:id/documents/:kind/draft",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "generateCertificationDocument",
        tags: ["certification"],
        summary: "DOCX draft of a dossier document (Decree 30/2020 layout) filled from the cycle",
        params: Params,
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const cycle = await getVisibleCycle(app.db, actor, req.params.id);
      const evidence = await computeEvidence(app.db, cycle);
      const data = await dossierDocx(req.params.kind, cycle, evidence, todayInVietnam());
      return (reply as FastifyReply)
        .type(DOCX)
        .header(
          "content-disposition",
          `attachment; filename="${FILE_NAMES[req.params.kind]}-${cycle.year}.docx"`,
        )
        .send(data);
    },
  );

  app.put(
    "/certification/cycles/:id/documents/:kind",
    {
      config: { permission: "certification.self_assess" },
      schema: {
        operationId: "uploadCertificationDocument",
        tags: ["certification"],
        summary:
          "Attach the signed scan of a dossier document (multipart field `file`: PDF, JPEG, PNG ≤ 5 MB)",
        params: Params,
        response: { 200: OkSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const cycle = await getVisibleCycle(app.db, actor, req.params.id);
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
      const previous = (await documentsOf(app.db, cycle.id)).find((d) => d.kind === req.params.kind);
      const relative = path.join("certification", `${cycle.id}-${req.params.kind}.${kind.ext}`);
      await fs.mkdir(path.join(root, "certification"), { recursive: true });
      await fs.writeFile(path.join(root, relative), data, { mode: 0o600 });
      await app.db.transaction(async (tx) => {
        await tx
          .insert(certificationDocuments)
          .values({
            cycleId: cycle.id,
            kind: req.params.kind,
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
          data: { kind: req.params.kind, type: kind.type, bytes: data.length },
        });
      });
      if (previous && previous.filePath !== relative) {
        await fs.rm(path.join(root, previous.filePath), { force: true });
      }
      return { ok: true as const };
    },
  );

  app.get(
    "/certification/cycles/:id/documents/:kind",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "getCertificationDocument",
        tags: ["certification"],
        summary: "The signed scan of a dossier document, if one was attached",
        params: Params,
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const cycle = await getVisibleCycle(app.db, actor, req.params.id);
      const doc = (await documentsOf(app.db, cycle.id)).find((d) => d.kind === req.params.kind);
      if (!doc) throw notFound("Chưa có bản ký của văn bản này.");
      const data = await fs.readFile(path.join(root, doc.filePath));
      return (reply as FastifyReply)
        .type(doc.mimeType)
        .header("content-disposition", `inline; filename="${path.basename(doc.filePath)}"`)
        .send(data);
    },
  );
};
