import type { PersonActionContext, PersonQuery, PersonRecord, RecordActionResult } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { endRestrictionOnErasure, ERASED_REASON_VI, restrictRecord } from "../citizen";
import { sealMember, type RosterCrypto } from "./groups.crypto";
import { groupMembers } from "./groups.table";

type Row = {
  id: string;
  groupId: string;
  groupName: string;
  orgUnitId: string;
  orgUnitName: string;
  birthDate: string | null;
  role: string | null;
  joinedOn: string;
  leftOn: string | null;
};

/**
 * Roster entries of the person, found through the blind index of the member's name (`nameIndex`,
 * the roster crypto's keyed HMAC) in the rollup-path subtrees given; a birth year narrows the match.
 * Name, ethnicity, religion and notes stay sealed: what is disclosed is the team, role and dates.
 */
export async function findGroupPersonRecords(
  db: Db,
  prefixes: readonly string[],
  q: PersonQuery,
  nameIndex: (fullName: string) => string,
): Promise<PersonRecord[]> {
  if (prefixes.length === 0) return [];
  const scope = sql.join(
    prefixes.map((p) => sql`g.rollup_path like ${`${p}%`}`),
    sql` or `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, g.id as "groupId", g.name as "groupName", g.org_unit_id as "orgUnitId",
          u.full_name as "orgUnitName", m.birth_date::text as "birthDate", m.role,
          m.joined_on::text as "joinedOn", m.left_on::text as "leftOn"
        from group_members m join groups g on g.id = m.group_id join org_units u on u.id = g.org_unit_id
        where (${scope}) and m.name_index = ${nameIndex(q.fullName)}`,
  );
  return rows
    .filter((r) => !q.birthYear || !r.birthDate || Number(r.birthDate.slice(0, 4)) === q.birthYear)
    .map((r) => ({
      module: "groups",
      entityType: "group_member",
      entityId: r.id,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      labelVi: `Thành viên ${r.groupName}`,
      match: q.birthYear && r.birthDate ? "name_birth" : "name",
      data: {
        group: r.groupName,
        birthDate: r.birthDate,
        role: r.role,
        joinedOn: r.joinedOn,
        leftOn: r.leftOn,
      },
      sealed: true,
      exception: null,
    }));
}

const RESTRICTED_DONE_VI =
  "Thành viên được hạn chế xử lý: không còn trong danh sách thành viên và tệp xuất của tổ, mô hình; số lượng thành viên không đổi.";

/**
 * Carries out a request on one roster entry, in the caller's transaction: erase de-identifies the
 * member as roster retention does (sealed name, its index, ethnicity, religion, notes, birth date
 * and the age exception's decision; role and dates stay, so the group rollups and member counts are
 * unchanged); correct reseals the name and its blind index; restrict leaves the member out of the
 * roster's lists and exports until the officer lifts it (the member counts stay).
 */
export async function actOnGroupPersonRecord(
  tx: Db,
  crypto: RosterCrypto,
  ctx: PersonActionContext,
  id: string,
): Promise<RecordActionResult> {
  const [row] = await queryRows<{ orgUnitId: string; rollupPath: string; deidentified: boolean }>(
    tx,
    sql`select g.org_unit_id as "orgUnitId", g.rollup_path as "rollupPath", m.deidentified_at is not null as deidentified
        from group_members m join groups g on g.id = m.group_id where m.id = ${id} for update of m`,
  );
  if (!row || row.deidentified) return { outcome: "none", exception: null, reasonVi: null };
  if (ctx.action === "restrict") {
    return restrictRecord(tx, ctx, {
      source: "group_member",
      module: "groups",
      recordId: id,
      orgUnitId: row.orgUnitId,
      rollupPath: row.rollupPath,
      doneVi: RESTRICTED_DONE_VI,
    });
  }
  const base = {
    actorId: ctx.actorId,
    entityType: "group_member",
    entityId: id,
    orgUnitId: row.orgUnitId,
  } as const;
  const data = { requestId: ctx.requestId, module: "groups" };
  if (ctx.action === "erase") {
    await tx.execute(
      sql`update group_members set full_name = null, full_name_sealed = null, name_index = null,
            ethnicity_sealed = null, religion_sealed = null, notes_sealed = null, birth_date = null,
            age_exception_decision = null, deidentified_at = now()
          where id = ${id}`,
    );
    await recordEvent(tx, { ...base, action: "privacy.record_erased", data });
    await endRestrictionOnErasure(tx, {
      source: "group_member",
      recordId: id,
      actorId: ctx.actorId,
      why: ERASED_REASON_VI(ctx.requestId),
    });
    return { outcome: "done", exception: null, reasonVi: null };
  }
  const fullName = ctx.correction?.fullName;
  if (!fullName) return { outcome: "none", exception: null, reasonVi: null };
  const sealed = sealMember(crypto, id, { fullName });
  await tx
    .update(groupMembers)
    .set({ fullName: null, fullNameSealed: sealed.fullNameSealed, nameIndex: sealed.nameIndex })
    .where(eq(groupMembers.id, id));
  await recordEvent(tx, {
    ...base,
    action: "privacy.record_corrected",
    data: { ...data, fields: ["fullName"] },
  });
  return { outcome: "done", exception: null, reasonVi: null };
}
