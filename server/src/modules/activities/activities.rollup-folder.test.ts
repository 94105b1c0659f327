import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../../db/client";
import { call, createTestContext, type TestContext } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { rebuildActivityRollups } from "./activities.rollups";
import { foldActivityRollups, foldStatement, pendingRollupChanges } from "./activities.rollup-folder";
import { bodyAt } from "./test-fixtures";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

class Rollback extends Error {}

/** Every figure of the live views (rollups + pending), per rollup row, as one comparable text. */
async function liveFigures(db: Db): Promise<{ months: string; years: string }> {
  const [row] = await queryRows<{ months: string | null; years: string | null }>(
    db,
    sql`select
      (select string_agg(concat_ws('|', unit_path, depth, month, dim, activities, attendees, households,
          students, leaflets, panels, slogans, broadcast_items, broadcast_hours), ';' order by unit_path, dim, month)
        from (select unit_path, min(depth) as depth, month, dim, sum(activities) as activities,
            sum(attendees) as attendees, sum(households) as households, sum(students) as students,
            sum(leaflets) as leaflets, sum(panels) as panels, sum(slogans) as slogans,
            sum(broadcast_items) as broadcast_items, sum(broadcast_hours) as broadcast_hours
          from activity_rollups_live group by unit_path, month, dim) m) as months,
      (select string_agg(concat_ws('|', unit_path, depth, year, activities, attendees, households,
          students, leaflets, panels, slogans, broadcast_items, broadcast_hours), ';' order by unit_path, year)
        from (select unit_path, min(depth) as depth, year, sum(activities) as activities,
            sum(attendees) as attendees, sum(households) as households, sum(students) as students,
            sum(leaflets) as leaflets, sum(panels) as panels, sum(slogans) as slogans,
            sum(broadcast_items) as broadcast_items, sum(broadcast_hours) as broadcast_hours
          from activity_year_rollups_live group by unit_path, year) y) as years`,
  );
  return { months: row!.months ?? "", years: row!.years ?? "" };
}

