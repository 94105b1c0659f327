import { todayInVietnam, type CasePage, type ListCasesQuery } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { decodeCursor, pageFrom } from "../../../kernel/pagination";
import { logCaseAccess } from "../cases.access";
import type { CaseCrypto } from "../cases.crypto";
import { presentCaseSummary } from "../cases.presenter";
import { listCaseRows } from "../cases.queries";

/**
 * A page of the case files the caller may read, with their deadlines as of today; the files listed
 * are logged as read ("Danh sách hồ sơ"), on the basis the caller holds them.
 */
export async function listCases(
  db: Db,
  crypto: CaseCrypto,
  actor: Actor,
  q: ListCasesQuery,
): Promise<CasePage> {
  const offset = decodeCursor(q.cursor);
  const today = todayInVietnam();
  const page = pageFrom(await listCaseRows(db, actor, q, offset, today), offset, q.limit);
  await db.transaction((tx) =>
    logCaseAccess(tx, actor, {
      caseIds: page.items.map((r) => r.id),
      basis: actor.permissions.has("case.read") ? "commune_police" : "assignee",
      purpose: "list",
      reason: "Danh sách hồ sơ",
    }),
  );
  return { ...page, items: page.items.map((r) => presentCaseSummary(r, crypto, today)) };
}
