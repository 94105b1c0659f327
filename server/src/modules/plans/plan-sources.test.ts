import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, signedInAs, unitByCode } from "../../test/factories";

let t: TestContext;
let caMau: Session; // province Front, Cà Mau
let anxuyen: Session; // commune Front, Phường An Xuyên (inside Cà Mau)
let hanoi: Session; // province Front of another province
let caMauId: string;
let baclieuId: string;
let bodies: Record<string, string> = {};
let ct09: string; // Chỉ thị 09-CT/TW
let ctr20: string; // Chương trình 20-CTr/TU

const TITLE =
  "Tăng cường sự lãnh đạo của Đảng đối với công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới";

function source(overrides: Record<string, unknown> = {}) {
  return {
    kind: "chi_thi",
    number: "09-CT/TW",
    issuedOn: "2011-12-01",
    issuer: "Ban Bí thư (khóa XI)",
    title: TITLE,
    level: "central",
    orgUnitId: caMauId,
    ...overrides,
  };
}

function plan(overrides: Record<string, unknown> = {}) {
  return {
    number: "20-CTr/TU",
    kind: "plan",
    title: TITLE,
    issuedOn: "2012-12-28",
    orgUnitId: baclieuId,
    periodFrom: 2013,
    periodTo: 2017,
    issuerBodyIds: [bodies.front],
    sourceIds: [ct09],
    targets: [{ indicator: "activities.count", comparator: "gte", value: 1, year: 2016 }],
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestContext();
  caMauId = (await unitByCode(t.app.db, "province", "96")).id;
  baclieuId = (await unitByCode(t.app.db, "commune", "31825")).id;
  caMau = await signedInAs(t.app, "province_front", caMauId);
  anxuyen = await signedInAs(t.app, "commune_front", (await unitByCode(t.app.db, "commune", "32002")).id);
  hanoi = await signedInAs(t.app, "province_front", (await unitByCode(t.app.db, "province", "01")).id);
  const res = await call(t.app, caMau, "GET", `/api/v1/org-units/${caMauId}`);
  bodies = Object.fromEntries(res.json().bodies.map((b: { kind: string; id: string }) => [b.kind, b.id]));
});
afterAll(() => t.close());

