import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../server/src/db/client";
import { progress, timed } from "./stats";

/**
 * National-scale data generated with set-based SQL (generate_series), deterministic (no random()):
 * residential areas under every current commune, activities dated in `year` at areas (80 %) and
 * communes (20 %), households with the year's commitments, groups with members.
 */
export type Scale = { areas: number; activities: number; households: number; groups: number };

export async function generateAreas(database: Database, areas: number): Promise<void> {
  await database.db.execute(sql`
    insert into org_units (id, kind, name, full_name, search_name, sort_name, parent_id, province_id,
      path, rollup_path, depth, is_official)
    select x.id, 'residential_area', 'Khu dân cư số ' || x.n, 'Khu dân cư số ' || x.n,
      'khu dan cu so ' || x.n, 'khu dan cu so ' || x.n, x.cid, x.province_id,
      x.path || x.id || '/', x.path || x.id || '/', x.depth + 1, false
    from (select gen_random_uuid() as id, c.id as cid, c.province_id, c.path, c.depth, n
          from (select c.*, row_number() over (order by c.code) as rn,
                  count(*) over () as total from org_units c
                where c.kind = 'commune' and c.valid_to is null) c
          cross join lateral generate_series(1, ${areas}::int / c.total::int + 1) n
          where n <= ${areas}::int / c.total::int or c.rn <= ${areas}::int % c.total::int) x`);
}

