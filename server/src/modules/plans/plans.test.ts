import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, lastAuditEvent, signedInAs, unitByCode } from "../../test/factories";

let t: TestContext;
let caMau: Session; // province Front, Cà Mau
let anxuyen: Session; // commune Front, Phường An Xuyên
let caMauId: string;
let baclieuId: string;
let bodyIds: Record<string, string>;
let wardBodies: Record<string, string>;

async function bodiesOf(unitId: string): Promise<Record<string, string>> {
  const res = await call(t.app, caMau, "GET", `/api/v1/org-units/${unitId}`);
  return Object.fromEntries(res.json().bodies.map((b: { kind: string; id: string }) => [b.kind, b.id]));
}

const year = new Date().getFullYear();

function planBody(overrides: Record<string, unknown> = {}) {
  return {
    number: `${Math.floor(Math.random() * 9000) + 100}/KH-MTTQ-CA`,
    title: "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc",
    issuedOn: `${year}-03-29`,
    orgUnitId: caMauId,
    periodFrom: year - 1,
    periodTo: year + 1,
    issuerBodyIds: [bodyIds.front, bodyIds.police],
    tasks: [
      { title: "Tham mưu, phối hợp triển khai các văn bản chỉ đạo", bodyKinds: ["front", "police"] },
      { title: "Tuyên truyền, vận động hội viên", bodyKinds: ["farmers", "women"] },
    ],
    milestones: [{ year, text: "Tổ chức kiểm tra, đánh giá các mô hình tự quản" }],
    targets: [
      { indicator: "activities.count", comparator: "gte", value: 2, year },
      {
        indicator: "activities.count",
        comparator: "gte",
        value: 1,
        year,
        bodyKind: "women",
        orgUnitId: baclieuId,
      },
      { indicator: "certification.residential_area_rate", comparator: "gte", value: 0.8, year },
      { indicator: "activities.attendees", comparator: "gte", value: 10, year: year + 1 },
    ],
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestContext();
  caMauId = (await unitByCode(t.app.db, "province", "96")).id;
  baclieuId = (await unitByCode(t.app.db, "commune", "31825")).id;
  caMau = await signedInAs(t.app, "province_front", caMauId);
  anxuyen = await signedInAs(t.app, "commune_front", (await unitByCode(t.app.db, "commune", "32002")).id);
  bodyIds = await bodiesOf(caMauId);
  wardBodies = await bodiesOf(baclieuId);
});
afterAll(() => t.close());

describe("createPlan", () => {
  it("is 401 without a session", async () => {
    expect((await call(t.app, null, "POST", "/api/v1/plans", planBody())).statusCode).toBe(401);
  });

  it("is 403 for a viewer (may read plans, not manage them)", async () => {
    const viewer = await signedInAs(t.app, "viewer", caMauId);
    expect((await call(t.app, viewer, "POST", "/api/v1/plans", planBody())).statusCode).toBe(403);
  });

  it("is 400 with exact messages for a bad number and a year outside the period", async () => {
    const res = await call(t.app, caMau, "POST", "/api/v1/plans", {
      ...planBody({ number: "KH 279" }),
      milestones: [{ year: year + 5, text: "x" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "number", message: "Số hiệu dạng số/ký hiệu, ví dụ 279/KH-MTTQ-BCA hoặc 20-CTr/TU" },
    ]);
    const years = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/plans",
      planBody({ milestones: [{ year: year + 5, text: "x" }] }),
    );
    expect(years.json().error.issues).toEqual([
      { path: "milestones.0.year", message: "Năm nằm ngoài thời kỳ của kế hoạch" },
    ]);
  });

  it("is 400 for a rate above 1 and a body split on an indicator without one", async () => {
    const res = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/plans",
      planBody({
        targets: [
          { indicator: "certification.commune_rate", comparator: "gte", value: 80, year },
          { indicator: "groups.count", comparator: "gte", value: 1, year, bodyKind: "women" },
        ],
      }),
    );
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      "targets.0.value",
      "targets.1.bodyKind",
    ]);
  });

  it("is 404 at a unit outside the caller's scope", async () => {
    const res = await call(t.app, anxuyen, "POST", "/api/v1/plans", planBody());
    expect(res.statusCode).toBe(404);
  });

  it("creates the plan with tasks, milestones and targets, audited; refuses the same number twice", async () => {
    const body = planBody();
    const res = await call(t.app, caMau, "POST", "/api/v1/plans", body);
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    expect(plan.tasks.map((x: { ordinal: number }) => x.ordinal)).toEqual([1, 2]);
    expect(plan.issuers.map((i: { kind: string }) => i.kind).sort()).toEqual(["front", "police"]);
    expect(plan.targets[1]).toMatchObject({ bodyKind: "women", orgUnitName: "Phường Bạc Liêu" });
    expect(await lastAuditEvent(t.app.db)).toMatchObject({ action: "plan.created", entityId: plan.id });
    expect((await call(t.app, caMau, "POST", "/api/v1/plans", body)).statusCode).toBe(409);
  });
});

