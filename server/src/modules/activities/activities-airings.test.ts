import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "./test-fixtures";

// A broadcast item's airings on the loudspeaker systems: the hours are computed from them.
let t: TestContext;
let front: Session;
let unitId: string;
let frontBody: string;

const URL = "/api/v1/activities";
type Activity = { id: string; version: number } & Record<string, unknown>;

const broadcast = (extra: object) => ({
  orgUnitId: unitId,
  kind: "broadcast",
  date: "2026-03-10",
  organizerBodyIds: [frontBody],
  topics: ["scams"],
  channels: ["loudspeaker"],
  title: "Bản tin cảnh giác lừa đảo qua mạng",
  broadcastItems: 1,
  ...extra,
});

async function create(body: object): Promise<Activity> {
  const res = await call(t.app, front, "POST", URL, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Activity>();
}

async function hoursIndicator(): Promise<number | null> {
  const q = new URLSearchParams({
    indicators: "activities.broadcast_hours,activities.broadcast_items",
    orgUnitId: unitId,
    from: "2026-03-01",
    to: "2026-03-31",
  });
  const res = await call(t.app, front, "GET", `/api/v1/indicators/query?${q.toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().totals["activities.broadcast_hours"];
}

beforeAll(async () => {
  t = await createTestContext();
  unitId = (await unitByCode(t.app.db, "commune", "32002")).id;
  frontBody = await bodyAt(t.app.db, unitId, "front");
  front = await signedInAs(t.app, "commune_front", unitId);
});
afterAll(() => t.close());

describe("a broadcast's airings", () => {
  it("computes the hours from the airings and minutes, and logs them", async () => {
    // 10 clusters, 14 airings each, 15 minutes an airing: 140 × 15 min = 35 hours.
    const a = await create(broadcast({ broadcastStations: 10, broadcastAirings: 140, broadcastMinutes: 15 }));
    expect(a).toMatchObject({
      broadcastStations: 10,
      broadcastAirings: 140,
      broadcastMinutes: 15,
      broadcastHours: 35,
    });
    const event = (await lastAuditEvent(t.app.db))!;
    expect(event.action).toBe("activity.created");
    expect(event.data).toMatchObject({ broadcastAirings: 140, broadcastMinutes: 15, broadcastHours: 35 });
    // 7 airings of 10 minutes: 1,1666… hours, stored as 1,17.
    const b = await create(broadcast({ broadcastAirings: 7, broadcastMinutes: 10 }));
    expect(b.broadcastHours).toBe(1.17);
    expect(await hoursIndicator()).toBe(36.17);
    const read = await call(t.app, front, "GET", `${URL}/${a.id}`);
    expect(read.json()).toMatchObject({ broadcastAirings: 140, broadcastHours: 35 });
  });

  it("refuses airings without minutes, fewer airings than clusters, and hours that are not theirs", async () => {
    const cases: [object, string][] = [
      [{ broadcastAirings: 20 }, "broadcastMinutes"],
      [{ broadcastMinutes: 15 }, "broadcastAirings"],
      [{ broadcastStations: 12, broadcastAirings: 10, broadcastMinutes: 15 }, "broadcastAirings"],
      [{ broadcastAirings: 20, broadcastMinutes: 15, broadcastHours: 6 }, "broadcastHours"],
      [{ broadcastAirings: 20, broadcastMinutes: 300 }, "broadcastMinutes"],
      [{ broadcastAirings: 2.5, broadcastMinutes: 15 }, "broadcastAirings"],
    ];
    for (const [extra, path] of cases) {
      const res = await call(t.app, front, "POST", URL, broadcast(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    // The matching hours may be sent with the airings.
    const ok = await create(broadcast({ broadcastAirings: 20, broadcastMinutes: 15, broadcastHours: 5 }));
    expect(ok.broadcastHours).toBe(5);
    expect((await call(t.app, front, "DELETE", `${URL}/${ok.id}`)).statusCode).toBe(200);
  });

  it("recomputes the hours when an edit changes the airings, and refuses other hours", async () => {
    const a = await create(broadcast({ broadcastStations: 4, broadcastAirings: 40, broadcastMinutes: 15 }));
    expect(a.broadcastHours).toBe(10);
    const res = await call(t.app, front, "PATCH", `${URL}/${a.id}`, { broadcastMinutes: 30 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ broadcastMinutes: 30, broadcastHours: 20 });
    const event = (await lastAuditEvent(t.app.db))!;
    expect(event.action).toBe("activity.updated");
    expect(event.data).toEqual({
      before: { broadcastMinutes: 15, broadcastHours: 10 },
      after: { broadcastMinutes: 30, broadcastHours: 20 },
    });
    const bad = await call(t.app, front, "PATCH", `${URL}/${a.id}`, { broadcastHours: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("broadcastHours");
    const partial = await call(t.app, front, "PATCH", `${URL}/${a.id}`, { broadcastMinutes: 0 });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.issues[0].path).toBe("broadcastMinutes");
  });

  it("the database refuses hours that do not match the airings", async () => {
    await expect(
      t.app.db.execute(
        sql`update activities set broadcast_hours = 99 where broadcast_airings > 0 and org_unit_id = ${unitId}`,
      ),
    ).rejects.toThrow();
  });
});
