import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { conflict } from "../../kernel/errors";

const ddmmyyyy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * Refuses (409) a write to a record of `rollupPath` dated on any of `dates` when an approved report
 * has locked that period for a subtree holding it. Called by every writer of dated records, inside
 * its transaction.
 */
export async function assertPeriodOpen(db: Db, rollupPath: string, dates: string[]): Promise<void> {
  if (dates.length === 0) return;
  const [lock] = await queryRows<{ periodFrom: string; periodTo: string }>(
    db,
    sql`select period_from::text as "periodFrom", period_to::text as "periodTo" from period_locks
        where unlocked_at is null and ${rollupPath} like unit_path || '%'
          and exists (select 1 from unnest(${sql.param(dates)}::date[]) d where d between period_from and period_to)
        limit 1`,
  );
  if (lock) {
    throw conflict(
      `Kỳ báo cáo ${ddmmyyyy(lock.periodFrom)}–${ddmmyyyy(lock.periodTo)} đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.`,
    );
  }
}
