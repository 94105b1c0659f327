import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { call, type Session } from "../../test/harness";
import { buildWorld, makeGroup, newArea, type World } from "../groups/test-support";

let w: World;
let province: Session; // the province Front over both wards
let area: string; // a residential area of Phường Bạc Liêu
let area2: string; // another one there
let farArea: string; // a residential area of Phường An Xuyên
let model: string;

const api = (s: Session | null, method: "GET" | "POST", url: string, body?: unknown) =>
  call(w.t.app, s, method, `/api/v1${url}`, body);

beforeAll(async () => {
  w = await buildWorld();
  const [u] = await queryRows<{ provinceId: string }>(
    w.t.app.db,
    sql`select province_id as "provinceId" from org_units where id = ${w.baclieuId}`,
  );
  province = await signedInAs(w.t.app, "province_front", u!.provinceId);
  area = await newArea(w);
  area2 = await newArea(w);
  farArea = await newArea(w, w.anxuyenId);
  model = await makeGroup(w, area, {
    typeCode: "crime_drug_free_area",
    name: "Khu dân cư phòng, chống tội phạm và ma túy khóm 1",
  });
});
afterAll(() => w.t.close());

const decision = {
  topic: "Khu dân cư phòng, chống tội phạm và ma túy",
  decisionNumber: "15/QĐ-MTTQ",
  decisionIssuer: "Ban Thường trực Ủy ban MTTQ Việt Nam phường Bạc Liêu",
  decisionOn: "2024-03-01",
};
const designate = (body: Record<string, unknown>, s: Session = w.baclieu) =>
  api(s, "POST", "/pilots", { orgUnitId: area, ...decision, ...body });

async function recount(prefix: string, on: string) {
  const [r] = await queryRows<Record<string, number>>(
    w.t.app.db,
    sql`select
          (select count(*) from pilots p where p.rollup_path like ${`${prefix}%`} and p.decision_on <= ${on}::date)::int as designated,
          (select count(distinct e.pilot_id) from pilot_evaluations e join pilots p on p.id = e.pilot_id
            where p.rollup_path like ${`${prefix}%`} and p.decision_on <= ${on}::date and e.evaluated_on <= ${on}::date)::int as evaluated,
          (select count(distinct r.pilot_id) from pilot_replications r join pilots p on p.id = r.pilot_id
            where p.rollup_path like ${`${prefix}%`} and p.decision_on <= ${on}::date and r.replicated_on <= ${on}::date)::int as replicated,
          (select count(*) from pilot_replications r join pilots p on p.id = r.pilot_id
            where p.rollup_path like ${`${prefix}%`} and p.decision_on <= ${on}::date and r.replicated_on <= ${on}::date)::int as replications`,
  );
  return r!;
}

