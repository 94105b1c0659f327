import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { seedDemoHistory } from "./seed-history";

let t: TestContext;
let admin: Session;

/** Sums over the records made at units under an (old) unit's own path. */
async function recordedUnder(code: string, kind: string) {
  const [row] = await queryRows<Record<string, string>>(
    t.app.db,
    sql`select count(*) filter (where a.kind = 'propaganda_session') as sessions,
          coalesce(sum(a.attendees) filter (where a.kind = 'propaganda_session'), 0) as attendees,
          coalesce(sum(a.panels), 0) as panels, coalesce(sum(a.slogans), 0) as slogans,
          coalesce(sum(a.leaflets), 0) as leaflets, coalesce(sum(a.broadcast_items), 0) as items,
          coalesce(sum(a.broadcast_hours), 0) as hours, coalesce(sum(a.students), 0) as students
        from activities a join org_units u on u.id = a.org_unit_id
        where u.path like (select path || '%' from org_units where code = ${code} and kind = ${kind} and valid_to is not null)`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
  await seedDemoHistory(t.app.db);
});
afterAll(() => t.close());

describe("demo history from the seed articles", () => {
  it("reproduces seed 004 for the former Bạc Liêu city from individual records", async () => {
    const f = await recordedUnder("954", "district");
    expect(f).toMatchObject({
      sessions: 2669,
      attendees: 101_662,
      panels: 65,
      slogans: 186,
      students: 24_120,
    });
    const [g] = await queryRows<{ groups: string; members: string }>(
      t.app.db,
      sql`select count(distinct g.id) as groups, count(m.id) as members
          from groups g join org_units u on u.id = g.org_unit_id left join group_members m on m.group_id = g.id
          where g.type_code in ('self_management_group', 'people_security_group')
            and u.path like (select path || '%' from org_units where code = '954' and kind = 'district')`,
    );
    expect([Number(g!.groups), Number(g!.members)]).toEqual([817, 1157]);
  });

  it("reproduces seed 001 for the former Bình Thuận province", async () => {
    const f = await recordedUnder("60", "province");
    expect(f).toMatchObject({ sessions: 2970, leaflets: 28_000, items: 156, hours: 5421 });
  });

  it("rolls the old records up into today's Cà Mau and Lâm Đồng", async () => {
    const totals = async (code: string, from: string, to: string) => {
      const id = (await unitByCode(t.app.db, "province", code)).id;
      const res = await call(
        t.app,
        admin,
        "GET",
        `/api/v1/activities/totals?orgUnitId=${id}&from=${from}&to=${to}&kind=propaganda_session`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json().totals;
    };
    expect(await totals("96", "2013-01-01", "2017-12-31")).toMatchObject({
      activities: 2669,
      attendees: 101_662,
    });
    expect(await totals("68", "2018-01-01", "2020-12-31")).toMatchObject({
      activities: 2970,
      attendees: 1_000_000,
    });
  });
});
