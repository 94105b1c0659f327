import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { auditCount, lockPeriod, newKey, send } from "../../test/capture";
import { call } from "../../test/harness";
import { addMember, buildWorld, makeGroup, newArea, type World } from "./test-support";

/** The grassroots team's duty and patrol log: CRUD, roster rule, scope, idempotency and versions. */
let w: World;
let team: string;
let model: string;
let areaId: string;
let ann: string; // on the roster from 2024
let binh: string; // joined 2026-03-01
let cuong: string; // left 2026-02-01
const url = (g = team) => `/api/v1/groups/${g}/duty-logs`;

const member = async (fullName: string, joinedOn: string) => {
  const res = await addMember(w, team, { fullName, birthDate: "1980-05-05", joinedOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const logsOf = async (groupId: string) =>
  (
    await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int as n from group_duty_logs where group_id = ${groupId}`,
    )
  )[0]!.n;

beforeAll(async () => {
  w = await buildWorld();
  const area = await newArea(w);
  areaId = area;
  team = await makeGroup(w, area, { typeCode: "grassroots_security_team", foundedOn: "2024-07-01" });
  model = await makeGroup(w, area);
  ann = await member("Nguyễn Văn An", "2024-07-01");
  binh = await member("Trần Văn Bình", "2026-03-01");
  cuong = await member("Lê Văn Cường", "2024-07-01");
  const left = await call(w.t.app, w.baclieu, "POST", `/api/v1/groups/${team}/members/${cuong}/leave`, {
    leftOn: "2026-02-01",
  });
  expect(left.statusCode, left.body).toBe(200);
});
afterAll(() => w.t.close());

describe("duty logs", () => {
  it("records a duty day with its members and incidents, audited, and lists it", async () => {
    const res = await send(w.t.app, w.baclieu, "POST", url(), {
      date: "2026-01-10",
      memberIds: [ann, cuong],
      incidents: 1,
      incidentNote: "Tranh chấp nhỏ ở chợ, đã hòa giải",
    });
    expect(res.statusCode, res.body).toBe(201);
    const log = res.json<{ id: string }>();
    expect(log).toMatchObject({
      groupId: team,
      date: "2026-01-10",
      memberIds: [ann, cuong].sort(),
      incidents: 1,
      notes: null,
      version: 1,
      can: { edit: true },
    });
    expect(await auditCount(w.t.app.db, "group.duty_logged", team)).toBeGreaterThanOrEqual(1);
    const list = await call(w.t.app, w.viewer, "GET", url());
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((l: { id: string }) => l.id)).toContain(log.id);
    expect(list.json().can).toEqual({ create: false });
    expect(list.json().items[0].can).toEqual({ edit: false });
  });

  it("takes only members on the roster that day, a past day, and teams only", async () => {
    const bad = await send(w.t.app, w.baclieu, "POST", url(), {
      date: "2026-02-15",
      memberIds: [ann, binh, cuong],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      "memberIds.1",
      "memberIds.2",
    ]);
    const future = await send(w.t.app, w.baclieu, "POST", url(), { date: "2999-01-01", memberIds: [ann] });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.issues[0]).toMatchObject({
      path: "date",
      message: "Ngày trực không được ở tương lai",
    });
    const modelLog = await send(w.t.app, w.baclieu, "POST", url(model), {
      date: "2026-01-10",
      memberIds: [ann],
    });
    expect(modelLog.statusCode).toBe(409);
    expect(await logsOf(model)).toBe(0);
  });

  it("is scoped: another commune gets 404 and a viewer 403", async () => {
    expect((await call(w.t.app, w.anxuyen, "GET", url())).statusCode).toBe(404);
    const other = await send(w.t.app, w.anxuyen, "POST", url(), { date: "2026-01-11", memberIds: [ann] });
    expect(other.statusCode).toBe(404);
    expect(
      (await send(w.t.app, w.viewer, "POST", url(), { date: "2026-01-11", memberIds: [ann] })).statusCode,
    ).toBe(403);
    expect((await call(w.t.app, null, "GET", url())).statusCode).toBe(401);
  });

  it("stores an entry resent with its key once, however many times and at once", async () => {
    const before = await logsOf(team);
    const key = newKey();
    const body = { date: "2026-03-05", memberIds: [ann, binh], incidents: 0 };
    const answers = await Promise.all(
      [1, 2, 3].map(() => send(w.t.app, w.baclieu, "POST", url(), body, key)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const again = await send(w.t.app, w.baclieu, "POST", url(), body, key);
    expect([again.body, again.headers["idempotency-replayed"]]).toEqual([answers[0]!.body, "true"]);
    expect(await logsOf(team)).toBe(before + 1);
  });

  it("edits at the current version, refuses a stale one (412) and changes nothing", async () => {
    const created = await send(w.t.app, w.baclieu, "POST", url(), { date: "2026-03-06", memberIds: [ann] });
    const id = created.json<{ id: string }>().id;
    const ok = await send(
      w.t.app,
      w.baclieu,
      "PATCH",
      `${url()}/${id}`,
      { memberIds: [ann, binh], incidents: 2 },
      { "if-match": "1" },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ memberIds: [ann, binh].sort(), incidents: 2, version: 2 });
    const stale = await send(
      w.t.app,
      w.baclieu,
      "PATCH",
      `${url()}/${id}`,
      { incidents: 5 },
      { "if-match": "1" },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe("version_conflict");
    const [row] = await queryRows<{ incidents: number; version: number }>(
      w.t.app.db,
      sql`select incidents, version from group_duty_logs where id = ${id}`,
    );
    expect(row).toEqual({ incidents: 2, version: 2 });
    expect(await auditCount(w.t.app.db, "group.duty_log_updated", team)).toBe(1);
    // Moving the day before Bình joined makes him off the roster that day.
    const moved = await send(
      w.t.app,
      w.baclieu,
      "PATCH",
      `${url()}/${id}`,
      { date: "2026-02-20" },
      { "if-match": "2" },
    );
    expect(moved.statusCode).toBe(400);
    expect((await call(w.t.app, w.anxuyen, "PATCH", `${url()}/${id}`, { incidents: 1 })).statusCode).toBe(
      404,
    );
  });

  it("refuses an entry dated in a locked period with the lock's message", async () => {
    const area = await newArea(w, w.anxuyenId);
    const theirs = await makeGroup(
      w,
      area,
      { typeCode: "crime_prevention_team", foundedOn: "2024-01-01" },
      w.anxuyen,
    );
    const m = await call(w.t.app, w.anxuyen, "POST", `/api/v1/groups/${theirs}/members`, {
      fullName: "Phan Văn Dũng",
      joinedOn: "2024-01-01",
    });
    expect(m.statusCode, m.body).toBe(201);
    await lockPeriod(w.t.app.db, w.anxuyenId, "2026-04-01", "2026-04-30");
    const res = await send(
      w.t.app,
      w.anxuyen,
      "POST",
      url(theirs),
      { date: "2026-04-10", memberIds: [m.json().id] },
      newKey(),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("period_locked");
    expect(await logsOf(theirs)).toBe(0);
  });
});

describe("roster capture offline", () => {
  const rosterUrl = () => `/api/v1/groups/${team}/members`;
  const named = async (fullName: string) =>
    (
      await call(w.t.app, w.baclieu, "GET", `${rosterUrl()}?name=${encodeURIComponent(fullName)}&limit=50`)
    ).json<{
      items: unknown[];
    }>().items.length;

  it("adds a member resent with its key once; a leave with a stale version is 412", async () => {
    const key = newKey();
    const body = { fullName: "Võ Thị Em", birthDate: "1990-01-01", joinedOn: "2025-01-01" };
    const answers = await Promise.all(
      [1, 2].map(() => send(w.t.app, w.baclieu, "POST", rosterUrl(), body, key)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    expect(answers[0]!.body).toBe(answers[1]!.body);
    expect(await named("Võ Thị Em")).toBe(1);
    const id = answers[0]!.json<{ id: string; version: number }>().id;
    expect(answers[0]!.json<{ version: number }>().version).toBe(1);
    const leave = `${rosterUrl()}/${id}/leave`;
    const stale = await send(
      w.t.app,
      w.baclieu,
      "POST",
      leave,
      { leftOn: "2026-01-01" },
      { "if-match": "2" },
    );
    expect(stale.statusCode).toBe(412);
    const leaveKey = newKey();
    const ok = await send(
      w.t.app,
      w.baclieu,
      "POST",
      leave,
      { leftOn: "2026-01-01" },
      { ...leaveKey, "if-match": "1" },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ leftOn: "2026-01-01", version: 2 });
    const again = await send(
      w.t.app,
      w.baclieu,
      "POST",
      leave,
      { leftOn: "2026-01-01" },
      { ...leaveKey, "if-match": "1" },
    );
    expect([again.statusCode, again.body, again.headers["idempotency-replayed"]]).toEqual([
      200,
      ok.body,
      "true",
    ]);
  });
});

describe("listGroupRosters", () => {
  it("answers the area's teams and models with their members active on the day, in one read", async () => {
    const res = await call(
      w.t.app,
      w.viewer,
      "GET",
      `/api/v1/groups/rosters?orgUnitId=${areaId}&activeOn=2026-02-15`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      items: { id: string; members: { id: string }[]; can: { manage: boolean } }[];
      truncated: boolean;
    }>();
    expect(body.items.map((g) => g.id).sort()).toEqual([team, model].sort());
    const t = body.items.find((g) => g.id === team)!;
    // Bình joined on 01/03, Cường left on 01/02; Em (added in 2025) left on 01/01/2026.
    expect(t.members.map((m) => m.id)).toEqual([ann]);
    expect(t.can.manage).toBe(false);
    expect(body.truncated).toBe(false);
    const today = await call(w.t.app, w.baclieu, "GET", `/api/v1/groups/rosters?orgUnitId=${areaId}`);
    const members = today
      .json()
      .items.find((g: { id: string }) => g.id === team)
      .members.map((m: { id: string }) => m.id);
    expect(members.sort()).toEqual([ann, binh].sort());
    expect(
      (await call(w.t.app, w.anxuyen, "GET", `/api/v1/groups/rosters?orgUnitId=${areaId}`)).statusCode,
    ).toBe(404);
  });
});
