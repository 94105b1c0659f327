import type { Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { conflict, forbidden } from "../../../kernel/errors";
import { mayManage } from "../cases.policy";
import { getReadableCase } from "../cases.queries";

/**
 * The case for a write: 404 when unreadable, 403 when the assignee attempts what only the commune's
 * police or case officer may do, 409 when the file is closed.
 */
export async function loadCaseForWrite(db: Db, actor: Actor, id: string, need: "manage" | "report") {
  const found = await getReadableCase(db, actor, id);
  if (need === "manage" && !mayManage(found.basis)) throw forbidden();
  if (need === "manage" && !actor.permissions.has("case.manage")) throw forbidden();
  if (found.row.status === "closed") throw conflict("Hồ sơ đã kết thúc, không ghi thêm được.");
  return found;
}
