import { foldVietnamese, type ListRemoteCommunesQuery, type RemoteCommune } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { decodeCursor, pageFrom } from "../../kernel/pagination";

type Row = Omit<RemoteCommune, "can" | "setAt"> & { setAt: Date | string | null };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The remote-commune entry of one commune (or none), for the set command and its answer. */
export async function remoteCommuneOf(db: Db, orgUnitId: string): Promise<RemoteCommune | undefined> {
  const [r] = await queryRows<Row>(db, sql`${SELECT} where u.id = ${orgUnitId}`);
  return r && present(r);
}

const SELECT = sql`select u.id as "orgUnitId", u.full_name as name, u.province_id as "provinceId",
    p.full_name as "provinceName", r.org_unit_id is not null as remote, r.basis_number as "basisNumber",
    r.basis_date::text as "basisDate", r.basis_text as "basisText", r.note, r.set_at as "setAt"
  from org_units u join org_units p on p.id = u.province_id
  left join remote_communes r on r.org_unit_id = u.id`;

function present(r: Row): RemoteCommune {
  return {
    ...r,
    setAt: r.setAt === null ? null : new Date(r.setAt).toISOString(),
    // Rows are read inside the caller's remote_commune.manage subtrees only (below).
    can: { set: true },
  };
}

/**
 * Current communes in the actor's `remote_commune.manage` subtrees (a province administrator's
 * province, everything for a national one): the remote ones by default, or all with their flag.
 */
export async function listRemoteCommunes(db: Db, actor: Actor, q: ListRemoteCommunesQuery) {
  const offset = decodeCursor(q.cursor);
  const folded = q.q ? escapeLike(foldVietnamese(q.q)) : "";
  const rows = await queryRows<Row>(
    db,
    sql`${SELECT}
      where u.kind = 'commune' and u.valid_to is null
        and ${pathInScope(actor, "remote_commune.manage", sql`u.path`)}
        ${q.provinceId ? sql`and u.province_id = ${q.provinceId}` : sql``}
        ${folded ? sql`and u.search_name like ${`%${folded}%`}` : sql``}
        ${q.status === "remote" ? sql`and r.org_unit_id is not null` : sql``}
      order by p.search_name, u.search_name, u.id
      limit ${q.limit + 1} offset ${offset}`,
  );
  return pageFrom(rows.map(present), offset, q.limit);
}
