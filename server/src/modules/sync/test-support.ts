// Shared set-up of the sync module's tests (not a test file itself): a commune with residential
// areas and sessions, the records a batch carries, and counts of what arrived.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { BuildAppOptions } from "../../app";
import { queryRows } from "../../db/client";
import { send } from "../../test/capture";
import { createResidentialArea, signedInAs, unitByCode } from "../../test/factories";
import { createTestContext, type Session, type TestContext } from "../../test/harness";
import { bodyAt } from "../activities/test-fixtures";

export const BATCH_URL = "/api/v1/sync/batch";

export type SyncWorld = {
  t: TestContext;
  /** Commune Front of Phường Bạc Liêu (31825). */
  baclieu: Session;
  /** Viewer at Phường Bạc Liêu: may read, not write. */
  viewer: Session;
  baclieuId: string;
  /** A residential area of Bạc Liêu, and one of An Xuyên (32002), outside Bạc Liêu's scope. */
  areaA: string;
  areaX: string;
  /** Bạc Liêu's Front and police bodies, the organisers of the test activities. */
  front: string;
  police: string;
};

export async function buildSyncWorld(
  env: Record<string, string> = {},
  appOptions: Pick<BuildAppOptions, "sharedState"> = {},
): Promise<SyncWorld> {
  const t = await createTestContext(env, appOptions);
  const db = t.app.db;
  const baclieuId = (await unitByCode(db, "commune", "31825")).id;
  const anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  return {
    t,
    baclieu: await signedInAs(t.app, "commune_front", baclieuId),
    viewer: await signedInAs(t.app, "viewer", baclieuId),
    baclieuId,
    areaA: await createResidentialArea(db, baclieuId, "Khóm 1"),
    areaX: await createResidentialArea(db, anxuyenId, "Khóm 5"),
    front: await bodyAt(db, baclieuId, "front"),
    police: await bodyAt(db, baclieuId, "police"),
  };
}

/** One entry's answer as the tests read it. */
export type Result = {
  clientId: string;
  status: number;
  replayed: boolean;
  body?: { id: string; version: number } & Record<string, unknown>;
  error?: { code: string; message: string; issues?: { path: string; message: string }[] };
};

export const results = (res: { json: <T>() => T }) => res.json<{ results: Result[] }>().results;

export const entry = (operation: string, body: unknown, extra: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  operation,
  body,
  ...extra,
});

/** The records and requests of a world, given lazily (the world is built in `beforeAll`). */
export function syncFixtures(world: () => SyncWorld) {
  let n = 0;
  const w = world;
  return {
    activity: (extra: Record<string, unknown> = {}) => ({
      orgUnitId: w().baclieuId,
      kind: "propaganda_session",
      date: "2026-03-15",
      organizerBodyIds: [w().front, w().police],
      topics: ["drugs"],
      title: `Gửi gộp ${++n}`,
      attendees: 30,
      ...extra,
    }),
    household: (orgUnitId: string) => ({
      orgUnitId,
      headName: `Lê Văn Gộp ${++n}`,
      address: `${n} Hùng Vương`,
      members: 4,
    }),
    commitment: (extra: Record<string, unknown> = {}) => ({
      year: 2026,
      signedOn: "2026-03-01",
      formVersion: "Mẫu 2026",
      ...extra,
    }),
    batch: (s: Session, entries: unknown[]) => send(w().t.app, s, "POST", BATCH_URL, { entries }),
    countWhere: async (table: "activities" | "households", column: string, value: string) =>
      (
        await queryRows<{ n: number }>(
          w().t.app.db,
          sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${value}`,
        )
      )[0]!.n,
    /** Commitments of the households whose head has this name. */
    commitmentsOf: async (headName: string) =>
      (
        await queryRows<{ n: number }>(
          w().t.app.db,
          sql`select count(*)::int as n from household_commitments c
              join households h on h.id = c.household_id where h.head_name = ${headName}`,
        )
      )[0]!.n,
    /** Every capture row and key: unchanged when nothing was written. */
    total: async () =>
      (
        await queryRows<{ n: number }>(
          w().t.app.db,
          sql`select ((select count(*) from activities) + (select count(*) from households)
                    + (select count(*) from household_commitments)
                    + (select count(*) from idempotency_keys))::int as n`,
        )
      )[0]!.n,
  };
}
