import type { Hotspot, HotspotDetail, Permission } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { canDesignateHotspot, hotspotAbilities } from "./hotspots.policy";

const SELECT = sql`select h.id, h.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", h.name,
    h.designated_on::text as "designatedOn", h.decision_number as "decisionNumber", h.reasons, h.description,
    h.status, h.status_changed_on::text as "statusChangedOn", h.rollup_path as "rollupPath"
  from hotspots h join org_units u on u.id = h.org_unit_id`;

type Row = Hotspot & { rollupPath: string };

export async function getHotspotRow(db: Db, actor: Actor, id: string, permission: Permission): Promise<Row> {
  const [r] = await queryRows<Row>(
    db,
    sql`${SELECT} where h.id = ${id} and ${pathInScope(actor, permission, sql`h.rollup_path`)}`,
  );
  if (!r) throw notFound();
  return r;
}

export const presentHotspot = ({ rollupPath: _r, ...h }: Row): Hotspot => h;

export async function listHotspotRows(
  db: Db,
  actor: Actor,
  status: string | undefined,
  offset: number,
  limit: number,
) {
  const where: SQL[] = [pathInScope(actor, "hotspot.read", sql`h.rollup_path`)];
  if (status) where.push(sql`h.status = ${status}`);
  return queryRows<Row>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by h.designated_on desc, h.id limit ${limit + 1} offset ${offset}`,
  );
}

export async function hotspotDetail(db: Db, actor: Actor, id: string): Promise<HotspotDetail> {
  const h = await getHotspotRow(db, actor, id, "hotspot.read");
  const tasks = await queryRows<HotspotDetail["tasks"][number]>(
    db,
    sql`select t.id, t.title, t.responsible_body_id as "responsibleBodyId", b.name as "responsibleBodyName",
          t.due_on::text as "dueOn"
        from hotspot_tasks t join bodies b on b.id = t.responsible_body_id where t.hotspot_id = ${id} order by t.due_on nulls last, t.title`,
  );
  const evidence = await queryRows<HotspotDetail["evidence"][number]>(
    db,
    sql`select id, observed_on::text as "observedOn", summary, incidents from hotspot_evidence
        where hotspot_id = ${id} order by observed_on, id`,
  );
  const history = await queryRows<HotspotDetail["history"][number]>(
    db,
    sql`select from_status as "from", to_status as "to", date::text as date, reason from hotspot_status_history
        where hotspot_id = ${id} order by date, recorded_at`,
  );
  return { ...presentHotspot(h), can: hotspotAbilities(actor, h), tasks, evidence, history };
}

/** A page of areas in scope, with whether the caller may designate one. */
export async function hotspotPage(
  db: Db,
  actor: Actor,
  q: { status?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const offset = decodeCursor(q.cursor);
  const page = pageFrom(await listHotspotRows(db, actor, q.status, offset, q.limit), offset, q.limit);
  return { ...page, items: page.items.map(presentHotspot), can: { create: canDesignateHotspot(actor) } };
}
