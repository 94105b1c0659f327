import type { Exemplar } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/**
 * The public register of good people and good deeds: only entries published with the person's
 * consent, showing only what they agreed to (public name, deed), the unit and the award.
 */
export async function listExemplarRows(
  db: Db,
  provinceCode: string | undefined,
  offset: number,
  limit: number,
): Promise<Exemplar[]> {
  const where: SQL[] = [sql`c.published`, sql`c.consent_given is true`, sql`c.status <> 'rejected'`];
  if (provinceCode) where.push(sql`p.code = ${provinceCode}`);
  return queryRows<Exemplar>(
    db,
    sql`select c.id, c.public_name as name, c.nominee_kind as "nomineeKind", u.full_name as "unitName",
          c.deed_summary as deed, c.award_form as "awardForm",
          extract(year from coalesce(c.decided_on, c.nominated_on))::int as year
        from commendations c join org_units u on u.id = c.org_unit_id left join org_units p on p.id = c.province_id
        where ${sql.join(where, sql` and `)}
        order by c.published_at desc, c.id limit ${limit + 1} offset ${offset}`,
  );
}
