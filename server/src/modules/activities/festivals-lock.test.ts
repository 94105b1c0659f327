import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "./test-fixtures";

// An approved report locks its period: the festival 19/8 held in it, like the period's activities.
let t: TestContext;
let baclieu: Session;
let baclieuId: string;
let front: string;

const URL = "/api/v1/festivals";
const held = { heldOn: "2025-08-19", attendees: 380, gifts: 25, giftValue: 12_500_000, awards: 9 };

async function plan(year: number) {
  const res = await call(t.app, baclieu, "POST", URL, {
    orgUnitId: baclieuId,
    year,
    level: "commune",
    planDate: `${year}-08-19`,
    venues: ["Hội trường UBND phường"],
    organizerBodyIds: [front],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const lock = (from: string, to: string) =>
  t.app.db.execute(
    sql`insert into period_locks (org_unit_id, unit_path, period_from, period_to)
        select id, path, ${from}::date, ${to}::date from org_units where id = ${baclieuId}`,
  );

beforeAll(async () => {
  t = await createTestContext();
  baclieuId = (await unitByCode(t.app.db, "commune", "31825")).id;
  front = await bodyAt(t.app.db, baclieuId, "front");
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
});
afterAll(() => t.close());

describe("festival 19/8 and period locks", () => {
  it("refuses recording or correcting a festival held in a locked period, 409, and writes nothing", async () => {
    const id = await plan(2025);
    const first = await call(t.app, baclieu, "POST", `${URL}/${id}/held`, held);
    expect(first.statusCode, first.body).toBe(200);
    await lock("2025-07-01", "2025-09-30");

    const corrected = await call(t.app, baclieu, "POST", `${URL}/${id}/held`, { ...held, attendees: 999 });
    expect(corrected.statusCode).toBe(409);
    expect(corrected.json().error.code).toBe("period_locked");
    expect(corrected.json().error.message).toBe(
      "Kỳ báo cáo 01/07/2025–30/09/2025 đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.",
    );
    const edited = await call(t.app, baclieu, "PATCH", `${URL}/${id}`, { showcase: true });
    expect(edited.statusCode).toBe(409);
    const now = await call(t.app, baclieu, "GET", `${URL}/${id}`);
    expect(now.json()).toMatchObject({ attendees: 380, showcase: false, heldOn: "2025-08-19" });
    // What `can` says is what the database accepts.
    expect(now.json().can).toEqual({ edit: false });
  });

  it("refuses moving a festival's held day into a locked period; a plan not yet held stays writable", async () => {
    const id = await plan(2026);
    await lock("2026-08-01", "2026-08-31");
    // Not yet held: its plan is not a figure of the locked period.
    const edited = await call(t.app, baclieu, "PATCH", `${URL}/${id}`, { showcase: true });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().can).toEqual({ edit: true });
    const into = await call(t.app, baclieu, "POST", `${URL}/${id}/held`, { ...held, heldOn: "2026-08-19" });
    expect(into.statusCode).toBe(409);
    const outside = await call(t.app, baclieu, "POST", `${URL}/${id}/held`, {
      ...held,
      heldOn: "2026-09-02",
    });
    expect(outside.statusCode, outside.body).toBe(200);
  });
});
