import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../../db/client";
import { createTestContext, type TestContext } from "../../test/harness";
import { createResidentialArea, rootUnit, unitByCode } from "../../test/factories";
import { stockRollupsCover } from "../../kernel/rollups";
import { groupTotals, readGroupRollups } from "../groups";
import { coverageGroups, readHouseholdRollups, safeFamilyGroups } from "../households";
import { groupsByChild } from "./dashboard-children";
import { prng } from "../../kernel/prng";

/**
 * The household and group rollups, kept by triggers, must equal the figures counted from the
 * records after any mix of inserts, updates and deletes. The reference is the records themselves:
 * coverage forced onto the records (a scope predicate bypasses the rollups) and a plain SQL count of
 * groups and members.
 */
let t: TestContext;
let db: Db;
const areas: { id: string; path: string }[] = [];
const paths: string[] = [];

const rnd = prng(20251201);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const ORGS = ["farmers", "women", "veterans", "youth", "labour", "elderly", "other"];
const day = (y0: number, y1: number) => {
  const d = new Date(Date.UTC(y0, 0, 1) + Math.floor(rnd() * (y1 - y0 + 1) * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const YEARS = [2018, 2019, 2021, 2022, 2023, 2024, 2025, 2026];
const DATES = ["2021-06-30", "2022-12-31", "2023-01-01", "2024-02-29", "2025-07-01", "2026-12-31"];

async function pathOf(id: string) {
  const [r] = await queryRows<{ path: string }>(db, sql`select path from org_units where id = ${id}`);
  return r!.path;
}

async function addHouseholds(n: number) {
  for (let i = 0; i < n; i++) {
    const a = pick(areas);
    const orgs = [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => pick(ORGS)))];
    // Registered at a local date and hour: near midnight of 31/12 the year differs from UTC's.
    const created = `${day(2021, 2026)}T${pick(["00:30", "12:00", "16:59", "17:01", "23:30"])}:00Z`;
    const movedOut = rnd() < 0.25 ? day(2020, 2027) : null;
    const [h] = await queryRows<{ id: string }>(
      db,
      sql`insert into households (org_unit_id, province_id, rollup_path, head_name, address, members,
            member_orgs, search_text, moved_out_on, created_at)
          values (${a.id}, nullif(split_part(${a.path}, '/', 3), '')::uuid, ${a.path}, 'Hộ thử', 'Số 1', 3, ${`{${orgs.join(",")}}`}::text[], 'ho thu', ${movedOut}::date,
            ${created}::timestamptz) returning id`,
    );
    for (const y of YEARS) {
      if (rnd() < 0.4) {
        await db.execute(sql`insert into household_commitments (household_id, rollup_path, year, signed_on, form_version)
          values (${h!.id}, ${a.path}, ${y}, ${`${y}-03-01`}::date, 'v1')`);
      }
      if (rnd() < 0.5) await recognise(h!.id, a.path, y, rnd() < 0.15);
    }
  }
}

/** A safe-family recognition for `year` (withdrawn at once when `withdrawn`). */
async function recognise(householdId: string, path: string, year: number, withdrawn: boolean) {
  await db.execute(sql`insert into household_safe_families (household_id, rollup_path, year, decided_level,
      decided_by, decided_on, withdrawn_on)
    values (${householdId}, ${path}, ${year}, 'residential_area', 'Ban công tác Mặt trận',
      ${`${year}-11-20`}::date, ${withdrawn ? `${year}-12-01` : null}::date) on conflict do nothing`);
}

async function addGroups(n: number) {
  const types = await queryRows<{ code: string }>(db, sql`select code from group_types`);
  for (let i = 0; i < n; i++) {
    const a = pick(areas);
    const founded = day(2021, 2026);
    const dissolved = rnd() < 0.3 ? day(2021, 2027) : null;
    const [g] = await queryRows<{ id: string }>(
      db,
      sql`insert into groups (org_unit_id, province_id, rollup_path, type_code, name, founded_on, status,
            dissolved_on)
          values (${a.id}, nullif(split_part(${a.path}, '/', 3), '')::uuid, ${a.path}, ${pick(types).code}, 'Tổ thử', ${founded}::date, 'active', ${dissolved}::date)
          returning id`,
    );
    const members = Math.floor(rnd() * 6);
    for (let m = 0; m < members; m++) {
      await db.execute(sql`insert into group_members (group_id, full_name, joined_on, left_on)
        values (${g!.id}, 'Thành viên', ${day(2020, 2026)}::date, ${rnd() < 0.3 ? day(2021, 2027) : null}::date)`);
    }
  }
}

/** Updates and deletes of every kind the triggers must follow. */
async function churn() {
  const hh = await queryRows<{ id: string }>(db, sql`select id from households order by id`);
  for (const h of hh) {
    const r = rnd();
    const a = pick(areas);
    if (r < 0.1) {
      await db.execute(sql`update households set moved_out_on = ${day(2021, 2027)}::date where id = ${h.id}`);
    } else if (r < 0.2) {
      await db.execute(
        sql`update households set member_orgs = ${`{${pick(ORGS)}}`}::text[] where id = ${h.id}`,
      );
    } else if (r < 0.28) {
      await db.execute(
        sql`update households set org_unit_id = ${a.id}, rollup_path = ${a.path},
          province_id = nullif(split_part(${a.path}, '/', 3), '')::uuid where id = ${h.id}`,
      );
    } else if (r < 0.33) await db.execute(sql`delete from households where id = ${h.id}`);
    else if (r < 0.4) {
      await db.execute(sql`update household_commitments set year = year - 10 where household_id = ${h.id}
        and year = (select max(year) from household_commitments where household_id = ${h.id})`);
    } else if (r < 0.45) {
      await db.execute(sql`delete from household_commitments where household_id = ${h.id}
        and year = (select min(year) from household_commitments where household_id = ${h.id})`);
    } else if (r < 0.5) {
      await db.execute(sql`update household_safe_families set withdrawn_on = '2026-01-15'
        where household_id = ${h.id} and withdrawn_on is null`);
    } else if (r < 0.55) {
      await db.execute(sql`delete from household_safe_families where household_id = ${h.id}
        and year = (select min(year) from household_safe_families where household_id = ${h.id})`);
    } else if (r < 0.6) {
      // Registered after the years it signs for and is recognised for (a late register).
      await db.execute(sql`update households set created_at = '2027-02-01T08:00:00Z' where id = ${h.id}`);
      await db.execute(sql`insert into household_commitments (household_id, rollup_path, year, signed_on, form_version)
        select ${h.id}, rollup_path, 2019, '2019-03-01', 'v1' from households where id = ${h.id}
        on conflict do nothing`);
      await recognise(h.id, a.path, 2019, false);
      await recognise(h.id, a.path, 2018, false);
    }
  }
  // A multi-row statement: every household of one area moves out on one day.
  await db.execute(
    sql`update households set moved_out_on = '2024-05-01' where org_unit_id = ${areas[0]!.id}`,
  );
  const types = await queryRows<{ code: string }>(db, sql`select code from group_types`);
  const gs = await queryRows<{ id: string }>(db, sql`select id from groups order by id`);
  for (const g of gs) {
    const r = rnd();
    const a = pick(areas);
    if (r < 0.1) {
      await db.execute(sql`update groups set dissolved_on = ${day(2021, 2027)}::date where id = ${g.id}`);
    } else if (r < 0.18) {
      await db.execute(sql`update groups set founded_on = ${day(2020, 2026)}::date where id = ${g.id}`);
    } else if (r < 0.24) {
      await db.execute(sql`update groups set type_code = ${pick(types).code} where id = ${g.id}`);
    } else if (r < 0.3) {
      await db.execute(
        sql`update groups set org_unit_id = ${a.id}, rollup_path = ${a.path},
          province_id = nullif(split_part(${a.path}, '/', 3), '')::uuid where id = ${g.id}`,
      );
    } else if (r < 0.35) await db.execute(sql`delete from groups where id = ${g.id}`);
    else if (r < 0.45) {
      await db.execute(
        sql`update group_members set left_on = ${day(2021, 2027)}::date where group_id = ${g.id}`,
      );
    } else if (r < 0.5) await db.execute(sql`delete from group_members where group_id = ${g.id}`);
  }
}

/** Groups and members on `at` per child (by its path segment) counted from the records. */
async function groupsFromRecords(path: string, at: string) {
  return queryRows<{ grp: string; typeCode: string; groups: number; members: number }>(
    db,
    sql`select split_part(substr(g.rollup_path, ${path.length + 1}::int), '/', 1) as grp, g.type_code as "typeCode",
          count(distinct g.id)::int as groups, count(m.id)::int as members
        from groups g left join group_members m on m.group_id = g.id and m.joined_on <= ${at}::date
          and (m.left_on is null or m.left_on > ${at}::date)
        where g.rollup_path like ${`${path}%`} and g.founded_on <= ${at}::date
          and (g.dissolved_on is null or g.dissolved_on > ${at}::date)
        group by 1, 2`,
  );
}

/** The dashboard's group figures per child and for the whole unit ("") from the records. */
async function categoriesFromRecords(path: string, at: string) {
  const types = new Map(
    (
      await queryRows<{ code: string; category: string }>(db, sql`select code, category from group_types`)
    ).map((t) => [t.code, t.category]),
  );
  const out = new Map<string, Record<string, number | null>>();
  const add = (key: string, r: { typeCode: string; groups: number; members: number }) => {
    const v = out.get(key) ?? {
      "groups.count": 0,
      "groups.members": 0,
      "groups.teams": 0,
      "groups.models": 0,
    };
    v["groups.count"]! += r.groups;
    v["groups.members"]! += r.members;
    if (types.get(r.typeCode) === "team") v["groups.teams"]! += r.groups;
    if (types.get(r.typeCode) === "model") v["groups.models"]! += r.groups;
    out.set(key, v);
  };
  for (const r of await groupsFromRecords(path, at)) {
    if (r.grp !== "") add(r.grp, r);
    add("", r);
  }
  return out;
}

function sumByType(rows: { grp: string; typeCode: string; groups: number; members: number }[]) {
  const out = new Map<string, { grp: string; typeCode: string; groups: number; members: number }>();
  for (const r of rows) {
    const o = out.get(r.typeCode) ?? { grp: "", typeCode: r.typeCode, groups: 0, members: 0 };
    o.groups += r.groups;
    o.members += r.members;
    out.set(r.typeCode, o);
  }
  return [...out.values()];
}

const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

async function expectRollupsMatchRecords() {
  for (const path of paths) {
    for (const year of YEARS) {
      const fromRollups = await coverageGroups(db, { rollupPathPrefix: path, year, childrenOfPath: path });
      const fromRecords = await coverageGroups(db, {
        rollupPathPrefix: path,
        year,
        childrenOfPath: path,
        scope: sql`true`,
      });
      // A child whose figures are all zero may be absent from the records but present in the rollups.
      const nonZero = (m: typeof fromRollups) =>
        Object.fromEntries([...m].filter(([, f]) => f.households !== 0 || f.signed !== 0));
      expect(nonZero(fromRollups), `${path} ${year}`).toEqual(nonZero(fromRecords));
      const whole = await coverageGroups(db, { rollupPathPrefix: path, year });
      const wholeRecords = await coverageGroups(db, { rollupPathPrefix: path, year, scope: sql`true` });
      expect(nonZero(whole), `${path} ${year} total`).toEqual(nonZero(wholeRecords));
      expect((await readHouseholdRollups(db, path, year, false)).every((r) => r.n >= 0 && r.s <= r.n)).toBe(
        true,
      );
      for (const childrenOfPath of [path, undefined]) {
        const base = { rollupPathPrefix: path, year, ...(childrenOfPath ? { childrenOfPath } : {}) };
        expect(await safeFamilyGroups(db, base), `${path} ${year} safe families`).toEqual(
          await safeFamilyGroups(db, { ...base, scope: sql`true` }),
        );
      }
    }
    for (const at of DATES) {
      const records = await groupsFromRecords(path, at);
      // Children are read from the rollups down to communes' children (residential areas: records).
      const children = stockRollupsCover(path, true);
      const rollups = (await readGroupRollups(db, path, at, children)).filter(
        (r) => r.groups !== 0 || r.members !== 0,
      );
      const expected = children ? records : sumByType(records);
      expect(sorted(rollups), `${path} ${at}`).toEqual(sorted(expected));
      const totals = await groupTotals(db, { rollupPathPrefix: path, at });
      expect(totals.groups, `${path} ${at}`).toBe(records.reduce((n, r) => n + r.groups, 0));
      expect(totals.members, `${path} ${at}`).toBe(records.reduce((n, r) => n + r.members, 0));
      // The dashboard's figures (yearly rollups before `at`'s year, daily ones in it), every child.
      const byChild = await groupsByChild(db, path, at);
      expect(byChild.get("")!["groups.count"]).toBe(totals.groups);
      const nonZero = (m: Map<string, Record<string, number | null>>) =>
        Object.fromEntries([...m].filter(([, v]) => Object.values(v).some((x) => x !== 0)));
      expect(nonZero(byChild), `${path} ${at} by child`).toEqual(
        nonZero(await categoriesFromRecords(path, at)),
      );
    }
  }
}

beforeAll(async () => {
  t = await createTestContext();
  db = t.app.db;
  const communes = [
    (await unitByCode(db, "commune", "31825")).id,
    (await unitByCode(db, "commune", "32002")).id,
  ];
  for (const [i, c] of communes.entries()) {
    for (const name of ["Khóm A", "Khóm B"]) {
      const id = await createResidentialArea(db, c, `${name} ${i}`);
      areas.push({ id, path: await pathOf(id) });
    }
    // Records made at the commune itself (groups founded at commune level).
    areas.push({ id: c, path: await pathOf(c) });
  }
  const hanoi = (await unitByCode(db, "province", "01")).id;
  areas.push({ id: hanoi, path: await pathOf(hanoi) });
  paths.push(
    (await rootUnit(db)).path,
    await pathOf((await unitByCode(db, "province", "96")).id),
    await pathOf(communes[0]!),
    await pathOf(communes[1]!),
  );
  await addHouseholds(60);
  await addGroups(40);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("household, safe-family and group rollups", () => {
  it("equal the records after inserts", async () => {
    expect(
      (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from household_rollups`))[0]!.n,
    ).toBeGreaterThan(0);
    await expectRollupsMatchRecords();
  }, 120_000);

  it("equal the records after moves, edits, type changes and deletions", async () => {
    await churn();
    // Late registers recognised without a commitment: the households the safe-family rule adds.
    const [late] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from safe_family_rollups where late > 0 and depth = 3`,
    );
    expect(late!.n).toBeGreaterThan(0);
    await expectRollupsMatchRecords();
  }, 120_000);

  it("are rebuilt from the records to the same rows", async () => {
    const snapshot = async () =>
      sorted(
        await queryRows(
          db,
          sql`select 'h' as t, unit_path, depth, year::text as k, org as d, sum(stock) as a, sum(extra) as b, sum(signed) as c
              from household_rollups group by 1, 2, 3, 4, 5 having sum(stock) <> 0 or sum(extra) <> 0 or sum(signed) <> 0
              union all
              select 's', unit_path, depth, year::text, '', sum(recognised), sum(late), 0
              from safe_family_rollups group by 1, 2, 3, 4, 5 having sum(recognised) <> 0 or sum(late) <> 0
              union all
              select 'g', unit_path, depth, day::text, type_code, sum(groups), sum(members), 0
              from group_rollups group by 1, 2, 3, 4, 5 having sum(groups) <> 0 or sum(members) <> 0
              union all
              select 'gy', unit_path, depth, year::text, '', groups, members, teams * 1000 + models
              from group_year_rollups where groups <> 0 or members <> 0 or teams <> 0 or models <> 0`,
        ),
      );
    const before = await snapshot();
    expect(before.filter((r) => r.includes('"gy"')).length).toBeGreaterThan(5);
    await db.execute(sql`select stock_rollups_rebuild()`);
    await db.execute(sql`select safe_family_rollups_rebuild()`);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it("keep a group type's category while groups use it (the yearly rows count teams and models)", async () => {
    const [used] = await queryRows<{ code: string; category: string }>(
      db,
      sql`select t.code, t.category from group_types t where exists (select 1 from groups g where g.type_code = t.code) limit 1`,
    );
    const other = used!.category === "team" ? "model" : "team";
    await expect(
      db.execute(sql`update group_types set category = ${other} where code = ${used!.code}`),
    ).rejects.toThrow();
    const [kept] = await queryRows<{ category: string }>(
      db,
      sql`select category from group_types where code = ${used!.code}`,
    );
    expect(kept!.category).toBe(used!.category);
  });
});
