import { setClock } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, login, type TestContext } from "../../test/harness";
import { DEMO_PASSWORD, seedDemo } from "./seed-demo";

// A fresh start at 00:30 on 10 January 2027 in Vietnam: still 9 January in UTC, and this year's
// March (when the demo households signed) has not come yet.
const AT = "2027-01-09T17:30:00Z";
const TODAY = "2027-01-10";
const TOMORROW = "2027-01-11";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  setClock(AT);
  await seedDemo(t.app.db, { masterKeyFile: t.app.config.masterKeyFile });
});
afterAll(async () => {
  setClock(null);
  await t.close();
});

describe("a fresh start at 00:30 Vietnam time", () => {
  it("seeds the steering committees of the ward and the province, counted by the API", async () => {
    const front = await login(t.app, "camau.mttq", DEMO_PASSWORD);
    const res = await call(t.app, front, "GET", "/api/v1/committees/totals");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committees: 2, consolidated: 1, members: 10 });
  });

  it("seeds no record dated after today in Vietnam", async () => {
    const rows = await queryRows<{ dated: string; latest: string | null }>(
      t.app.db,
      sql`select 'commitment' as dated, max(signed_on)::text as latest from household_commitments
          union all select 'activity', max(date)::text from activities
          union all select 'news', max(published_on)::text from news_items`,
    );
    for (const r of rows) expect(r.latest! <= TODAY, `${r.dated} dated ${r.latest}`).toBe(true);
  });

  it("records a commitment signed today by a demo household, and refuses one dated tomorrow", async () => {
    const [household] = await queryRows<{ id: string }>(
      t.app.db,
      sql`select h.id from households h where not exists
            (select 1 from household_commitments c where c.household_id = h.id and c.year = 2027)
          order by h.code limit 1`,
    );
    const cadre = await login(t.app, "khom1.baclieu", DEMO_PASSWORD);
    const url = `/api/v1/households/${household!.id}/commitments`;
    const body = { year: 2027, formVersion: "Mẫu cam kết 2024" };
    const later = await call(t.app, cadre, "POST", url, { ...body, signedOn: TOMORROW });
    expect(later.statusCode, later.body).toBe(400);
    const res = await call(t.app, cadre, "POST", url, { ...body, signedOn: TODAY });
    expect(res.statusCode, res.body).toBe(201);
  });
});