describe("source documents (directives, programmes)", () => {
  it("registers a directive and a programme implementing it, audited", async () => {
    const a = await call(t.app, caMau, "POST", "/api/v1/plan-sources", source());
    expect(a.statusCode).toBe(201);
    ct09 = a.json().id;
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "plan.source_registered",
      entityId: ct09,
      data: { kind: "chi_thi", number: "09-CT/TW", issuer: "Ban Bí thư (khóa XI)" },
    });
    const b = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/plan-sources",
      source({
        kind: "chuong_trinh",
        number: "20-CTr/TU",
        issuedOn: "2012-12-28",
        issuer: "Ban Thường vụ Thành ủy Bạc Liêu",
        level: "district",
        implementsId: ct09,
        orgUnitId: baclieuId,
      }),
    );
    expect(b.statusCode).toBe(201);
    ctr20 = b.json().id;
    expect(b.json()).toMatchObject({ number: "20-CTr/TU", implements: { id: ct09, number: "09-CT/TW" } });
  });

  it("refuses a garbage number, a duplicate, and a programme dated before its directive", async () => {
    const bad = await call(t.app, caMau, "POST", "/api/v1/plan-sources", source({ number: "CT 09" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("number");
    expect((await call(t.app, caMau, "POST", "/api/v1/plan-sources", source())).statusCode).toBe(409);
    const early = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/plan-sources",
      source({ kind: "chuong_trinh", number: "19-CTr/TU", issuedOn: "2011-01-01", implementsId: ct09 }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues[0].path).toBe("issuedOn");
  });

  it("is read by the units below and above the registering unit, not by another province", async () => {
    // Registered at the province: a commune inside reads it.
    const below = await call(t.app, anxuyen, "GET", "/api/v1/plan-sources?q=09-CT");
    expect(below.json().items.map((s: { id: string }) => s.id)).toEqual([ct09]);
    // Registered at the ward: the province above reads it.
    const above = await call(t.app, caMau, "GET", "/api/v1/plan-sources?kind=chuong_trinh");
    expect(above.json().items.map((s: { id: string }) => s.id)).toContain(ctr20);
    expect((await call(t.app, hanoi, "GET", `/api/v1/plan-sources/${ct09}`)).statusCode).toBe(404);
    expect((await call(t.app, hanoi, "GET", "/api/v1/plan-sources")).json().items).toEqual([]);
  });
});

describe("plans implementing a source, and their reviews", () => {
  let planId: string;

  it("a plan numbered 20-CTr/TU implements Chỉ thị 09-CT/TW", async () => {
    const res = await call(t.app, caMau, "POST", "/api/v1/plans", plan());
    expect(res.statusCode).toBe(201);
    planId = res.json().id;
    expect(res.json()).toMatchObject({
      number: "20-CTr/TU",
      kind: "plan",
      sources: [{ id: ct09, number: "09-CT/TW", issuer: "Ban Bí thư (khóa XI)", kind: "chi_thi" }],
      reviews: [],
    });
    const list = await call(t.app, caMau, "GET", `/api/v1/plans?sourceId=${ct09}`);
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([planId]);
    const src = await call(t.app, caMau, "GET", `/api/v1/plan-sources/${ct09}`);
    expect(src.json().planCount).toBe(1);
  });

  it("refuses a source the caller cannot read", async () => {
    const other = await call(
      t.app,
      hanoi,
      "POST",
      "/api/v1/plan-sources",
      source({
        number: "01-138",
        kind: "de_an",
        orgUnitId: (await unitByCode(t.app.db, "province", "01")).id,
      }),
    );
    expect(other.statusCode).toBe(201);
    const res = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/plans",
      plan({ number: "21-CTr/TU", sourceIds: [other.json().id] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("sourceIds.0");
  });

  it("records the five-year review against the directive with the figures of that day", async () => {
    const tooEarly = await call(t.app, caMau, "POST", `/api/v1/plans/${planId}/reviews`, {
      kind: "ten_year",
      year: 2017,
      reviewedOn: "2017-05-29",
      sourceId: ct09,
      findings: "Qua 10 năm…",
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.issues[0].path).toBe("year");
    const notLinked = await call(t.app, caMau, "POST", `/api/v1/plans/${planId}/reviews`, {
      kind: "five_year",
      year: 2017,
      reviewedOn: "2017-05-29",
      sourceId: ctr20,
      findings: "Qua 05 năm…",
    });
    expect(notLinked.statusCode).toBe(400);
    expect(notLinked.json().error.issues[0].path).toBe("sourceId");
    const body = {
      kind: "five_year",
      year: 2017,
      reviewedOn: "2017-05-29",
      sourceId: ct09,
      findings: "Qua 05 năm triển khai thực hiện, phong trào có nhiều chuyển biến tích cực.",
    };
    const res = await call(t.app, caMau, "POST", `/api/v1/plans/${planId}/reviews`, body);
    expect(res.statusCode).toBe(201);
    const [review] = res.json().reviews;
    expect(review).toMatchObject({
      kind: "five_year",
      year: 2017,
      reviewedOn: "2017-05-29",
      source: { id: ct09 },
    });
    expect(review.figures).toHaveLength(1);
    expect(review.figures[0]).toMatchObject({ indicator: "activities.count", year: 2016 });
    expect(["met", "not_met", "no_data"]).toContain(review.figures[0].status);
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "plan.reviewed",
      entityId: planId,
      data: { number: "20-CTr/TU", kind: "five_year", year: 2017, sourceNumber: "09-CT/TW" },
    });
    expect((await call(t.app, caMau, "POST", `/api/v1/plans/${planId}/reviews`, body)).statusCode).toBe(409);
    // A commune Front outside the plan's ward cannot review it.
    const foreign = await call(t.app, anxuyen, "POST", `/api/v1/plans/${planId}/reviews`, {
      ...body,
      year: 2016,
    });
    expect([403, 404]).toContain(foreign.statusCode);
  });

  it("an update replaces the plan's sources", async () => {
    const res = await call(t.app, caMau, "PUT", `/api/v1/plans/${planId}`, {
      ...plan({ sourceIds: [] }),
      orgUnitId: undefined,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sources).toEqual([]);
    expect(res.json().reviews).toHaveLength(1);
  });
});

describe("coordination programmes between the police and a member organisation", () => {
  const programme = (issuerBodyIds: (string | undefined)[], number = "05/CTr-CA-HND") => ({
    number,
    kind: "coordination_programme",
    title: "Chương trình phối hợp giữa Công an tỉnh và Hội Nông dân tỉnh về bảo đảm an ninh, trật tự",
    issuedOn: "2024-02-15",
    orgUnitId: caMauId,
    periodFrom: 2024,
    periodTo: 2026,
    issuerBodyIds,
  });

  it("is signed by the police and one organisation, and reviewed every year", async () => {
    const res = await call(t.app, caMau, "POST", "/api/v1/plans", programme([bodies.police, bodies.farmers]));
    expect(res.statusCode).toBe(201);
    expect(res.json().kind).toBe("coordination_programme");
    expect(
      res
        .json()
        .issuers.map((b: { kind: string }) => b.kind)
        .sort(),
    ).toEqual(["farmers", "police"]);
    const id = res.json().id;
    const list = await call(t.app, caMau, "GET", "/api/v1/plans?kind=coordination_programme");
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    for (const year of [2024, 2025]) {
      const r = await call(t.app, caMau, "POST", `/api/v1/plans/${id}/reviews`, {
        kind: "yearly",
        year,
        reviewedOn: `${year}-12-20`,
        findings: `Năm ${year}, hai bên phối hợp tuyên truyền tại các ấp.`,
      });
      expect(r.statusCode).toBe(201);
    }
    const outside = await call(t.app, caMau, "POST", `/api/v1/plans/${id}/reviews`, {
      kind: "yearly",
      year: 2023,
      reviewedOn: "2024-03-01",
      findings: "…",
    });
    expect(outside.statusCode).toBe(400);
    const got = await call(t.app, caMau, "GET", `/api/v1/plans/${id}`);
    expect(got.json().reviews.map((r: { year: number }) => r.year)).toEqual([2024, 2025]);
  });

  it("refuses a programme without the police, or with three signing bodies", async () => {
    const noPolice = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/plans",
      programme([bodies.front, bodies.farmers], "06/CTr-MTTQ-HND"),
    );
    expect(noPolice.statusCode).toBe(400);
    expect(noPolice.json().error.issues[0].path).toBe("issuerBodyIds");
    const three = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/plans",
      programme([bodies.police, bodies.farmers, bodies.women], "07/CTr-CA-HND-HLHPN"),
    );
    expect(three.statusCode).toBe(400);
  });
});
