import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../../db/client";
import * as schema from "../../db/schema";
import { foldActivityRollups } from "../activities";
import { YEAR_ROLLUPS_LIVE, yearRollupDrift } from "./indicators.test-support";

// A database written before migrations 0055 (yearly activity totals) and 0057 (yearly group
// rollups), with changes still pending, is correct once upgraded: the backfills count the records.
// PGlite only: the migrations are plain SQL that runs the same on PostgreSQL.
const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-year-rollups-upgrade-"));
let client: PGlite;
let db: Db;

/** The migrations folder with only the migrations before `idx`. */
function migrationsBefore(idx: number): string {
  const dir = path.join(tmp, `migrations-${idx}`);
  fs.cpSync(migrations, dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < idx);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const P = "/00000000-0000-4000-8000-000000000001/";
// Uuid-shaped like real paths: migration 0062 reads the province id from the path.
const PROVINCES = [`${P}00000000-0000-4000-8000-0000000000a1/`, `${P}00000000-0000-4000-8000-0000000000a2/`];
const paths = PROVINCES.flatMap((p) => [p, `${p}c1/`, `${p}c2/`, `${p}c2/area/`]);

/** Group figures per unit and year counted from the records (the deltas of the group triggers). */
const GROUP_RECOUNT = sql`
  select p.unit_path, p.depth, extract(year from d.day)::int as year, sum(d.groups)::int as groups,
    sum(d.members)::int as members,
    coalesce(sum(d.groups) filter (where t.category = 'team'), 0)::int as teams,
    coalesce(sum(d.groups) filter (where t.category = 'model'), 0)::int as models
  from (
    select g.rollup_path, g.type_code, l.day, l.n as groups, 0 as members
    from groups g cross join lateral life_deltas(g.founded_on, g.dissolved_on) l
    union all
    select g.rollup_path, g.type_code, l.day, 0, l.n
    from group_members m join groups g on g.id = m.group_id
    cross join lateral life_deltas(greatest(g.founded_on, m.joined_on), least(g.dissolved_on, m.left_on)) l) d
  left join group_types t on t.code = d.type_code
  cross join lateral activity_rollups_ancestors(d.rollup_path) p
  group by 1, 2, 3`;

async function groupDrift(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${GROUP_RECOUNT}) e
        full join group_year_rollups r on r.unit_path = e.unit_path and r.year = e.year
        where coalesce(e.groups, 0) <> coalesce(r.groups, 0) or coalesce(e.members, 0) <> coalesce(r.members, 0)
           or coalesce(e.teams, 0) <> coalesce(r.teams, 0) or coalesce(e.models, 0) <> coalesce(r.models, 0)
           or coalesce(e.depth, r.depth) <> coalesce(r.depth, e.depth)`,
  );
  return row!.n;
}

beforeAll(async () => {
  client = await PGlite.create("memory://", { extensions: { pg_trgm } });
  const d = drizzle(client, { schema });
  db = d;
  await migrate(d, { migrationsFolder: migrationsBefore(55) });
  // Records straight into the tables (no units: foreign keys and triggers off for the load).
  await db.execute(sql`set session_replication_role = replica`);
  await db.execute(sql`insert into group_types (code, name_vi, name_en, category)
    values ('t_team', 'Tổ', 'Team', 'team'), ('t_model', 'Mô hình', 'Model', 'model')`);
  await db.execute(sql`insert into activities (org_unit_id, rollup_path, kind, date, topics, organizer_kinds,
      attendees, households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    select gen_random_uuid(), (${sql.param(paths)}::text[])[1 + g % ${paths.length}], 'meeting',
      date '2024-10-01' + (g * 7 % 200), '{}', '{front}', g % 50, g % 7, g % 11, g % 13, g % 3, g % 5, g % 2,
      (g % 9) / 4.0
    from generate_series(1, 120) g`);
  await db.execute(sql`with g as (
      insert into groups (org_unit_id, province_id, rollup_path, type_code, name, founded_on, status, dissolved_on)
      select gen_random_uuid(), nullif(split_part(p, '/', 3), '')::uuid, p,
        case when n % 3 = 0 then 't_team' else 't_model' end, 'Tổ ' || n, date '2021-03-01' + n * 41, 'active',
        case when n % 4 = 0 then date '2024-06-01' + n * 13 end
      from generate_series(1, 40) n
      cross join lateral (select (${sql.param(paths)}::text[])[1 + n % ${paths.length}] as p) x
      returning id, founded_on)
    insert into group_members (group_id, full_name, joined_on, left_on)
    select g.id, 'Thành viên', g.founded_on + k * 30, case when k = 2 then date '2025-02-01' end
    from g cross join generate_series(1, 3) k`);
  await db.execute(sql`set session_replication_role = origin`);
  // The monthly rollups and group rollups as the old code kept them, then changes not folded yet:
  // new records, an edit that moves a record across a year, a deletion.
  await db.execute(sql`select stock_rollups_rebuild()`);
  await db.execute(sql`insert into activity_rollups (unit_path, depth, month, dim, activities, attendees,
      households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    select p.unit_path, p.depth, date_trunc('month', a.date)::date, dd.dim, count(*), sum(a.attendees),
      sum(a.households), sum(a.students), sum(a.leaflets), sum(a.panels), sum(a.slogans),
      sum(a.broadcast_items), sum(a.broadcast_hours)
    from activities a cross join lateral activity_rollups_ancestors(a.rollup_path) p
    cross join lateral activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) dd(dim)
    group by 1, 2, 3, 4`);
  await db.execute(sql`set session_replication_role = replica`);
  await db.execute(sql`insert into activities (org_unit_id, rollup_path, kind, date, topics, organizer_kinds,
      attendees, households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    select gen_random_uuid(), ${PROVINCES[0]! + "c1/"}, 'training', date '2025-06-01', '{}', '{front}', 5, 1, 2, 3, 0, 0, 0, 1.5
    from generate_series(1, 3)`);
  await db.execute(sql`set session_replication_role = origin`);
  await db.execute(sql`insert into activity_rollup_pending (sign, rollup_path, date, kind, organizer_kinds, topics,
      attendees, households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    select 1, rollup_path, date, kind, organizer_kinds, topics, attendees, households, students, leaflets, panels,
      slogans, broadcast_items, broadcast_hours from activities where kind = 'training'`);
  const [moved] = await queryRows<{ id: string }>(
    db,
    sql`select id from activities where kind = 'meeting' and date < '2025-01-01' order by date limit 1`,
  );
  // The triggers of that schema append the edit (−old, +new) and the deletion (−old) as pending.
  await db.execute(sql`update activities set date = '2025-03-03', attendees = 99 where id = ${moved!.id}`);
  await db.execute(
    sql`delete from activities where id = (select id from activities where kind = 'meeting' order by date desc limit 1)`,
  );
  await migrate(d, { migrationsFolder: migrations });
}, 120_000);

afterAll(async () => {
  await client?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("upgrading to the yearly rollups", () => {
  it("backfills the yearly activity totals so that with what is pending they equal the records", async () => {
    const [pending] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from activity_rollup_pending`,
    );
    expect(pending!.n).toBe(6);
    expect(await yearRollupDrift(db, YEAR_ROLLUPS_LIVE)).toBe(0);
    // The table alone holds the folded state: not the records while changes are pending …
    expect(await yearRollupDrift(db, sql`select * from activity_year_rollups`)).toBeGreaterThan(0);
    // … and exactly the records once the same fold has moved them into both rollups.
    await foldActivityRollups(db);
    expect(await yearRollupDrift(db, sql`select * from activity_year_rollups`)).toBe(0);
    const [years] = await queryRows<{ n: number }>(
      db,
      sql`select count(distinct year)::int as n from activity_year_rollups where activities <> 0`,
    );
    expect(years!.n).toBe(2);
  });

  it("backfills the yearly group rollups from the records, and keeps them on later writes", async () => {
    const [rows] = await queryRows<{ n: number; teams: number; models: number }>(
      db,
      sql`select count(*)::int as n, sum(teams)::int as teams, sum(models)::int as models from group_year_rollups`,
    );
    expect(rows!.n).toBeGreaterThan(10);
    expect(rows!.teams).toBeGreaterThan(0);
    expect(rows!.models).toBeGreaterThan(0);
    expect(await groupDrift()).toBe(0);
    await db.execute(
      sql`update groups set dissolved_on = '2025-09-01' where dissolved_on is null and type_code = 't_team'`,
    );
    await db.execute(
      sql`update groups set type_code = 't_team' where type_code = 't_model' and founded_on < '2023-01-01'`,
    );
    await db.execute(sql`delete from group_members where left_on is not null`);
    expect(await groupDrift()).toBe(0);
  });
});
