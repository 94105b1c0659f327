import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../../db/client";
import { createTestContext, type TestContext } from "../../test/harness";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

class Rollback extends Error {}

/** The SQLSTATE a statement fails with inside a savepoint, or "ok". */
async function outcome(tx: Db, query: ReturnType<typeof sql>): Promise<string> {
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(query);
    });
    return "ok";
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code ?? String(err);
  }
}

describe("period lock guard (migration 0060: locks looked up by the path's prefixes)", () => {
  it("refuses writes in a locked period of the unit or an ancestor, and only those", async () => {
    // A unit three levels down and its ancestors' paths.
    const [unit] = await queryRows<{ id: string; path: string }>(
      t.app.db,
      sql`select id, rollup_path as path from org_units
          where valid_to is null and rollup_path like '/%/%/%/' order by rollup_path limit 1`,
    );
    const parts = unit!.path.split("/").slice(1, -1);
    const province = `/${parts.slice(0, 2).join("/")}/`;
    await t.app.db
      .transaction(async (tx) => {
        const lock = (path: string, from: string, to: string, unlocked = false) =>
          tx.execute(sql`insert into period_locks (org_unit_id, unit_path, period_from, period_to, unlocked_at)
            values (${unit!.id}, ${path}, ${from}, ${to}, ${unlocked ? sql`now()` : sql`null`})`);
        const insert = (date: string) =>
          sql`insert into activities (org_unit_id, province_id, rollup_path, kind, date)
              values (${unit!.id}, ${parts[1]!}, ${unit!.path}, 'meeting', ${date})`;
        // Recorded before any lock: one in January, one in April.
        await tx.execute(insert("2024-01-20"));
        await tx.execute(insert("2024-04-20"));
        await tx.execute(insert("2024-05-20"));
        await lock(province, "2024-01-01", "2024-01-31"); // an ancestor's lock
        await lock(`${province}${parts[2]!.slice(0, -1)}/`, "2024-02-01", "2024-02-29"); // not an ancestor: the unit's segment less its last letter
        await lock(`${province}${parts[2]}0/`, "2024-02-01", "2024-02-29"); // not an ancestor: the unit's segment and one more letter
        await lock(unit!.path, "2024-03-01", "2024-03-31", true); // unlocked since
        await lock(unit!.path, "2024-05-01", "2024-05-31"); // the unit's own

        expect(await outcome(tx, insert("2024-01-15"))).toBe("TD409");
        expect(await outcome(tx, insert("2024-02-15"))).toBe("ok");
        expect(await outcome(tx, insert("2024-03-15"))).toBe("ok");
        expect(await outcome(tx, insert("2024-05-15"))).toBe("TD409");
        expect(await outcome(tx, insert("2024-06-15"))).toBe("ok");
        // Update: the old row (January) or the new one (May) in a locked period.
        const byDate = (date: string) =>
          sql`rollup_path = ${unit!.path} and date = ${date} and kind = 'meeting'`;
        expect(
          await outcome(tx, sql`update activities set attendees = 1 where ${byDate("2024-01-20")}`),
        ).toBe("TD409");
        expect(
          await outcome(tx, sql`update activities set date = '2024-05-02' where ${byDate("2024-04-20")}`),
        ).toBe("TD409");
        expect(
          await outcome(tx, sql`update activities set attendees = 2 where ${byDate("2024-04-20")}`),
        ).toBe("ok");
        expect(await outcome(tx, sql`delete from activities where ${byDate("2024-01-20")}`)).toBe("TD409");
        expect(await outcome(tx, sql`delete from activities where ${byDate("2024-05-20")}`)).toBe("TD409");
        expect(await outcome(tx, sql`delete from activities where ${byDate("2024-04-20")}`)).toBe("ok");
        // The dated guard (festivals, household commitments, duty logs) follows the same rule.
        const festival = (date: string) =>
          sql`insert into festivals (org_unit_id, rollup_path, level, year, held_on, organizer_body_ids)
              values (${unit!.id}, ${unit!.path}, 'area', 2024, ${date}, '{}')`;
        expect(await outcome(tx, festival("2024-01-10"))).toBe("TD409");
        expect(await outcome(tx, festival("2024-02-10"))).not.toBe("TD409");
        // A lock's path is a unit path: ends in '/', no LIKE wildcard.
        expect(
          await outcome(
            tx,
            sql`insert into period_locks (org_unit_id, unit_path, period_from, period_to)
            values (${unit!.id}, ${province.slice(0, -1)}, '2024-07-01', '2024-07-31')`,
          ),
        ).toBe("23514");
        expect(
          await outcome(
            tx,
            sql`insert into period_locks (org_unit_id, unit_path, period_from, period_to)
            values (${unit!.id}, ${`${province}_/`}, '2024-07-01', '2024-07-31')`,
          ),
        ).toBe("23514");
        throw new Rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Rollback)) throw err;
      });
  });
});
