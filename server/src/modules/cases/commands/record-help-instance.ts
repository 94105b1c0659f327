import type { CaseDetail, RecordHelpInstanceBody } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { takesHelp } from "../cases.policy";
import { caseHelpInstances } from "../cases.table";
import { dateIssues, type Issue } from "./help-rules";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/**
 * One instance ("lượt") of a person with a social evil or a drug user received for help and
 * education. A person is received again only once the previous instance has its outcome (reformed
 * or relapsed), and never before that outcome's date: the instances of one person do not overlap.
 */
export async function recordHelpInstance(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: RecordHelpInstanceBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "report");
  const issues: Issue[] = [];
  if (!takesHelp(row.kind)) {
    issues.push({
      path: "kind",
      message:
        "Chỉ hồ sơ người có tệ nạn xã hội hoặc người sử dụng trái phép chất ma túy mới ghi lượt giúp đỡ",
    });
  }
  issues.push(
    ...dateIssues(
      "receivedOn",
      body.receivedOn,
      row.releaseOrDecisionDate,
      "Ngày tiếp nhận trước ngày đưa vào quản lý",
    ),
  );
  const [last] = await queryRows<{ outcome: string; outcomeOn: string | null }>(
    db,
    sql`select outcome, outcome_on::text as "outcomeOn" from case_help_instances
        where case_id = ${id} order by received_on desc, created_at desc limit 1`,
  );
  if (last?.outcome === "ongoing") {
    issues.push({
      path: "receivedOn",
      message:
        "Lượt giúp đỡ trước chưa có kết quả: ghi hoàn lương hoặc tái phạm trước khi tiếp nhận lượt mới",
    });
  } else if (last?.outcomeOn && body.receivedOn < last.outcomeOn) {
    issues.push({ path: "receivedOn", message: "Ngày tiếp nhận trước ngày kết thúc lượt giúp đỡ trước" });
  }
  if (issues.length) throw validationFailed(issues);
  const instanceId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(caseHelpInstances).values({
      id: instanceId,
      caseId: id,
      rollupPath: row.rollupPath,
      receivedOn: body.receivedOn,
      kind: body.kind,
      helper: body.helper,
      notesSealed: body.notes ? crypto.envelope.seal(body.notes, aad(id, `help:${instanceId}`)) : null,
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.help_recorded",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { instanceId, kind: body.kind, receivedOn: body.receivedOn, helper: body.helper },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi lượt giúp đỡ, giáo dục");
}