describe("updatePlan and deletePlan", () => {
  async function newPlan() {
    const res = await call(t.app, caMau, "POST", "/api/v1/plans", planBody());
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; number: string }>();
  }
  const content = (o: Record<string, unknown> = {}) => {
    const { orgUnitId: _u, ...rest } = planBody(o);
    return rest;
  };

  it("is 401 without a session and 403 for a viewer", async () => {
    const plan = await newPlan();
    expect((await call(t.app, null, "PUT", `/api/v1/plans/${plan.id}`, content())).statusCode).toBe(401);
    expect((await call(t.app, null, "DELETE", `/api/v1/plans/${plan.id}`)).statusCode).toBe(401);
    const viewer = await signedInAs(t.app, "viewer", caMauId);
    expect((await call(t.app, viewer, "PUT", `/api/v1/plans/${plan.id}`, content())).statusCode).toBe(403);
    expect((await call(t.app, viewer, "DELETE", `/api/v1/plans/${plan.id}`)).statusCode).toBe(403);
  });

  it("is 400 for a bad period and leaves the plan as it was", async () => {
    const plan = await newPlan();
    const res = await call(
      t.app,
      caMau,
      "PUT",
      `/api/v1/plans/${plan.id}`,
      content({ periodFrom: year + 2 }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toContainEqual({
      path: "periodTo",
      message: "Năm kết thúc phải sau năm bắt đầu",
    });
    const after = (await call(t.app, caMau, "GET", `/api/v1/plans/${plan.id}`)).json();
    expect(after.number).toBe(plan.number);
    expect(after.targets).toHaveLength(4);
  });

  it("is 404 for a plan outside the caller's scope", async () => {
    const plan = await newPlan();
    expect((await call(t.app, anxuyen, "PUT", `/api/v1/plans/${plan.id}`, content())).statusCode).toBe(404);
    expect((await call(t.app, anxuyen, "DELETE", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it("replaces the content, audited with before and after; refuses another plan's number", async () => {
    const plan = await newPlan();
    const other = await newPlan();
    const body = content({
      title: "Kế hoạch đã sửa",
      tasks: [{ title: "Nhiệm vụ duy nhất", bodyKinds: ["front"] }],
      targets: [{ indicator: "activities.count", comparator: "gte", value: 5, year }],
    });
    const res = await call(t.app, caMau, "PUT", `/api/v1/plans/${plan.id}`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: "Kế hoạch đã sửa", tasks: [{ ordinal: 1 }] });
    expect(res.json().targets).toHaveLength(1);
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "plan.updated",
      entityId: plan.id,
      data: { before: { number: plan.number }, after: { title: "Kế hoạch đã sửa" }, targets: 1 },
    });
    const clash = await call(t.app, caMau, "PUT", `/api/v1/plans/${plan.id}`, {
      ...body,
      number: other.number,
    });
    expect(clash.statusCode).toBe(409);
  });

  it("deletes the plan and its parts, audited", async () => {
    const plan = await newPlan();
    const res = await call(t.app, caMau, "DELETE", `/api/v1/plans/${plan.id}`);
    expect(res.statusCode).toBe(200);
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "plan.deleted",
      entityId: plan.id,
      data: { number: plan.number },
    });
    expect((await call(t.app, caMau, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await call(t.app, caMau, "DELETE", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
  });
});

describe("getPlan and getPlanProgress", () => {
  it("computes progress from records: met, not met, no data, not started", async () => {
    const plan = (await call(t.app, caMau, "POST", "/api/v1/plans", planBody())).json();
    const areaId = await createResidentialArea(t.app.db, baclieuId);
    const activity = (organizerBodyIds: string[], attendees: number) =>
      call(t.app, caMau, "POST", "/api/v1/activities", {
        orgUnitId: areaId,
        kind: "propaganda_session",
        date: `${year}-01-15`,
        organizerBodyIds,
        topics: ["drugs"],
        attendees,
      });
    expect((await activity([wardBodies.front!], 30)).statusCode).toBe(201);
    let progress = (await call(t.app, caMau, "GET", `/api/v1/plans/${plan.id}/progress`)).json();
    expect(progress.targets.map((x: { status: string }) => x.status)).toEqual([
      "not_met",
      "not_met",
      "no_data",
      "not_started",
    ]);
    expect(progress.targets[0].actual).toBe(1);
    expect((await activity([wardBodies.women!, wardBodies.police!], 12)).statusCode).toBe(201);
    progress = (await call(t.app, caMau, "GET", `/api/v1/plans/${plan.id}/progress`)).json();
    expect(
      progress.targets.map((x: { status: string; actual: number | null }) => [x.status, x.actual]),
    ).toEqual([
      ["met", 2],
      ["met", 1],
      ["no_data", null],
      ["not_started", null],
    ]);
  });

  it("is 404 for a plan outside the caller's scope and 401 without a session", async () => {
    const plan = (await call(t.app, caMau, "POST", "/api/v1/plans", planBody())).json();
    expect((await call(t.app, anxuyen, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await call(t.app, anxuyen, "GET", `/api/v1/plans/${plan.id}/progress`)).statusCode).toBe(404);
    expect((await call(t.app, null, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(401);
    const list = (await call(t.app, caMau, "GET", `/api/v1/plans?orgUnitId=${caMauId}`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(plan.id);
  });

  it("lists the indicator registry", async () => {
    const res = await call(t.app, caMau, "GET", "/api/v1/indicators");
    expect(res.json().items.map((i: { code: string }) => i.code)).toContain(
      "households.member_commitment_rate",
    );
  });
});
