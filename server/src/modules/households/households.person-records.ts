import { foldVietnamese, type PersonQuery, type PersonRecord } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

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