describe("foldActivityRollups", () => {
  // The fold sums the changes per (path, month, dimension) first and computes each path's
  // ancestors once; the live views still expand every pending change on its own (per ancestor and
  // dimension, the month through the session's time zone). Folding must not change what they show.
  it("moves a mixed batch into both rollups exactly as the live views counted it", async () => {
    const P = "/00000000-0000-4000-8000-00000000f01d/";
    const rows = [
      // [sign, rollup path, date, kind, organiser kinds, topics, attendees, broadcast hours]
      [1, `${P}pa/`, "2024-12-31", "meeting", "{mttq,women}", "{drugs}", 10, "0"],
      [1, `${P}pa/ca/`, "2024-12-01", "meeting", "{mttq,mttq}", "{drugs,drugs,fraud}", 7, "0"],
      [1, `${P}pa/ca/area/`, "2025-01-01", "broadcast", "{youth}", "{}", 0, "1.25"],
      [-1, `${P}pa/ca/area/`, "2025-01-01", "broadcast", "{youth}", "{}", 0, "1.25"],
      [1, `${P}pa/ca/area/`, "2025-01-31", "broadcast", "{youth}", "{}", 3, "2.50"],
      [1, `${P}pb/cb/`, "2018-11-04", "training", "{}", "{fraud}", 40, "0"],
      [-1, `${P}pb/cb/`, "2018-11-04", "training", "{}", "{fraud}", 40, "0"],
      [1, `${P}pb/cb/`, "2018-11-05", "training", "{police}", "{fraud}", 41, "0"],
      [1, P, "2025-06-15", "meeting", "{mttq}", "{drugs}", 100, "0"],
    ] as const;
    await t.app.db
      .transaction(async (tx) => {
        // A zone whose clocks skipped midnight (2018-11-04): the views' month is date_trunc on
        // the date at that zone's midnight, the fold's is on the date without a zone.
        await tx.execute(sql`set local time zone 'America/Sao_Paulo'`);
        const already = await pendingRollupChanges(tx);
        for (const [sign, path, date, kind, organizers, topics, attendees, hours] of rows) {
          await tx.execute(sql`insert into activity_rollup_pending (sign, rollup_path, date, kind,
              organizer_kinds, topics, attendees, households, students, leaflets, panels, slogans,
              broadcast_items, broadcast_hours)
            values (${sign}, ${path}, ${date}, ${kind}, ${organizers}::text[], ${topics}::text[],
              ${attendees}, 2, 0, 5, 1, 0, ${hours === "0" ? 0 : 1}, ${hours})`);
        }
        // What /metrics reports as the folder's backlog.
        expect(await pendingRollupChanges(tx)).toBe(already + rows.length);
        const before = await liveFigures(tx);
        expect(before.months).toContain(`${P}pa/|2|2024-12-01||2|17|4|0|10|2|0|0|0.00`);
        expect(before.months).toContain(`${P}pa/|2|2024-12-01|body:mttq|2|17|`);
        expect(before.months).toContain(`${P}pb/cb/|3|2018-11-01|topic:fraud|1|41|`);

        const folded = await foldActivityRollups(tx);
        expect(folded).toBeGreaterThanOrEqual(rows.length);
        const [left] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from activity_rollup_pending where rollup_path like ${`${P}%`}`,
        );
        expect(left!.n).toBe(0);
        expect(await pendingRollupChanges(tx)).toBe(0);
        expect(await liveFigures(tx)).toEqual(before);

        // The batch's own rows, now in the tables themselves.
        const mine = await queryRows<{ key: string }>(
          tx,
          sql`select concat_ws('|', unit_path, depth, month, dim, activities, attendees, broadcast_hours) as key
            from activity_rollups where unit_path like ${`${P}%`} and dim in ('', 'body:mttq', 'kind:broadcast')
            union all
            select concat_ws('|', unit_path, depth, year, activities, attendees, broadcast_hours)
            from activity_year_rollups where unit_path like ${`${P}%`}`,
        );
        expect(mine.map((r) => r.key).sort()).toEqual(
          [
            // The country's own record: its path has one segment, so one row at depth 1.
            `${P}|1|2025|1|100|0.00`,
            `${P}|1|2025-06-01||1|100|0.00`,
            `${P}|1|2025-06-01|body:mttq|1|100|0.00`,
            `${P}pa/ca/|3|2024-12-01||1|7|0.00`,
            `${P}pa/ca/|3|2024-12-01|body:mttq|1|7|0.00`,
            `${P}pa/ca/|3|2024|1|7|0.00`,
            `${P}pa/ca/|3|2025-01-01||1|3|2.50`,
            `${P}pa/ca/|3|2025-01-01|kind:broadcast|1|3|2.50`,
            `${P}pa/ca/|3|2025|1|3|2.50`,
            `${P}pa/|2|2024-12-01||2|17|0.00`,
            `${P}pa/|2|2024-12-01|body:mttq|2|17|0.00`,
            `${P}pa/|2|2024|2|17|0.00`,
            `${P}pa/|2|2025-01-01||1|3|2.50`,
            `${P}pa/|2|2025-01-01|kind:broadcast|1|3|2.50`,
            `${P}pa/|2|2025|1|3|2.50`,
            `${P}pb/cb/|3|2018-11-01||1|41|0.00`,
            `${P}pb/cb/|3|2018|1|41|0.00`,
            `${P}pb/|2|2018-11-01||1|41|0.00`,
            `${P}pb/|2|2018|1|41|0.00`,
          ].sort(),
        );
        throw new Rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Rollback)) throw err;
      });
  });

  // The pending table's statistics are often those of an empty table: the folder keeps it short,
  // so an ANALYZE finds pages of deleted rows and no live one. When writes then outrun the folder,
  // the fold must still take its batch in one pass. It used to take it with `id in (select …
  // limit n for update skip locked)`, which the planner, expecting one row, ran as a nested loop
  // that re-ran the locking subquery for every pending row: 42,000 pending rows in the cluster
  // drill made one fold run for over 15 minutes.
  it("takes its batch in one pass however stale the pending table's statistics are", async () => {
    const P = "/00000000-0000-4000-8000-00000000f02d/";
    const addPending = (n: number) => sql`insert into activity_rollup_pending (sign, rollup_path, date,
        kind, organizer_kinds, topics, attendees, households, students, leaflets, panels, slogans,
        broadcast_items, broadcast_hours)
      select 1, ${`${P}p/c/`}, date '2025-03-01' + (g % 28), 'meeting', '{mttq}', '{drugs}', 5, 0, 0,
        0, 0, 0, 0, 0
      from generate_series(1, ${n}) g`;
    type PlanNode = { "Relation Name"?: string; "Actual Loops"?: number; Plans?: PlanNode[] };
    const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
    await t.app.db
      .transaction(async (tx) => {
        await tx.execute(addPending(3000));
        await tx.execute(sql`delete from activity_rollup_pending where rollup_path like ${`${P}%`}`);
        await tx.execute(sql`analyze activity_rollup_pending`);
        await tx.execute(addPending(3000));
        const [explained] = await queryRows<{ "QUERY PLAN": unknown }>(
          tx,
          sql`explain (analyze, format json) ${foldStatement(500)}`,
        );
        const raw = explained!["QUERY PLAN"];
        const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
        const scans = nodes(plan[0]!.Plan).filter((n) => n["Relation Name"] === "activity_rollup_pending");
        expect(scans.length).toBeGreaterThan(0);
        expect(scans.map((n) => n["Actual Loops"])).toEqual(scans.map(() => 1));
        throw new Rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Rollback)) throw err;
      });
  });
});

describe("rebuildActivityRollups", () => {
  // The operator's repair (`rebuild-rollups`) runs beside live servers: writes that commit while
  // it recounts must end up counted once, whether the recount saw them or their pending change.
  it("recounts while activities are written beside it: nothing counted twice or lost", async () => {
    const db = t.app.db;
    const commune = await unitByCode(db, "commune", "32002");
    const session = await signedInAs(t.app, "commune_front", commune.id);
    const organizers = [await bodyAt(db, commune.id, "front"), await bodyAt(db, commune.id, "police")];
    const count = async () =>
      (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from activities`))[0]!.n;
    const before = await count();
    const write = (i: number) =>
      call(t.app, session, "POST", "/api/v1/activities", {
        orgUnitId: commune.id,
        kind: i % 2 ? "meeting" : "training",
        date: `2025-0${1 + (i % 9)}-1${i % 10}`,
        organizerBodyIds: organizers.slice(0, 1 + (i % 2)),
        topics: ["drugs"],
        attendees: 10 + i,
      }).then((r) => expect(r.statusCode, r.body).toBe(201));
    await Promise.all(Array.from({ length: 10 }, (_, i) => write(i)));
    const [first] = await Promise.all([
      rebuildActivityRollups(db),
      ...Array.from({ length: 40 }, (_, i) => write(10 + i)),
    ]);
    expect(first.activities).toBeGreaterThanOrEqual(before + 10);
    expect(await count()).toBe(before + 50);
    const live = await liveFigures(db); // the rollups and what is still pending
    await foldActivityRollups(db);
    expect(await liveFigures(db)).toEqual(live);
    const again = await rebuildActivityRollups(db); // nothing written now: a plain recount
    expect(again).toMatchObject({ activities: before + 50, pendingDropped: 0 });
    expect(await liveFigures(db)).toEqual(live);
    expect(live.months).toContain(`${commune.rollupPath}|`);
  });
});