describe("pilots", () => {
  let pilot: string;

  it("designates a model as a pilot by decision, evaluates it and records its replication; each audited", async () => {
    const res = await designate({ groupId: model });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      stage: "designated",
      typeCode: "crime_drug_free_area",
      groupId: model,
      can: { manage: true },
    });
    pilot = p.id;
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "pilot.designated",
      entityId: pilot,
      data: { decisionNumber: "15/QĐ-MTTQ", groupId: model },
    });

    // Not yet found ready: replication is refused.
    const early = await api(w.baclieu, "POST", `/pilots/${pilot}/replications`, {
      orgUnitId: area2,
      replicatedOn: "2024-10-01",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("conflict");

    const ev = await api(w.baclieu, "POST", `/pilots/${pilot}/evaluations`, {
      evaluatedOn: "2024-09-15",
      result: "replicable",
      findings: "Giảm 2 vụ trộm cắp; nhân dân cung cấp 12 nguồn tin",
    });
    expect(ev.statusCode, ev.body).toBe(200);
    expect(ev.json()).toMatchObject({ stage: "evaluated", latestResult: "replicable" });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ action: "pilot.evaluated" });

    // Before the evaluation date it was not yet ready either.
    const beforeReady = await api(w.baclieu, "POST", `/pilots/${pilot}/replications`, {
      orgUnitId: area2,
      replicatedOn: "2024-09-01",
    });
    expect(beforeReady.statusCode).toBe(409);

    const rep = await api(w.baclieu, "POST", `/pilots/${pilot}/replications`, {
      orgUnitId: area2,
      replicatedOn: "2024-10-01",
    });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json()).toMatchObject({ stage: "replicated", replications: 1 });
    expect(rep.json().replicationList[0]).toMatchObject({ orgUnitId: area2, replicatedOn: "2024-10-01" });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "pilot.replicated",
      data: { orgUnitId: area2 },
    });
    const twice = await api(w.baclieu, "POST", `/pilots/${pilot}/replications`, {
      orgUnitId: area2,
      replicatedOn: "2024-11-01",
    });
    expect(twice.statusCode).toBe(409);

    // The ward cannot record a replication in another ward; the province can.
    const outside = await api(w.baclieu, "POST", `/pilots/${pilot}/replications`, {
      orgUnitId: farArea,
      replicatedOn: "2024-11-01",
    });
    expect(outside.statusCode).toBe(404);
    const byProvince = await api(province, "POST", `/pilots/${pilot}/replications`, {
      orgUnitId: farArea,
      replicatedOn: "2024-11-01",
    });
    expect(byProvince.statusCode, byProvince.body).toBe(200);
    expect(byProvince.json().replications).toBe(2);
  });

  it("refuses bad input in the error shape before writing anything", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    const noNumber = await designate({ decisionNumber: "abc" });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().error.issues[0].path).toBe("decisionNumber");
    const ward = await designate({ orgUnitId: w.baclieuId, typeCode: "grassroots_security_team" });
    expect(ward.statusCode).toBe(400);
    expect(ward.json().error.issues).toEqual([
      { path: "typeCode", message: "Loại mô hình không có trong danh mục" },
    ]);
    const wrongUnit = await designate({ orgUnitId: area2, groupId: model });
    expect(wrongUnit.json().error.issues).toEqual([
      { path: "groupId", message: "Mô hình không thuộc đơn vị được chọn làm điểm" },
    ]);
    const future = await designate({ decisionOn: "2999-01-01" });
    expect(future.json().error.issues).toEqual([
      { path: "decisionOn", message: "Ngày quyết định không được ở tương lai" },
    ]);
    const province1 = await designate({}, province);
    expect(province1.statusCode).toBe(201); // a province designates in its wards
    const provinceUnit = await api(province, "POST", "/pilots", {
      ...decision,
      orgUnitId: (
        await queryRows<{ id: string }>(
          w.t.app.db,
          sql`select province_id as id from org_units where id = ${w.baclieuId}`,
        )
      )[0]!.id,
    });
    expect(provinceUnit.statusCode).toBe(400);
    expect(provinceUnit.json().error.issues[0].path).toBe("orgUnitId");
    const ev = await api(w.baclieu, "POST", `/pilots/${province1.json().id}/evaluations`, {
      evaluatedOn: "2024-01-01",
      result: "replicable",
      findings: "X",
    });
    expect(ev.json().error.issues).toEqual([
      { path: "evaluatedOn", message: "Ngày đánh giá trước ngày quyết định chọn điểm" },
    ]);
    const last = await lastAuditEvent(w.t.app.db);
    expect(last?.action).toBe("pilot.designated"); // only the province's valid designation
    expect(last?.id).toBe((before?.id ?? 0) + 1);
  });

  it("is 401, 403 and 404 by session, role and scope", async () => {
    expect((await api(null, "GET", "/pilots")).statusCode).toBe(401);
    expect((await designate({}, w.viewer)).statusCode).toBe(403);
    expect((await api(w.anxuyen, "GET", `/pilots/${pilot}`)).statusCode).toBe(404);
    expect((await designate({}, w.anxuyen)).statusCode).toBe(404);
    const theirs = await api(w.anxuyen, "GET", "/pilots");
    expect(theirs.json().items).toEqual([]);
    const viewer = await api(w.viewer, "GET", `/pilots/${pilot}`);
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json().can.manage).toBe(false);
  });

  it("lists by stage and counts totals that match a recount from the records", async () => {
    const replicated = await api(w.baclieu, "GET", `/pilots?stage=replicated&orgUnitId=${w.baclieuId}`);
    expect(replicated.json().items.map((p: { id: string }) => p.id)).toEqual([pilot]);
    const designated = await api(w.baclieu, "GET", "/pilots?stage=designated");
    expect(designated.json().items.length).toBe(1);
    const [commune] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${w.baclieuId}`,
    );
    for (const on of ["2024-02-01", "2024-03-01", "2024-09-15", "2024-10-15", "2024-12-01"]) {
      const t = await api(w.baclieu, "GET", `/pilots/totals?orgUnitId=${w.baclieuId}&on=${on}`);
      expect(t.statusCode, t.body).toBe(200);
      const r = await recount(commune!.path, on);
      expect(t.json(), on).toMatchObject(r);
    }
    expect((await api(w.baclieu, "GET", "/pilots/totals?on=2024-12-01")).json()).toMatchObject({
      designated: 2,
      evaluated: 1,
      replicable: 1,
      replicated: 1,
      replications: 2,
    });
    expect((await api(w.anxuyen, "GET", "/pilots/totals?on=2024-12-01")).json().designated).toBe(0);
  });
});
