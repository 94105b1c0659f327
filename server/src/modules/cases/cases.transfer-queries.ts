import { foldVietnamese } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Current communes anywhere in the country matching a name: a person may move out of the sender's
 * province, where its users see no unit. Only public names and codes, never a file.
 */
export async function listTransferDestinations(db: Db, q: string) {
  const folded = foldVietnamese(q);
  return queryRows<{ id: string; name: string; provinceName: string | null; code: string }>(
    db,
    sql`select u.id, u.full_name as name, p.full_name as "provinceName", u.code
        from org_units u left join org_units p on p.id = u.province_id
        where u.kind = 'commune' and u.valid_to is null and u.search_name like ${`%${escapeLike(folded)}%`}
        order by (u.sort_name like ${`${escapeLike(folded)}%`}) desc, length(u.search_name), u.search_name, u.id
        limit 30`,
  );
}
