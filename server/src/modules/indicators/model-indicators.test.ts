import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call } from "../../test/harness";
import { buildWorld, makeGroup, newArea, type World } from "../groups/test-support";
import { computeIndicators } from "./registry";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const post = (url: string, body: unknown) => call(w.t.app, w.baclieu, "POST", `/api/v1${url}`, body);
const get = (url: string) => call(w.t.app, w.baclieu, "GET", `/api/v1${url}`);

const CODES = [
  "groups.cameras",
  "groups.street_lights",
  "groups.gates",
  "groups.online_channels",
  "groups.online_channel_members",
  "pilots.designated",
  "pilots.evaluated",
  "pilots.replicated",
  "pilots.replications",
] as const;

describe("model equipment and pilot indicators", () => {
  it("equal the module totals of the same subtree and date, and move with new records", async () => {
    const area = await newArea(w);
    const other = await newArea(w);
    const model = await makeGroup(w, area, { typeCode: "security_camera" });
    const [ward] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${w.baclieuId}`,
    );
    const scope = { rollupPathPrefix: ward!.path, year: 2025, asOf: "2025-12-31" };
    const before = await computeIndicators(w.t.app.db, CODES, scope);

    for (const [kind, quantity] of [
      ["camera", 12],
      ["street_light", 30],
      ["gate", 2],
    ] as const) {
      const r = await post(`/groups/${model}/equipment/installations`, {
        kind,
        quantity,
        on: "2025-03-01",
        fundedBy: "community",
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    await post(`/groups/${model}/equipment/removals`, { kind: "camera", quantity: 2, on: "2025-06-01" });
    await post(`/groups/${model}/online-channels`, {
      platform: "zalo",
      name: "Zalo khu phố",
      members: 180,
      startedOn: "2025-01-01",
    });
    const pilot = await post("/pilots", {
      orgUnitId: area,
      groupId: model,
      topic: "Camera an ninh",
      decisionNumber: "20/QĐ-UBND",
      decisionIssuer: "UBND phường Bạc Liêu",
      decisionOn: "2025-02-01",
    });
    expect(pilot.statusCode, pilot.body).toBe(201);
    const id = pilot.json<{ id: string }>().id;
    await post(`/pilots/${id}/evaluations`, {
      evaluatedOn: "2025-08-01",
      result: "replicable",
      findings: "Tốt",
    });
    const rep = await post(`/pilots/${id}/replications`, { orgUnitId: other, replicatedOn: "2025-09-01" });
    expect(rep.statusCode, rep.body).toBe(200);

    const after = await computeIndicators(w.t.app.db, CODES, scope);
    const diff = Object.fromEntries(CODES.map((c) => [c, (after[c] ?? 0) - (before[c] ?? 0)]));
    expect(diff).toEqual({
      "groups.cameras": 10,
      "groups.street_lights": 30,
      "groups.gates": 2,
      "groups.online_channels": 1,
      "groups.online_channel_members": 180,
      "pilots.designated": 1,
      "pilots.evaluated": 1,
      "pilots.replicated": 1,
      "pilots.replications": 1,
    });
    const equipment = (await get(`/groups/equipment-totals?orgUnitId=${w.baclieuId}&on=2025-12-31`)).json<{
      byKind: { kind: string; count: number }[];
      channels: number;
      channelMembers: number;
    }>();
    expect(after["groups.cameras"]).toBe(equipment.byKind.find((k) => k.kind === "camera")!.count);
    expect(after["groups.online_channel_members"]).toBe(equipment.channelMembers);
    const pilots = (await get(`/pilots/totals?orgUnitId=${w.baclieuId}&on=2025-12-31`)).json<
      Record<string, number>
    >();
    expect(after["pilots.designated"]).toBe(pilots.designated);
    expect(after["pilots.replications"]).toBe(pilots.replications);
    // Before the pilot's evaluation, it counts as designated only.
    const mid = await computeIndicators(w.t.app.db, CODES, { ...scope, asOf: "2025-07-01" });
    expect((mid["pilots.evaluated"] ?? 0) - (before["pilots.evaluated"] ?? 0)).toBe(0);
    expect((mid["groups.cameras"] ?? 0) - (before["groups.cameras"] ?? 0)).toBe(10);
  });
});
