import {
  foldVietnamese,
  type PersonActionContext,
  type PersonQuery,
  type PersonRecord,
  type RecordActionResult,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { endRestrictionOnErasure, ERASED_REASON_VI, restrictRecord } from "../citizen";
import { householdSearchText } from "./commands/create-household";

type Row = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  headName: string;
  address: string;
  members: number;
  code: string | null;
  movedOutOn: string | null;
};

const within = (prefixes: readonly string[], column: ReturnType<typeof sql>) =>
  sql`(${sql.join(
    prefixes.map((p) => sql`${column} like ${`${p}%`}`),
    sql` or `,
  )})`;

/**
 * Households whose head is the person (the accent-insensitive full name), in the rollup-path
 * subtrees given: for a data-subject request (privacy). Discloses what the register holds in clear.
 */
export async function findHouseholdPersonRecords(
  db: Db,
  prefixes: readonly string[],
  q: PersonQuery,
): Promise<PersonRecord[]> {
  if (prefixes.length === 0) return [];
  const name = foldVietnamese(q.fullName);
  const rows = await queryRows<Row>(
    db,
    sql`select h.id, h.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", h.head_name as "headName",
          h.address, h.members, h.code, h.moved_out_on::text as "movedOutOn"
        from households h join org_units u on u.id = h.org_unit_id
        where ${within(prefixes, sql`h.rollup_path`)} and (h.search_text = ${name} or h.search_text like ${`${name} %`})`,
  );
  return rows
    .filter((r) => foldVietnamese(r.headName) === name)
    .map((r) => ({
      module: "households",
      entityType: "household",
      entityId: r.id,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      labelVi: "Chủ hộ trong sổ hộ gia đình",
      match: "name",
      data: {
        headName: r.headName,
        address: r.address,
        members: r.members,
        code: r.code,
        movedOutOn: r.movedOutOn,
      },
      sealed: false,
      exception: null,
    }));
}

const RESTRICTED_DONE_VI =
  "Hộ được hạn chế xử lý: không còn trong danh sách, tìm kiếm và tệp xuất của sổ hộ gia đình; số liệu thống kê không đổi.";

/**
 * Carries out a request on one household, in the caller's transaction: erase de-identifies it as
 * retention does (head's name, address, register number and search text emptied; the row, its unit,
 * members count and dates stay, so the coverage rollups and every figure are unchanged); correct
 * sets the head's name or address; restrict leaves it out of the lists, searches and exports until
 * the officer lifts it (citizen's restrictions; the figures count it still). Audited in the same transaction.
 */
export async function actOnHouseholdPersonRecord(
  tx: Db,
  ctx: PersonActionContext,
  id: string,
): Promise<RecordActionResult> {
  const [row] = await queryRows<{ headName: string; address: string; orgUnitId: string; rollupPath: string }>(
    tx,
    sql`select head_name as "headName", address, org_unit_id as "orgUnitId", rollup_path as "rollupPath"
        from households where id = ${id} for update`,
  );
  if (!row || row.headName === "") return { outcome: "none", exception: null, reasonVi: null };
  if (ctx.action === "restrict") {
    return restrictRecord(tx, ctx, {
      source: "household",
      module: "households",
      recordId: id,
      orgUnitId: row.orgUnitId,
      rollupPath: row.rollupPath,
      doneVi: RESTRICTED_DONE_VI,
    });
  }
  const base = {
    actorId: ctx.actorId,
    entityType: "household",
    entityId: id,
    orgUnitId: row.orgUnitId,
  } as const;
  const data = { requestId: ctx.requestId, module: "households" };
  if (ctx.action === "erase") {
    await tx.execute(
      sql`update households set head_name = '', address = '', code = null, search_text = '' where id = ${id}`,
    );
    await recordEvent(tx, { ...base, action: "privacy.record_erased", data });
    await endRestrictionOnErasure(tx, {
      source: "household",
      recordId: id,
      actorId: ctx.actorId,
      why: ERASED_REASON_VI(ctx.requestId),
    });
    return { outcome: "done", exception: null, reasonVi: null };
  }
  const headName = ctx.correction?.fullName || row.headName;
  const address = ctx.correction?.address || row.address;
  const fields = [
    ...(headName !== row.headName ? ["fullName"] : []),
    ...(address !== row.address ? ["address"] : []),
  ];
  if (fields.length === 0) return { outcome: "none", exception: null, reasonVi: null };
  await tx.execute(
    sql`update households set head_name = ${headName}, address = ${address},
          search_text = ${householdSearchText(headName, address)} where id = ${id}`,
  );
  await recordEvent(tx, { ...base, action: "privacy.record_corrected", data: { ...data, fields } });
  return { outcome: "done", exception: null, reasonVi: null };
}
