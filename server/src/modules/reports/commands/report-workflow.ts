import { REPORT_TRANSITIONS, canTransition, type Report, type ReportStatus } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { requirePermission, type Actor } from "../../../kernel/authz";
import { forbidden, invalidTransition } from "../../../kernel/errors";
import { isLevelAbove, loadReport, presentReport } from "../reports.queries";
import { periodLocks, reports } from "../reports.table";

type Step = "submit" | "return" | "approve";

/** Where each step leads; from which statuses it may be taken is REPORT_TRANSITIONS' to say. */
const STEP_TO = { submit: "submitted", return: "returned", approve: "approved" } as const satisfies Record<
  Step,
  ReportStatus
>;
const ACTION = { submit: "report.submitted", return: "report.returned", approve: "report.approved" } as const;

/**
 * submit: the unit's own cadres (report.manage); return and approve: the level above (report.approve
 * held at an ancestor unit). Approval locks the records of the unit's subtree dated from the period's
 * start up to the report's cut-off — the days its figures counted, never a day still to come: a
 * yearly review approved on 03/12 locks 01/01–03/12 and leaves the rest of December open.
 */
export async function moveReport(
  db: Db,
  actor: Actor,
  id: string,
  step: Step,
  comment?: string,
): Promise<Report> {
  const reviewing = step !== "submit";
  const permission = reviewing ? "report.approve" : "report.manage";
  requirePermission(actor, permission);
  const row = await loadReport(db, actor, id, permission);
  if (reviewing && !isLevelAbove(actor, "report.approve", row.unitPath)) {
    throw forbidden("Chỉ cấp trên trực tiếp quản lý mới được duyệt hoặc trả lại báo cáo");
  }
  const to = STEP_TO[step];
  if (!canTransition(REPORT_TRANSITIONS, row.status, to)) throw invalidTransition(row.status, to);
  await db.transaction(async (tx) => {
    const comments = comment
      ? sql`comments || ${JSON.stringify([{ at: new Date().toISOString(), by: actor.displayName, text: comment }])}::jsonb`
      : sql`comments`;
    await tx.update(reports).set({ status: to, comments }).where(eq(reports.id, id));
    if (step === "approve") {
      await tx.insert(periodLocks).values({
        orgUnitId: row.orgUnitId,
        unitPath: row.rollupPath,
        periodFrom: row.periodFrom,
        periodTo: row.cutOff,
        reportId: id,
        lockedBy: actor.accountId,
      });
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: ACTION[step],
      entityType: "report",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { from: row.status, to, ...(comment ? { comment } : {}) },
    });
  });
  return presentReport(await loadReport(db, actor, id, "report.read"), actor);
}
