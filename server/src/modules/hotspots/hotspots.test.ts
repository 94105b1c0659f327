import { HOTSPOT_STATUSES, HOTSPOT_TRANSITIONS } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastAuditEvent } from "../../test/factories";
import { bodyAt } from "../activities/test-fixtures";
import { api, buildCaseWorld, type CaseWorld } from "../cases/test-support";
import { canMoveHotspot } from "./commands/update-hotspot-status";
import { hotspotStatistics } from "./hotspots.stats";

let w: CaseWorld;
let policeBody: string;

beforeAll(async () => {
  w = await buildCaseWorld();
  policeBody = await bodyAt(w.t.app.db, w.ward, "police");
});
afterAll(() => w.t.close());

const designate = (over: Record<string, unknown> = {}) =>
  api(w, w.as.police, "POST", "/hotspots", {
    orgUnitId: w.area,
    name: "Khu chợ đêm",
    designatedOn: "2026-03-01",
    decisionNumber: "05/QĐ-UBND",
    reasons: ["drugs", "theft"],
    tasks: [{ title: "Tuần tra ban đêm", responsibleBodyId: policeBody, dueOn: "2026-06-30" }],
    ...over,
  });

describe("hotspots", () => {
  it("designates with reasons, date and plan; audited", async () => {
    const res = await designate();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: "designated",
      reasons: ["drugs", "theft"],
      tasks: [{ title: "Tuần tra ban đêm", responsibleBodyName: expect.any(String) }],
      history: [{ from: null, to: "designated", date: "2026-03-01" }],
    });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ action: "hotspot.designated" });
  });

  it("401, 403, 400 with nothing written, 404 out of scope", async () => {
    expect((await api(w, null, "POST", "/hotspots", {})).statusCode).toBe(401);
    expect((await api(w, w.as.frontViewer, "POST", "/hotspots", {})).statusCode).toBe(403);
    const before = await lastAuditEvent(w.t.app.db);
    const bad = await designate({ reasons: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: "reasons", message: "Chọn ít nhất một lý do" });
    expect((await lastAuditEvent(w.t.app.db))!.id).toBe(before!.id);
    const other = await api(w, w.as.otherCommunePolice, "POST", "/hotspots", {
      orgUnitId: w.area,
      name: "x",
      designatedOn: "2026-03-01",
      reasons: ["drugs"],
    });
    expect(other.statusCode).toBe(404);
    const id = (await designate()).json<{ id: string }>().id;
    expect((await api(w, w.as.otherCommunePolice, "GET", `/hotspots/${id}`)).statusCode).toBe(404);
    expect((await api(w, w.as.frontViewer, "GET", `/hotspots/${id}`)).statusCode).toBe(200);
  });

  it("follows the transition table, with evidence over time", async () => {
    const id = (await designate()).json<{ id: string }>().id;
    const move = (status: string, date: string) =>
      api(w, w.as.police, "POST", `/hotspots/${id}/status`, {
        status,
        date,
        reason: "Theo kết quả đánh giá",
      });
    expect((await move("transformed", "2026-04-01")).statusCode).toBe(409);
    expect((await move("transforming", "2026-04-01")).statusCode).toBe(200);
    const ev = await api(w, w.as.police, "POST", `/hotspots/${id}/evidence`, {
      observedOn: "2026-06-01",
      summary: "Giảm 60% vụ trộm",
      incidents: 2,
    });
    expect(ev.json()).toMatchObject({ evidence: [{ summary: "Giảm 60% vụ trộm", incidents: 2 }] });
    expect((await move("transformed", "2026-03-15")).statusCode).toBe(400);
    const done = await move("transformed", "2026-09-30");
    expect(done.json()).toMatchObject({
      status: "transformed",
      history: [{ to: "designated" }, { to: "transforming" }, { to: "transformed" }],
    });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "hotspot.status_changed",
      data: { from: "transforming", to: "transformed" },
    });
    expect((await move("removed", "2026-10-01")).statusCode).toBe(409);
    const [unit] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${w.ward}`,
    );
    const path = unit!.path;
    const q3 = await hotspotStatistics(w.t.app.db, {
      rollupPathPrefix: path,
      from: "2026-07-01",
      to: "2026-09-30",
    });
    expect(q3.transformed).toBe(1);
    const q1 = await hotspotStatistics(w.t.app.db, {
      rollupPathPrefix: path,
      from: "2026-01-01",
      to: "2026-03-31",
    });
    expect(q1.designated).toBeGreaterThanOrEqual(3);
    expect(q1.openAtEnd).toBe(q1.designated);
  });

  it("transition table: legal and illegal moves", () => {
    const legal = new Set([
      "designated>transforming",
      "designated>removed",
      "transforming>transformed",
      "transforming>removed",
    ]);
    for (const from of HOTSPOT_STATUSES) {
      for (const to of HOTSPOT_STATUSES) {
        expect(canMoveHotspot(from, to), `${from}>${to}`).toBe(legal.has(`${from}>${to}`));
      }
    }
    expect(HOTSPOT_TRANSITIONS.transformed).toEqual([]);
  });
});

describe("abilities told by the server", () => {
  it("the police of the area may move it and record evidence; a reader only reads", async () => {
    const res = await designate({ name: "Khu bến xe" });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect(res.json().can).toEqual({ changeStatus: true, recordEvidence: true });
    const read = await api(w, w.as.officer, "GET", `/hotspots/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().can).toEqual({ changeStatus: false, recordEvidence: false });
    expect((await api(w, w.as.police, "GET", "/hotspots")).json().can).toEqual({ create: true });
    expect((await api(w, w.as.officer, "GET", "/hotspots")).json().can).toEqual({ create: false });
    const removed = await api(w, w.as.police, "POST", `/hotspots/${id}/status`, {
      status: "removed",
      date: "2026-04-01",
      reason: "Đã ổn định",
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().can).toEqual({ changeStatus: false, recordEvidence: false });
  });
});
