import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { IdSchema, OkSchema } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { queryRows } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { AppError, notFound, validationFailed } from "../../kernel/errors";
import { requireActor } from "../../kernel/http/context";
import { claimOf, runIdempotent, sendIdempotent } from "../../kernel/idempotency";
import { ifMatchOf, runVersioned } from "../../kernel/row-version";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { refuseRestricted } from "../citizen";
import { getVisibleHousehold, getWritableHousehold } from "./households.queries";

/** Scans of signed commitment forms: PDF, JPEG or PNG up to 5 MB, checked by their first bytes. */
export const SCAN_MAX_BYTES = 5 * 1024 * 1024;
const KINDS = [
  { ext: "pdf", type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: "jpg", type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { ext: "png", type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
] as const;

const Params = z.object({ id: IdSchema, year: z.coerce.number().int().min(2000).max(2100) });

type CommitmentRow = { id: string; scanPath: string | null };

export const commitmentScanRoutes: FastifyPluginAsyncZod = async (app) => {
  const root = path.join(app.config.dataDir, "uploads");

  async function commitmentOf(householdId: string, year: number): Promise<CommitmentRow> {
    const [row] = await queryRows<CommitmentRow>(
      app.db,
      sql`select id, scan_path as "scanPath" from household_commitments where household_id = ${householdId} and year = ${year}`,
    );
    if (!row) throw notFound("Hộ chưa có cam kết của năm này.");
    return row;
  }

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
      const household = await getWritableHousehold(app.db, actor, req.params.id);
      const commitment = await commitmentOf(household.id, req.params.year);
      const file = req.isMultipart()
        ? await req.file({ limits: { fileSize: SCAN_MAX_BYTES, files: 1 } })
        : undefined;
      if (!file) throw validationFailed([{ path: "file", message: "Chọn tệp bản quét (PDF, JPG hoặc PNG)" }]);
      const data = await file.toBuffer().catch(() => {
        throw new AppError("payload_too_large", "Tệp bản quét tối đa 5 MB.");
      });
      const kind = KINDS.find((k) => k.magic.every((b, i) => data[i] === b));
      if (!kind) throw validationFailed([{ path: "file", message: "Tệp phải là PDF, JPG hoặc PNG" }]);
      // A new file per upload: a refused or rolled-back upload never overwrites the scan in use.
      const relative = path.join("commitments", `${commitment.id}-${randomUUID().slice(0, 8)}.${kind.ext}`);
      // The phone may resend the photo (Idempotency-Key): the same file bytes are the same request.
      const claim = claimOf(req, actor.accountId, "attachCommitmentScan", { params: req.params, file: data });
      const dropNew = () => fs.rm(path.join(root, relative), { force: true });
      const answer = await runIdempotent(app.db, claim, 200, (db) =>
        runVersioned(db, "household_commitments", commitment.id, expected, async (tx) => {
          await fs.mkdir(path.join(root, "commitments"), { recursive: true });
          await fs.writeFile(path.join(root, relative), data, { mode: 0o600 });
          await tx.transaction(async (inner) => {
            // Checked above before the upload is read; again in the write, ordered with a restriction.
            await refuseRestricted(inner, "household", [household.id]);
            await inner.execute(
              sql`update household_commitments set scan_path = ${relative} where id = ${commitment.id}`,
            );
            await recordEvent(inner, {
              actorId: actor.accountId,
              action: "commitment.scan_attached",
              entityType: "household_commitment",
              entityId: commitment.id,
              orgUnitId: household.orgUnitId,
              data: { year: req.params.year, type: kind.type, bytes: data.length },
            });
          });
          return { ok: true as const };
        }),
      ).catch(async (err: unknown) => {
        await dropNew();
        throw err;
      });
      // The replaced scan's file goes once the new one is committed; a replay wrote none.
      if (answer.replayed) await dropNew();
      else if (commitment.scanPath) {
        await fs.rm(path.join(root, commitment.scanPath), { force: true });
      }
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
      const actor = requireActor(req);
      const household = await getVisibleHousehold(app.db, actor, req.params.id);
      const { scanPath } = await commitmentOf(household.id, req.params.year);
      if (!scanPath) throw notFound("Cam kết này chưa có bản quét.");
      const kind = KINDS.find((k) => scanPath.endsWith(`.${k.ext}`))!;
      const data = await fs.readFile(path.join(root, scanPath));
      return (reply as FastifyReply)
        .type(kind.type)
        .header("content-disposition", `inline; filename="cam-ket-${req.params.year}.${kind.ext}"`)
        .send(data);
    },
  );
};
