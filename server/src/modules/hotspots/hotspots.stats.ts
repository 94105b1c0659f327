import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/**
 * Hotspot figures of a subtree over a period, for the indicator registry: designated in the period,
 * moved to transformed or removed in the period, and still open (designated or transforming) at `to`.
 */
export async function hotspotStatistics(db: Db, q: { rollupPathPrefix: string; from: string; to: string }) {
  const [r] = await queryRows<{
    designated: number;
    transformed: number;
    removed: number;
    openAtEnd: number;
  }>(
    db,
    sql`select
        count(*) filter (where h.designated_on between ${q.from}::date and ${q.to}::date)::int as designated,
        count(*) filter (where exists (select 1 from hotspot_status_history s where s.hotspot_id = h.id
          and s.to_status = 'transformed' and s.date between ${q.from}::date and ${q.to}::date))::int as transformed,
        count(*) filter (where exists (select 1 from hotspot_status_history s where s.hotspot_id = h.id
          and s.to_status = 'removed' and s.date between ${q.from}::date and ${q.to}::date))::int as removed,
        count(*) filter (where h.designated_on <= ${q.to}::date and not exists (select 1 from hotspot_status_history s
          where s.hotspot_id = h.id and s.to_status in ('transformed', 'removed') and s.date <= ${q.to}::date))::int as "openAtEnd"
      from hotspots h where h.rollup_path like ${`${q.rollupPathPrefix}%`}`,
  );
  return r!;
}
