import path from "node:path";
import { IdSchema, OkSchema } from "@toandan/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, validationFailed } from "../../kernel/errors";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { claimOf, sendIdempotent } from "../../kernel/idempotency";
import { ifMatchOf } from "../../kernel/row-version";
import {
  attachCommitmentScan,
  readCommitmentScan,
  SCAN_MAX_BYTES,
  scanTarget,
} from "./commands/commitment-scan";

const Params = z.object({ id: IdSchema, year: z.coerce.number().int().min(2000).max(2100) });

export const commitmentScanRoutes: FastifyPluginAsyncZod = async (app) => {
  const uploads = path.join(app.config.dataDir, "uploads");

  app.put(
    "/households/:id/commitments/:year/scan",
    {
      config: { permission: "household.manage" },
      schema: {
        operationId: "attachCommitmentScan",
        tags: ["households"],
        summary: "Attach the signed form's scan (multipart field `file`: PDF, JPEG or PNG, ≤ 5 MB)",
        params: Params,
        response: { 200: OkSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const expected = ifMatchOf(req);
      // Refused (404, 409) before the upload is read.
      const target = await scanTarget(app.db, actor, req.params.id, req.params.year);
      const file = req.isMultipart()
        ? await req.file({ limits: { fileSize: SCAN_MAX_BYTES, files: 1 } })
        : undefined;
      if (!file) throw validationFailed([{ path: "file", message: "Chọn tệp bản quét (PDF, JPG hoặc PNG)" }]);
      const data = await file.toBuffer().catch(() => {
        throw new AppError("payload_too_large", "Tệp bản quét tối đa 5 MB.");
      });
      // The phone may resend the photo (Idempotency-Key): the same file bytes are the same request.
      const claim = claimOf(req, actor.accountId, "attachCommitmentScan", { params: req.params, file: data });
      const answer = await attachCommitmentScan(app.db, uploads, actor, target, data, expected, claim);
      return sendIdempotent(reply, answer);
    },
  );

  app.get(
    "/households/:id/commitments/:year/scan",
    {
      config: { permission: "household.read" },
      schema: {
        operationId: "getCommitmentScan",
        tags: ["households"],
        summary: "The signed form's scan, if one was attached",
        params: Params,
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const scan = await readCommitmentScan(
        app.db,
        uploads,
        requireActor(req),
        req.params.id,
        req.params.year,
      );
      return (reply as FastifyReply)
        .type(scan.type)
        .header("content-disposition", `inline; filename="${scan.filename}"`)
        .send(scan.data);
    },
  );
};
