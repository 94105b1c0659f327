import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client";
import { createTestContext, type TestContext } from "../test/harness";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 300_000);
afterAll(() => t?.close());

describe("the distribution key (decisions 0014, 0018, 0019)", () => {
  it("is checked against the rollup path on every table that keeps both", async () => {
    // Every table with a province_id and a rollup_path, and the check constraints it has that
    // compare the two (provinceOfPath in kernel/rollups.ts).
    const rows = await queryRows<{ table: string; checks: string[] }>(
      t.app.db,
      sql`select c.table_name as "table",
            array(select k.conname::text from pg_constraint k
                  where k.conrelid = (quote_ident(c.table_name))::regclass and k.contype = 'c'
                    and pg_get_constraintdef(k.oid)
                      like '%NOT ((province_id)::text IS DISTINCT FROM NULLIF(split_part(rollup_path, %'
                  order by 1) as checks
          from information_schema.columns c
          join information_schema.columns r on r.table_schema = c.table_schema
            and r.table_name = c.table_name and r.column_name = 'rollup_path'
          where c.table_schema = 'public' and c.column_name = 'province_id'
            and c.table_name <> 'org_units'
          order by 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.table, r.checks]))).toEqual({
      activities: ["activities_province_ck"],
      cases: ["cases_province_ck"],
      commendations: ["commendations_province_ck"],
      group_duty_logs: ["group_duty_logs_province_ck"],
      groups: ["groups_province_ck"],
      hotspots: ["hotspots_province_ck"],
      households: ["households_province_ck"],
      plans: ["plans_province_ck"],
      supervisions: ["supervisions_province_ck"],
    });
  });
});
