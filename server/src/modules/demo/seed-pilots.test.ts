import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { call, createTestContext, type TestContext } from "../../test/harness";
import { groups } from "../groups/groups.table";
import { seedGroupTypes } from "../groups";
import { seedDemoPilots } from "./seed-pilots";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedGroupTypes(t.app.db);
});
afterAll(() => t.close());

/** Groups at the first pre-reform communes of an old district, as the demo history makes them. */
async function groupsAt(district: string, typeCode: string, n: number) {
  const communes = await queryRows<{ id: string; rollupPath: string; provinceId: string }>(
    t.app.db,
    // The province a record is stored under is its rollup path's (today's), as the demo writes it.
    sql`select c.id, c.rollup_path as "rollupPath", split_part(c.rollup_path, '/', 3) as "provinceId"
        from org_units c join org_units d on d.id = c.parent_id
        where d.kind = 'district' and d.code = ${district} and c.kind = 'commune' order by c.code limit ${n}`,
  );
  expect(communes.length).toBe(n);
  await t.app.db.insert(groups).values(
    communes.map((c, i) => ({
      orgUnitId: c.id,
      provinceId: c.provinceId,
      rollupPath: c.rollupPath,
      typeCode,
      name: `Mô hình số ${i + 1}`,
      foundedOn: "2019-05-01",
      status: typeCode === "crime_drug_free_area" ? "pilot" : "active",
    })),
  );
}

describe("demo pilots and model equipment", () => {
  it("designates seed 001's pilot models and equips some Bạc Liêu models, once, on real units", async () => {
    await groupsAt("594", "crime_drug_free_area", 3);
    await groupsAt("600", "crime_drug_free_area", 2);
    await groupsAt("954", "self_management_group", 2);
    expect(await seedDemoPilots(t.app.db)).toEqual({ pilots: 5, models: 2 });
    expect(await seedDemoPilots(t.app.db)).toEqual({ pilots: 0, models: 0 }); // idempotent
    const admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
    const [binhThuan] = await queryRows<{ rollupPath: string }>(
      t.app.db,
      sql`select rollup_path as "rollupPath" from org_units where kind = 'district' and code = '594'`,
    );
    const lamDong = await queryRows<{ id: string }>(
      t.app.db,
      sql`select id from org_units where valid_to is null and ${binhThuan!.rollupPath} like path || '%'
          and kind = 'province'`,
    );
    const totals = await call(
      t.app,
      admin,
      "GET",
      `/api/v1/pilots/totals?orgUnitId=${lamDong[0]!.id}&on=2020-01-01`,
    );
    expect(totals.statusCode, totals.body).toBe(200);
    expect(totals.json()).toMatchObject({ designated: 5, evaluated: 0, replicated: 0 });
    const list = await call(t.app, admin, "GET", `/api/v1/pilots?orgUnitId=${lamDong[0]!.id}`);
    expect(list.json().items.map((p: { decisionIssuer: string }) => p.decisionIssuer)).toContain(
      "Ban Thường trực Ủy ban MTTQ Việt Nam thị xã La Gi",
    );
    const caMau = await unitByCode(t.app.db, "province", "96");
    const eq = await call(
      t.app,
      admin,
      "GET",
      `/api/v1/groups/equipment-totals?orgUnitId=${caMau.id}&on=2020-01-01`,
    );
    expect(eq.statusCode, eq.body).toBe(200);
    const gates = eq.json().byKind.find((k: { kind: string }) => k.kind === "gate").count;
    expect(gates).toBe(2);
    expect(eq.json().channels).toBe(2);
  });
});
