import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { signedInAs } from "../../test/factories";
import { buildSyncWorld, entry, syncFixtures, type SyncWorld } from "./test-support";

/** The batch's own rate limit, per account, counted in the database (sharedState, both engines). */
let w: SyncWorld;
const { activity, batch, countWhere } = syncFixtures(() => w);

beforeAll(async () => {
  w = await buildSyncWorld({ SYNC_BATCH_RATE_LIMIT: "3" }, { sharedState: true });
});
afterAll(() => w.t.close());

describe("syncBatch rate limit", () => {
  it("refuses an account's batches past the limit with 429 rate_limited, writing nothing", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      codes.push((await batch(w.baclieu, [entry("createActivity", activity())])).statusCode);
    }
    expect(codes).toEqual([200, 200, 200]);
    const over = activity();
    const res = await batch(w.baclieu, [entry("createActivity", over)]);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("rate_limited");
    expect(await countWhere("activities", "title", over.title)).toBe(0);

    // Counted in the database per account (not per address: a commune hall shares one).
    const rows = await queryRows<{ key: string; hits: number }>(
      w.t.app.db,
      sql`select key, hits from rate_limit_hits where key like ${"POST /api/v1/sync/batch|%"}`,
    );
    expect(rows).toEqual([{ key: `POST /api/v1/sync/batch|account:${w.baclieu.accountId}`, hits: 4 }]);

    // Another account from the same address has its own limit.
    const other = await signedInAs(w.t.app, "commune_front", w.baclieuId);
    const theirs = await batch(other, [entry("createActivity", activity())]);
    expect(theirs.statusCode, theirs.body).toBe(200);
  });
});
