import type { PersonQuery, PersonRecord } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

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
