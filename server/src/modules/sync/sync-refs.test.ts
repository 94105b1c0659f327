import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCount } from "../../test/capture";
import { buildSyncWorld, entry, results, syncFixtures, type SyncWorld } from "./test-support";

/**
 * A new household and its yearly commitment in one batch: the commitment names the household by its
 * client id (`refs`) and the server fills in the id the household's answer carries (decision 0015).
 */
let w: SyncWorld;
const { household, commitment, batch, countWhere, commitmentsOf, total } = syncFixtures(() => w);

beforeAll(async () => {
  w = await buildSyncWorld();
});
afterAll(() => w.t.close());

/** A household and its commitment as the phone queues them: the commitment after it, by ref. */
function pair(h = household(w.areaA), c = commitment()) {
  const hh = entry("createHousehold", h);
  const cm = entry("recordCommitment", c, { refs: { id: hh.clientId } });
  return { h, hh, cm };
}

describe("syncBatch with a household and its commitment", () => {
  it("writes both in order, the commitment on the household the batch just created", async () => {
    const { h, hh, cm } = pair();
    const res = await batch(w.baclieu, [hh, cm]);
    expect(res.statusCode, res.body).toBe(200);
    const [rh, rc] = results(res);
    expect(rh).toMatchObject({ clientId: hh.clientId, status: 201, replayed: false });
    expect(rc).toMatchObject({ clientId: cm.clientId, status: 201, replayed: false });
    expect(rc!.body).toMatchObject({ householdId: rh!.body!.id, year: 2026 });
    expect(await countWhere("households", "head_name", h.headName)).toBe(1);
    expect(await commitmentsOf(h.headName)).toBe(1);
  });

  it("stores a resent batch once and answers it the same", async () => {
    const { h, hh, cm } = pair();
    const first = results(await batch(w.baclieu, [hh, cm]));
    const again = results(await batch(w.baclieu, [hh, cm]));
    expect(again.map((r) => [r.status, r.replayed])).toEqual([
      [201, true],
      [201, true],
    ]);
    expect(again.map((r) => r.body)).toEqual(first.map((r) => r.body));
    expect(await countWhere("households", "head_name", h.headName)).toBe(1);
    expect(await commitmentsOf(h.headName)).toBe(1);
    expect(await auditCount(w.t.app.db, "household.created", first[0]!.body!.id)).toBe(1);
  });

  it("does not apply the commitment of a refused household, reports it, and takes both once fixed", async () => {
    const bad = { ...household(w.areaA), members: -2 };
    const { hh, cm } = pair(bad);
    const count = await total();
    const res = await batch(w.baclieu, [hh, cm]);
    expect(res.statusCode, res.body).toBe(200);
    const [rh, rc] = results(res);
    expect(rh).toMatchObject({ status: 400, error: { code: "validation_failed" } });
    expect(rh!.error!.issues!.map((i) => i.path)).toEqual(["members"]);
    expect(rc).toMatchObject({ status: 409, replayed: false, error: { code: "reference_missing" } });
    expect(rc!.error!.issues!.map((i) => i.path)).toEqual(["refs.id"]);
    expect(rc!.body).toBeUndefined();
    expect(await total()).toBe(count); // nothing written, neither key spent

    // The cadre fixes the household; both go again with the same client ids.
    const fixed = results(await batch(w.baclieu, [{ ...hh, body: { ...bad, members: 3 } }, cm]));
    expect(fixed.map((r) => [r.status, r.replayed])).toEqual([
      [201, false],
      [201, false],
    ]);
    expect(await commitmentsOf(bad.headName)).toBe(1);
  });

  it("does not apply the commitment of a household outside the caller's area (404)", async () => {
    const { h, hh, cm } = pair(household(w.areaX));
    const [rh, rc] = results(await batch(w.baclieu, [hh, cm]));
    expect(rh!.status).toBe(404);
    expect(rc).toMatchObject({ status: 409, error: { code: "reference_missing" } });
    expect(await countWhere("households", "head_name", h.headName)).toBe(0);
  });

  it("shows a refused commitment's own issues and keeps the household; the commitment goes later alone", async () => {
    const { h, hh, cm } = pair(household(w.areaA), commitment({ signedOn: "2026-02-30" }));
    const [rh, rc] = results(await batch(w.baclieu, [hh, cm]));
    expect(rh!.status).toBe(201);
    expect(rc).toMatchObject({ status: 400, error: { code: "validation_failed" } });
    expect(rc!.error!.issues!.map((i) => i.path)).toEqual(["signedOn"]);
    expect(await commitmentsOf(h.headName)).toBe(0);
    // Fixed on the phone, which now knows the household's id: the same client id, a plain param.
    const later = results(
      await batch(w.baclieu, [{ ...cm, refs: {}, params: { id: rh!.body!.id }, body: commitment() }]),
    );
    expect(later[0]).toMatchObject({ status: 201, replayed: false });
    expect(await commitmentsOf(h.headName)).toBe(1);
  });

  it("refuses a ref to no earlier entry of the batch, or a parameter given twice, before writing", async () => {
    const { hh, cm } = pair();
    const cases: [unknown[], string][] = [
      [[cm, hh], "entries.0.refs.id"],
      [[hh, { ...cm, refs: { id: randomUUID() } }], "entries.1.refs.id"],
      [[hh, { ...cm, params: { id: randomUUID() } }], "entries.1.refs"],
      [[hh, { ...cm, refs: { id: hh.clientId, memberId: hh.clientId } }], "entries.1.params"],
    ];
    for (const [entries, path] of cases) {
      const count = await total();
      const res = await batch(w.baclieu, entries);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(await total()).toBe(count);
    }
  });
});
