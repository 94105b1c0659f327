import { foldVietnamese, type ListHouseholdsQuery, type Permission } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound, validationFailed } from "../../kernel/errors";
import { notRestricted, refuseRestricted } from "../citizen";
import { loadUnit, provinceOf, recordsOfUnit } from "../org-units";

export type HouseholdDbRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  code: string | null;
  headName: string;
  address: string;
  members: number;
  memberOrgs: string[];
  movedOutOn: string | null;
  lastSignedYear: number | string | null;
  createdAt: Date | string;
  rollupPath: string;
  version: number;
};

export type CommitmentDbRow = {
  id: string;
  householdId: string;
  year: number;
  signedOn: string;
  formVersion: string;
  scanPath: string | null;
  createdAt: Date | string;
  version: number;
};

/** A unit that can hold households, as a write needs it. */
export type AreaRow = { id: string; rollupPath: string; provinceId: string | null };

const SELECT_HOUSEHOLD = sql`select h.id, h.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", h.code,
    h.head_name as "headName", h.address, h.members, h.member_orgs as "memberOrgs",
    h.moved_out_on::text as "movedOutOn", h.created_at as "createdAt", h.rollup_path as "rollupPath", h.version,
    (select max(c.year) from household_commitments c where c.household_id = h.id) as "lastSignedYear"
  from households h join org_units u on u.id = h.org_unit_id`;

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The residential area a household is written to: visible to the actor for `household.manage`
 * (else 404) and a current residential area (else 400 on `path`).
 */
export async function loadArea(db: Db, actor: Actor, unitId: string, path = "orgUnitId"): Promise<AreaRow> {
  const unit = await loadUnit(db, actor, unitId, { permission: "household.manage" });
  if (unit.kind !== "residential_area" || unit.validTo !== null) {
    throw validationFailed([{ path, message: "Hộ gia đình phải thuộc một khu dân cư đang có hiệu lực" }]);
  }
  return { id: unit.id, rollupPath: unit.rollupPath, provinceId: provinceOf(unit.rollupPath) };
}

/**
 * One household the actor may see (or act on, with `permission`), else 404 — also when its
 * processing is restricted at the head's request (the privacy officer lists and lifts those).
 */
export async function getVisibleHousehold(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission = "household.read",
): Promise<HouseholdDbRow> {
  const [row] = await queryRows<HouseholdDbRow>(
    db,
    sql`${SELECT_HOUSEHOLD} where h.id = ${id} and ${pathInScope(actor, permission, sql`h.rollup_path`)}
          and ${notRestricted("household", sql`h.id`)}`,
  );
  if (!row) throw notFound();
  return row;
}

/**
 * The household a write changes or adds to (its fields, a commitment, a scan, a recognition): in
 * the actor's `household.manage` scope (else 404, as a read), and not restricted at the head's
 * request (else 409 `record_restricted`: the cadre holding it on a form or in the outbox is told why,
 * and does not register it again; decision 0017, addendum). Read it inside the write's transaction:
 * the restriction check then holds until the write commits (see refuseRestricted).
 */
export async function getWritableHousehold(db: Db, actor: Actor, id: string): Promise<HouseholdDbRow> {
  const [row] = await queryRows<HouseholdDbRow>(
    db,
    sql`${SELECT_HOUSEHOLD} where h.id = ${id} and ${pathInScope(actor, "household.manage", sql`h.rollup_path`)}`,
  );
  if (!row) throw notFound();
  await refuseRestricted(db, "household", [id]);
  return row;
}

export async function commitmentsOf(db: Db, householdId: string): Promise<CommitmentDbRow[]> {
  return queryRows<CommitmentDbRow>(
    db,
    sql`select id, household_id as "householdId", year, signed_on::text as "signedOn",
          form_version as "formVersion", scan_path as "scanPath", created_at as "createdAt", version
        from household_commitments where household_id = ${householdId} order by year desc`,
  );
}

/**
 * Households in the actor's scope, filtered in SQL, without those whose processing is restricted
 * (the list, its search and its export alike; the coverage figures still count them). Returns
 * `limit + 1` rows for paging.
 */
export async function listHouseholds(
  db: Db,
  actor: Actor,
  query: ListHouseholdsQuery,
  offset: number,
): Promise<HouseholdDbRow[]> {
  const where: SQL[] = [
    pathInScope(actor, "household.read", sql`h.rollup_path`),
    notRestricted("household", sql`h.id`),
  ];
  if (query.orgUnitId) {
    const unit = await loadUnit(db, actor, query.orgUnitId, { permission: "household.read" });
    // A pre-reform unit: the households registered in its old subtree.
    where.push(
      unit.path === unit.rollupPath
        ? sql`h.rollup_path like ${`${escapeLike(unit.path)}%`}`
        : recordsOfUnit(unit, { rollupPath: sql`h.rollup_path`, orgUnitId: sql`h.org_unit_id` }),
    );
  }
  if (query.q) {
    const folded = escapeLike(foldVietnamese(query.q));
    // Trigrams need three letters; shorter terms match the start of the name.
    where.push(sql`h.search_text like ${folded.length < 3 ? `${folded}%` : `%${folded}%`}`);
  }
  if (query.memberOrg) where.push(sql`${query.memberOrg} = any(h.member_orgs)`);
  if (query.signedYear !== undefined) {
    const signed = sql`exists (select 1 from household_commitments c
      where c.household_id = h.id and c.year = ${query.signedYear})`;
    where.push(query.signed === false ? sql`not ${signed}` : signed);
  }
  return queryRows<HouseholdDbRow>(
    db,
    sql`${SELECT_HOUSEHOLD} where ${sql.join(where, sql` and `)}
        order by h.search_text, h.id limit ${query.limit + 1} offset ${offset}`,
  );
}
