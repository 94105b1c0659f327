import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "./test-fixtures";

let t: TestContext;
let baclieu: Session; // commune Front, Phường Bạc Liêu (31825)
let anxuyen: Session; // commune Front, Phường An Xuyên (32002)
let women: Session; // Women's Union cadre, Phường Bạc Liêu
let viewer: Session;
let baclieuId: string;
let front: string;
let police: string;

const URL = "/api/v1/activities";
type Trainee = { fullName: string; position?: string; organisation?: string };

async function activity(kind: string, date: string, extra: object = {}): Promise<string> {
  const res = await call(t.app, baclieu, "POST", URL, {
    orgUnitId: baclieuId,
    kind,
    date,
    organizerBodyIds: [front, police],
    topics: ["drugs"],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const roster = (n: number): Trainee[] =>
  Array.from({ length: n }, (_, i) => ({
    fullName: `Nguyễn Văn ${String.fromCharCode(65 + i)}`,
    position: "Tổ trưởng tổ bảo vệ ANTT",
    organisation: `Khóm ${i + 1}`,
  }));

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  const anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  front = await bodyAt(db, baclieuId, "front");
  police = await bodyAt(db, baclieuId, "police");
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  women = await signedInAs(t.app, "member_org_cadre", baclieuId, "women");
  viewer = await signedInAs(t.app, "viewer", baclieuId);
});
afterAll(() => t.close());

describe("training rosters and levels", () => {
  let training: string;
  let second: string;

  it("records a level, a form and the roster; the log keeps the count, not the names", async () => {
    training = await activity("training", "2026-04-10", { attendees: 3 });
    const res = await call(t.app, baclieu, "PUT", `${URL}/${training}/training`, {
      level: "commune",
      form: "tap_huan",
      trainees: roster(3),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ level: "commune", form: "tap_huan", can: { edit: true } });
    expect(res.json().trainees).toEqual(
      roster(3).map((r) => ({ fullName: r.fullName, position: r.position, organisation: r.organisation })),
    );
    const ev = await lastAuditEvent(t.app.db);
    expect(ev).toMatchObject({ action: "activity.training_recorded", entityId: training });
    expect(ev!.data).toEqual({ level: "commune", form: "tap_huan", trainees: 3 });
    expect(JSON.stringify(ev!.data)).not.toContain("Nguyễn");

    // Replacing the roster keeps only the new list.
    const again = await call(t.app, baclieu, "PUT", `${URL}/${training}/training`, {
      level: "commune",
      form: "boi_duong",
      trainees: [{ fullName: "Trần Thị Mai" }],
    });
    expect(again.json().trainees).toEqual([{ fullName: "Trần Thị Mai", position: null, organisation: null }]);
  });

  it("refuses in the error shape: bad input, another kind, outside the scope, a viewer, another body", async () => {
    const bad = await call(t.app, baclieu, "PUT", `${URL}/${training}/training`, {
      level: "hamlet",
      form: "tap_huan",
      trainees: [{ fullName: " " }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      "level",
      "trainees.0.fullName",
    ]);
    const meeting = await activity("meeting", "2026-04-11");
    const notTraining = await call(t.app, baclieu, "PUT", `${URL}/${meeting}/training`, {
      level: "commune",
      form: "tap_huan",
    });
    expect(notTraining.statusCode).toBe(409);
    expect(notTraining.json().error.code).toBe("conflict");
    expect((await call(t.app, anxuyen, "GET", `${URL}/${training}/training`)).statusCode).toBe(404);
    expect(
      (
        await call(t.app, viewer, "PUT", `${URL}/${training}/training`, {
          level: "commune",
          form: "tap_huan",
        })
      ).statusCode,
    ).toBe(403);
    // The Women's Union did not co-organise it: it may read the roster, not change it.
    expect((await call(t.app, women, "GET", `${URL}/${training}/training`)).json().can.edit).toBe(false);
    const other = await call(t.app, women, "PUT", `${URL}/${training}/training`, {
      level: "commune",
      form: "tap_huan",
    });
    expect(other.statusCode).toBe(403);
  });

  it("counts trainees by level, equal to a recount of the rosters", async () => {
    second = await activity("training", "2026-05-20");
    const put = await call(t.app, baclieu, "PUT", `${URL}/${second}/training`, {
      level: "province",
      form: "boi_duong",
      trainees: roster(4),
    });
    expect(put.statusCode, put.body).toBe(200);
    await activity("training", "2026-06-01"); // no roster yet: counted under "not recorded"
    const res = await call(
      t.app,
      baclieu,
      "GET",
      `${URL}/training-totals?orgUnitId=${baclieuId}&from=2026-01-01&to=2026-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const totals = res.json();
    const rosters = await Promise.all(
      [training, second].map(async (id) =>
        (await call(t.app, baclieu, "GET", `${URL}/${id}/training`)).json(),
      ),
    );
    const recount = (level: string) =>
      rosters.filter((r) => r.level === level).reduce((n, r) => n + r.trainees.length, 0);
    expect(totals.trainings).toBe(3);
    expect(totals.trainees).toBe(rosters.reduce((n, r) => n + r.trainees.length, 0));
    expect(totals.byLevel).toContainEqual({ level: "commune", trainings: 1, trainees: recount("commune") });
    expect(totals.byLevel).toContainEqual({ level: "province", trainings: 1, trainees: recount("province") });
    expect(totals.byLevel).toContainEqual({ level: null, trainings: 1, trainees: 0 });
    const ind = await call(
      t.app,
      baclieu,
      "GET",
      `/api/v1/indicators/query?indicators=trainings.trainees&orgUnitId=${baclieuId}&from=2026-01-01&to=2026-12-31`,
    );
    expect(ind.statusCode, ind.body).toBe(200);
    expect(ind.json().totals).toEqual({ "trainings.trainees": totals.trainees });
    const bad = await call(
      t.app,
      baclieu,
      "GET",
      `${URL}/training-totals?orgUnitId=${baclieuId}&from=2026-12-31&to=2026-01-01`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("querystring.to");
  });

  it("takes the new topics and channels and filters by channel", async () => {
    const id = await activity("propaganda_session", "2026-07-02", {
      topics: ["online_fraud", "hostile_propaganda", "hiv_aids"],
      channels: ["zalo_group", "newspaper"],
    });
    const got = await call(t.app, baclieu, "GET", `${URL}/${id}`);
    expect(got.json()).toMatchObject({
      topics: ["online_fraud", "hostile_propaganda", "hiv_aids"],
      channels: ["zalo_group", "newspaper"],
    });
    const list = await call(t.app, baclieu, "GET", `${URL}?orgUnitId=${baclieuId}&channel=zalo_group`);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([id]);
    const edit = await call(t.app, baclieu, "PATCH", `${URL}/${id}`, { channels: ["radio"] });
    expect(edit.json().channels).toEqual(["radio"]);
    expect((await lastAuditEvent(t.app.db))!.data).toEqual({
      before: { channels: ["zalo_group", "newspaper"] },
      after: { channels: ["radio"] },
    });
    const bad = await call(t.app, baclieu, "PATCH", `${URL}/${id}`, { channels: ["pigeon", "radio"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([{ path: "channels.0", message: "Kênh không hợp lệ" }]);
    const dup = await call(t.app, baclieu, "PATCH", `${URL}/${id}`, { channels: ["radio", "radio"] });
    expect(dup.json().error.issues).toEqual([{ path: "channels.1", message: "Kênh bị lặp" }]);
    // Totals by channel read the records: this activity alone.
    const totals = await call(
      t.app,
      baclieu,
      "GET",
      `${URL}/totals?orgUnitId=${baclieuId}&from=2026-01-01&to=2026-12-31&channel=radio`,
    );
    expect(totals.statusCode, totals.body).toBe(200);
    expect(totals.json().totals.activities).toBe(1);
    const byTopic = await call(t.app, baclieu, "GET", `${URL}?orgUnitId=${baclieuId}&topic=prostitution`);
    expect(byTopic.json().items).toEqual([]);
  });
});
