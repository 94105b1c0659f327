import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCount, send } from "../../test/capture";
import { signedInAs } from "../../test/factories";
import { bodyAt } from "../activities/test-fixtures";
import {
  BATCH_URL as URL,
  buildSyncWorld,
  entry,
  results,
  syncFixtures,
  type SyncWorld,
} from "./test-support";

/** syncBatch: the outbox's records in one request, each run as its own route (decision 0015). */
let w: SyncWorld;
let police: string;
const { activity, household, batch, countWhere, total } = syncFixtures(() => w);

beforeAll(async () => {
  w = await buildSyncWorld();
  police = w.police;
});
afterAll(() => w.t.close());

describe("syncBatch", () => {
  it("stores each record of a batch sent twice once, and answers the second the same", async () => {
    const a = activity();
    const h = household(w.areaA);
    const entries = [entry("createActivity", a), entry("createHousehold", h)];
    const first = await batch(w.baclieu, entries);
    expect(first.statusCode, first.body).toBe(200);
    const [ra, rh] = results(first);
    expect(ra).toMatchObject({ clientId: entries[0]!.clientId, status: 201, replayed: false });
    expect(ra!.body).toMatchObject({ title: a.title, version: 1 });
    expect(rh).toMatchObject({ status: 201, replayed: false, body: { headName: h.headName } });

    const again = await batch(w.baclieu, entries);
    expect(again.statusCode).toBe(200);
    const second = results(again);
    expect(second.map((r) => r.replayed)).toEqual([true, true]);
    expect(second.map((r) => [r.clientId, r.status, r.body])).toEqual(
      results(first).map((r) => [r.clientId, r.status, r.body]),
    );
    expect(await countWhere("activities", "title", a.title)).toBe(1);
    expect(await countWhere("households", "head_name", h.headName)).toBe(1);
    expect(await auditCount(w.t.app.db, "activity.created", ra!.body!.id)).toBe(1);
    expect(await auditCount(w.t.app.db, "household.created", rh!.body!.id)).toBe(1);
  });

  it("answers an entry as its single route: a record sent alone first is replayed in a batch", async () => {
    const a = activity();
    const clientId = randomUUID();
    const alone = await send(w.t.app, w.baclieu, "POST", "/api/v1/activities", a, {
      "idempotency-key": clientId,
    });
    expect(alone.statusCode, alone.body).toBe(201);
    const res = await batch(w.baclieu, [{ clientId, operation: "createActivity", body: a }]);
    expect(results(res)[0]).toMatchObject({ status: 201, replayed: true, body: alone.json() });
    expect(await countWhere("activities", "title", a.title)).toBe(1);
  });

  it("does not let a refused entry in the middle block the ones after it", async () => {
    const before = activity();
    const after = activity();
    const res = await batch(w.baclieu, [
      entry("createActivity", before),
      entry("createActivity", activity({ attendees: -3 })),
      entry("createActivity", after),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const [r1, bad, r3] = results(res);
    expect([r1!.status, bad!.status, r3!.status]).toEqual([201, 400, 201]);
    expect(bad!.error).toMatchObject({ code: "validation_failed" });
    expect(bad!.error!.issues!.map((i) => i.path)).toEqual(["attendees"]);
    expect(bad!.body).toBeUndefined();
    expect(await countWhere("activities", "title", before.title)).toBe(1);
    expect(await countWhere("activities", "title", after.title)).toBe(1);
  });

  it("refuses an out-of-scope entry 403 on its own and writes the others", async () => {
    // A member organisation's cadre may record only activities her organisation co-organises.
    const women = await signedInAs(w.t.app, "member_org_cadre", w.baclieuId, "women");
    const womenBody = await bodyAt(w.t.app.db, w.baclieuId, "women");
    const outside = activity();
    const inside = activity({ organizerBodyIds: [womenBody, police] });
    const res = await batch(women, [entry("createActivity", outside), entry("createActivity", inside)]);
    expect(res.statusCode, res.body).toBe(200);
    const [out, ok] = results(res);
    expect(out).toMatchObject({ status: 403, error: { code: "forbidden" } });
    expect(ok!.status).toBe(201);
    expect(await countWhere("activities", "title", outside.title)).toBe(0);
    expect(await countWhere("activities", "title", inside.title)).toBe(1);
  });

  it("answers a unit outside the caller's area as its single route does (404, never revealed)", async () => {
    const mine = household(w.areaA);
    const theirs = household(w.areaX); // An Xuyên's area, outside Bạc Liêu's scope
    const alone = await send(w.t.app, w.baclieu, "POST", "/api/v1/households", household(w.areaX));
    const res = await batch(w.baclieu, [entry("createHousehold", theirs), entry("createHousehold", mine)]);
    const [out, ok] = results(res);
    expect(out!.status).toBe(alone.statusCode);
    expect(out!.error!.code).toBe(alone.json().error.code);
    expect(out!.status).toBe(404);
    expect(ok!.status).toBe(201);
    expect(await countWhere("households", "head_name", theirs.headName)).toBe(0);
    expect(await countWhere("households", "head_name", mine.headName)).toBe(1);
  });

  it("checks If-Match per entry: a stale edit is 412, a current one goes through", async () => {
    const created = results(await batch(w.baclieu, [entry("createActivity", activity())]))[0]!.body!;
    const params = { id: created.id };
    const res = await batch(w.baclieu, [
      entry("updateActivity", { attendees: 55 }, { params, ifMatch: 1 }),
      entry("updateActivity", { attendees: 66 }, { params, ifMatch: 1 }),
    ]);
    const [fresh, stale] = results(res);
    expect(fresh).toMatchObject({ status: 200, body: { attendees: 55, version: 2 } });
    expect(stale).toMatchObject({ status: 412, error: { code: "version_conflict" } });
  });

  it("replays an edit whose answer was lost instead of calling it a conflict", async () => {
    const [a, h] = results(
      await batch(w.baclieu, [
        entry("createActivity", activity()),
        entry("createHousehold", household(w.areaA)),
      ]),
    ).map((r) => r.body!);
    const edits = [
      entry("updateActivity", { attendees: 77 }, { params: { id: a!.id }, ifMatch: 1 }),
      entry("updateHousehold", { members: 6 }, { params: { id: h!.id }, ifMatch: 1 }),
    ];
    const first = results(await batch(w.baclieu, edits));
    expect(first.map((r) => [r.status, r.body?.version])).toEqual([
      [200, 2],
      [200, 2],
    ]);
    // The phone never saw the answers: it sends the same records, still from version 1.
    const again = results(await batch(w.baclieu, edits));
    expect(again.map((r) => [r.status, r.replayed])).toEqual([
      [200, true],
      [200, true],
    ]);
    expect(again.map((r) => r.body)).toEqual(first.map((r) => r.body));
    expect(await auditCount(w.t.app.db, "activity.updated", a!.id)).toBe(1);
    // A new edit from the old version is still a conflict.
    const stale = results(await batch(w.baclieu, [{ ...edits[1]!, clientId: randomUUID() }]));
    expect(stale[0]).toMatchObject({ status: 412, error: { code: "version_conflict" } });
  });

  it("refuses bad input with 400 validation_failed before writing anything", async () => {
    const good = () => entry("createActivity", activity());
    const cases: [unknown[], string][] = [
      [[good(), entry("deleteActivity", {}, { params: { id: randomUUID() } })], "entries.1.operation"],
      [Array.from({ length: 51 }, good), "entries"],
      [[good(), { operation: "createActivity", body: activity() }], "entries.1.clientId"],
      [[good(), entry("updateActivity", { attendees: 1 })], "entries.1.params"],
      [[good(), entry("createActivity", activity(), { params: { id: "x" } })], "entries.1.params"],
      [[good(), { ...good(), surprise: 1 }], "entries.1"],
    ];
    for (const [entries, path] of cases) {
      const count = await total();
      const res = await batch(w.baclieu, entries);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(await total()).toBe(count);
    }
    const dup = good();
    const res = await batch(w.baclieu, [dup, dup]);
    expect(res.statusCode).toBe(400);
  });

  it("needs a session (401) and the CSRF token of a cookie session", async () => {
    const body = { entries: [entry("createActivity", activity())] };
    const anon = await w.t.app.inject({ method: "POST", url: URL, payload: body });
    expect(anon.statusCode).toBe(401);
    const noCsrf = await w.t.app.inject({
      method: "POST",
      url: URL,
      headers: { cookie: w.baclieu.cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe("csrf_invalid");
  });

  it("gives a caller without the operation's permission 403 for that entry", async () => {
    const res = await batch(w.viewer, [entry("createHousehold", household(w.areaA))]);
    expect(res.statusCode).toBe(200);
    expect(results(res)[0]).toMatchObject({ status: 403, error: { code: "forbidden" } });
  });
});
