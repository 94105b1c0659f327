import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { notFound, validationFailed } from "../../../kernel/errors";
import { runIdempotent, type IdempotencyClaim, type IdempotentAnswer } from "../../../kernel/idempotency";
import { runVersioned } from "../../../kernel/row-version";
import { refuseRestricted } from "../../citizen";
import { getVisibleHousehold, getWritableHousehold, type HouseholdDbRow } from "../households.queries";

/** Scans of signed commitment forms: PDF, JPEG or PNG up to 5 MB, checked by their first bytes. */
export const SCAN_MAX_BYTES = 5 * 1024 * 1024;
const KINDS = [
  { ext: "pdf", type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: "jpg", type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { ext: "png", type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
] as const;

type CommitmentRow = { id: string; scanPath: string | null };

async function commitmentOf(db: Db, householdId: string, year: number): Promise<CommitmentRow> {
  const [row] = await queryRows<CommitmentRow>(
    db,
    sql`select id, scan_path as "scanPath" from household_commitments where household_id = ${householdId} and year = ${year}`,
  );
  if (!row) throw notFound("Hộ chưa có cam kết của năm này.");
  return row;
}

/** What an upload is for: checked (scope 404, restriction 409, no commitment 404) before it is read. */
export type ScanTarget = { household: HouseholdDbRow; commitment: CommitmentRow; year: number };

export async function scanTarget(
  db: Db,
  actor: Actor,
  householdId: string,
  year: number,
): Promise<ScanTarget> {
  const household = await getWritableHousehold(db, actor, householdId);
  return { household, commitment: await commitmentOf(db, household.id, year), year };
}

/**
 * Attaches the signed form's scan to the year's commitment: a new file per upload (a refused or
 * rolled-back upload never overwrites the scan in use), written with the row and its audit event;
 * the replaced file goes once the new one is committed. With If-Match (`expected`) the commitment's
 * version must match; with an Idempotency-Key the same bytes are the same request, answered again.
 */
export async function attachCommitmentScan(
  db: Db,
  uploads: string,
  actor: Actor,
  target: ScanTarget,
  data: Buffer,
  expected: number | undefined,
  claim: IdempotencyClaim,
): Promise<IdempotentAnswer> {
  const { household, commitment, year } = target;
  const kind = KINDS.find((k) => k.magic.every((b, i) => data[i] === b));
  if (!kind) throw validationFailed([{ path: "file", message: "Tệp phải là PDF, JPG hoặc PNG" }]);
  const relative = path.join("commitments", `${commitment.id}-${randomUUID().slice(0, 8)}.${kind.ext}`);
  const dropNew = () => fs.rm(path.join(uploads, relative), { force: true });
  const answer = await runIdempotent(db, claim, 200, (db) =>
    runVersioned(db, "household_commitments", commitment.id, expected, async (tx) => {
      await fs.mkdir(path.join(uploads, "commitments"), { recursive: true });
      await fs.writeFile(path.join(uploads, relative), data, { mode: 0o600 });
      await tx.transaction(async (inner) => {
        // Checked before the upload was read; again in the write, ordered with a restriction.
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
          data: { year, type: kind.type, bytes: data.length },
        });
      });
      return { ok: true as const };
    }),
  ).catch(async (err: unknown) => {
    await dropNew();
    throw err;
  });
  // A replay wrote no file of its own to keep.
  if (answer.replayed) await dropNew();
  else if (commitment.scanPath) await fs.rm(path.join(uploads, commitment.scanPath), { force: true });
  return answer;
}

/** The scan of a household's commitment for a year, for whoever may read the household. */
export async function readCommitmentScan(
  db: Db,
  uploads: string,
  actor: Actor,
  householdId: string,
  year: number,
): Promise<{ type: string; filename: string; data: Buffer }> {
  const household = await getVisibleHousehold(db, actor, householdId);
  const { scanPath } = await commitmentOf(db, household.id, year);
  if (!scanPath) throw notFound("Cam kết này chưa có bản quét.");
  const kind = KINDS.find((k) => scanPath.endsWith(`.${k.ext}`))!;
  const data = await fs.readFile(path.join(uploads, scanPath));
  return { type: kind.type, filename: `cam-ket-${year}.${kind.ext}`, data };
}
