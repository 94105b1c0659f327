import { CASE_TRANSITIONS, canTransition, isFinal, type CaseStatus } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { conflict, forbidden } from "../../../kernel/errors";
import { mayManage } from "../cases.policy";
import { getReadableCase } from "../cases.queries";

/**
 * The case for a write: 404 when unreadable, 403 when the assignee attempts what only the commune's
 * police or case officer may do, 409 when the file is closed (final in CASE_TRANSITIONS) or, for a
 * write that moves the file to `to`, when the table does not allow the move.
 */
export async function loadCaseForWrite(
  db: Db,
  actor: Actor,
  id: string,
  need: "manage" | "report",
  to?: CaseStatus,
) {
  const found = await getReadableCase(db, actor, id);
  if (need === "manage" && !mayManage(found.basis)) throw forbidden();
  if (need === "manage" && !actor.permissions.has("case.manage")) throw forbidden();
  const status = found.row.status;
  // While a file travels to another commune nothing is recorded on it but its receipt or its end.
  if (status === "transferring" && to !== "reported_in" && to !== "closed") {
    throw conflict("Hồ sơ đang chuyển đến xã, phường mới; nhận hồ sơ trước khi ghi thêm.");
  }
  if (to ? !canTransition(CASE_TRANSITIONS, status, to) : isFinal(CASE_TRANSITIONS, status)) {
    throw conflict("Hồ sơ đã kết thúc, không ghi thêm được.");
  }
  return found;
}