/** Units activities are recorded at: every area, then every current commune. */
async function unitTable(database: Database): Promise<number> {
  await database.db.execute(sql`drop table if exists bench_units`);
  await database.db.execute(sql`create table bench_units as
    select row_number() over (order by u.kind desc, u.path)::int as i, u.id, u.province_id, u.rollup_path
    from org_units u where u.valid_to is null and u.kind in ('commune', 'residential_area')`);
  await database.db.execute(sql`create index on bench_units (i)`);
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from bench_units`);
  return row!.n;
}

const KINDS = sql`array['propaganda_session','meeting','training','broadcast','festival_day','inspection','school_session','visit','patrol','other']`;
const ORGS = sql`array['front','police','front,police','women','front,women','youth','farmers,front','police,youth','veterans','elderly,front,police']`;
const TOPICS = sql`array['drugs','law','fire','scams','traffic','drugs,law','human_trafficking','cyber_crime','loan_sharks,scams']`;

/** Activities g in [start, end): kinds, organisers, topics and figures derived from g. */
export async function insertActivities(
  database: Database,
  start: number,
  end: number,
  units: number,
  year: number,
) {
  await database.db.execute(sql`
    insert into activities (org_unit_id, province_id, rollup_path, kind, date, topics, organizer_kinds,
      attendees, households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    select u.id, u.province_id, u.rollup_path, (${KINDS})[1 + g % 10],
      make_date(${year}, 1, 1) + ((g * 7919) % 365)::int,
      string_to_array((${TOPICS})[1 + (g / 7) % 9], ','), string_to_array((${ORGS})[1 + (g / 3) % 10], ','),
      10 + (g * 31) % 200, (g * 17) % 80, case when g % 10 = 6 then (g * 13) % 500 else 0 end,
      (g * 29) % 300, g % 3, g % 5, case when g % 10 = 3 then 1 else 0 end,
      case when g % 10 = 3 then ((g * 11) % 400) / 100.0 else 0 end
    from generate_series(${start}::bigint, ${end - 1}::bigint) g
    join bench_units u on u.i = 1 + ((g * 2654435761) % ${units})::int`);
}

export async function generateActivities(
  database: Database,
  total: number,
  year: number,
  chunk: number,
): Promise<{ units: number }> {
  const units = await unitTable(database);
  for (let done = 0; done < total; done += chunk) {
    const end = Math.min(total, done + chunk);
    const t = await timed(() => insertActivities(database, done, end, units, year));
    progress(`national: activities ${end.toLocaleString("en")} / ${total.toLocaleString("en")} (${t.ms} ms)`);
  }
  return { units };
}

export async function generateHouseholds(database: Database, total: number, year: number, chunk: number) {
  const areas = `select row_number() over (order by path)::int as i, id, province_id, rollup_path
    from org_units where kind = 'residential_area' and valid_to is null`;
  await database.db.execute(sql`drop table if exists bench_areas`);
  await database.db.execute(sql.raw(`create table bench_areas as ${areas}`));
  await database.db.execute(sql`create index on bench_areas (i)`);
  for (let done = 0; done < total; done += chunk) {
    const end = Math.min(total, done + chunk);
    await database.db.execute(sql`
      with h as (
        insert into households (org_unit_id, province_id, rollup_path, head_name, address, members,
          member_orgs, search_text, created_at)
        select a.id, a.province_id, a.rollup_path, 'Hộ số ' || g, 'Số ' || g, 1 + g % 6,
          case g % 4 when 0 then '{farmers}'::text[] when 1 then '{women,veterans}'::text[] else '{}'::text[] end,
          'ho so ' || g, make_date(${year} - 1, 6, 1)
        from generate_series(${done}::bigint, ${end - 1}::bigint) g
        join bench_areas a on a.i = 1 + (g % (select count(*) from bench_areas))::int
        returning id, rollup_path)
      insert into household_commitments (household_id, rollup_path, year, signed_on, form_version)
      select id, rollup_path, ${year}, make_date(${year}, 3, 1), 'bench' from h
      where ('x' || substr(md5(id::text), 1, 2))::bit(8)::int % 4 <> 0`);
    progress(`national: households ${end.toLocaleString("en")} / ${total.toLocaleString("en")}`);
  }
}

export async function generateGroups(database: Database, total: number) {
  await database.db.execute(sql`
    with g as (
      insert into groups (org_unit_id, province_id, rollup_path, type_code, name, founded_on, status)
      select a.id, a.province_id, a.rollup_path,
        (select array_agg(code order by code) from group_types)[1 + g % (select count(*) from group_types)::int],
        'Tổ ' || g, make_date(2020 + g % 5, 1 + g % 12, 1), 'active'
      from generate_series(0, ${total - 1}::int) g
      join bench_areas a on a.i = 1 + ((g * 7) % (select count(*) from bench_areas))::int
      returning id)
    insert into group_members (group_id, full_name, joined_on)
    select g.id, 'Thành viên ' || n, date '2020-01-01' from g cross join generate_series(1, 5) n`);
}

/** One household of area `i` with its commitment for `year`, in one statement (a write-cost sample). */
export async function insertHousehold(db: Database["db"], i: number, year: number) {
  await db.execute(sql`
    with h as (
      insert into households (org_unit_id, province_id, rollup_path, head_name, address, members,
        member_orgs, search_text)
      select a.id, a.province_id, a.rollup_path, ${`Hộ mới ${i}`}, 'Số 1', 4, '{farmers}'::text[], 'ho moi'
      from bench_areas a where a.i = 1 + ${(i * 7919) % 1000}::int
      returning id, rollup_path)
    insert into household_commitments (household_id, rollup_path, year, signed_on, form_version)
    select id, rollup_path, ${year}, make_date(${year}, 3, 1), 'bench' from h`);
}

/**
 * Tips received over `year` at communes (sealed content stands in as random bytes: the figures
 * never read it), a third transferred, a tenth with cases solved and arrests.
 */
export async function generateTips(database: Database, total: number, year: number) {
  await database.db.execute(sql`
    insert into tips (id, code, verifier, category, org_unit_id, province_id, unit_path, received_hour,
      content, status, transferred_at, cases_solved, arrests)
    select gen_random_uuid(), 'B' || lpad(g::text, 9, '0'), decode(md5(g::text), 'hex'), 'drugs', u.id,
      u.province_id, u.rollup_path,
      make_timestamptz(${year}, 1, 1, 8, 0, 0, 'UTC') + ((g * 7919) % 8760) * interval '1 hour',
      decode(md5('c' || g), 'hex'), case when g % 3 = 0 then 'transferred' else 'new' end,
      case when g % 3 = 0 then make_timestamptz(${year}, 12, 31, 0, 0, 0, 'UTC') end,
      case when g % 10 = 0 then 1 else 0 end, case when g % 10 = 0 then g % 3 else 0 end
    from generate_series(1, ${total}::int) g
    join bench_units u on u.i = 1 + ((g * 2654435761) % (select count(*) from bench_units))::int`);
}
