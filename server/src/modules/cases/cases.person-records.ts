import type { PersonQuery, PersonRecord } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

type Row = { id: string; orgUnitId: string; orgUnitName: string; status: string };

/**
 * Case files of the person, found only through the case index's blind index of the identity number
 * (names are sealed and not indexed): without an identity number nothing is searched. Nothing of
 * the file is disclosed but its existence and place; it stays (State processing for crime
 * prevention, Decree 49/2020, Decree 120/2021).
 */
export async function findCasePersonRecords(
  db: Db,
  prefixes: readonly string[],
  q: PersonQuery,
  identityIndex: (identityNumber: string) => string,
): Promise<PersonRecord[]> {
  if (prefixes.length === 0 || !q.identityNumber) return [];
  const scope = sql.join(
    prefixes.map((p) => sql`c.rollup_path like ${`${p}%`}`),
    sql` or `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`select c.id, c.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", c.status
        from cases c join org_units u on u.id = c.org_unit_id
        where (${scope}) and c.identity_index = ${identityIndex(q.identityNumber)}`,
  );
  return rows.map((r) => ({
    module: "cases",
    entityType: "case",
    entityId: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    labelVi: "Hồ sơ quản lý tại xã, phường (nội dung niêm phong)",
    match: "identity",
    data: {},
    sealed: true,
    exception: "crime_prevention",
  }));
}
