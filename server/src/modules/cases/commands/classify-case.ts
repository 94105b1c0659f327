import type { CaseDetail, ClassifyCaseBody } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { quarterOf, quarterStart } from "../cases.deadlines";
import { caseClassifications, cases } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/** The commune police's quarterly A–D classification (Circular 10/2024 Art. 12); one per quarter. */
export async function classifyCase(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: ClassifyCaseBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "manage");
  if (row.kind !== "released_prisoner") {
    throw conflict(
      "Phân loại A, B, C, D chỉ áp dụng cho người chấp hành xong án phạt tù (Điều 12 Thông tư 10/2024/TT-BCA).",
    );
  }
  const issues = [];
  if (body.quarter < quarterOf(row.reportedInOn)) {
    issues.push({ path: "quarter", message: "Quý trước ngày trình diện" });
  }
  if (body.classifiedOn < quarterStart(body.quarter)) {
    issues.push({ path: "classifiedOn", message: "Ngày phân loại trước quý được phân loại" });
  }
  if (issues.length) throw validationFailed(issues);
  const classificationId = randomUUID();
  await db.transaction(async (tx) => {
    const [prev] = await tx
      .insert(caseClassifications)
      .values({
        id: classificationId,
        caseId: id,
        rollupPath: row.rollupPath,
        quarter: body.quarter,
        group: body.group,
        classifiedOn: body.classifiedOn,
        notesSealed: body.notes
          ? crypto.envelope.seal(body.notes, aad(id, `classification:${classificationId}`))
          : null,
        recordedBy: actor.accountId,
      })
      .onConflictDoNothing()
      .returning({ id: caseClassifications.id });
    if (!prev) throw validationFailed([{ path: "quarter", message: "Quý này đã được phân loại" }]);
    const latest = await tx
      .select({ quarter: caseClassifications.quarter, group: caseClassifications.group })
      .from(caseClassifications)
      .where(eq(caseClassifications.caseId, id));
    const top = latest.sort((a, b) => (a.quarter < b.quarter ? 1 : -1))[0]!;
    await tx
      .update(cases)
      .set({ latestGroup: top.group, latestQuarter: top.quarter, updatedAt: new Date() })
      .where(eq(cases.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.classified",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { quarter: body.quarter, group: body.group, classifiedOn: body.classifiedOn },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi phân loại quý");
}
