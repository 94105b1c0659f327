import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";

// What a caller may do with plans comes from the server (`can`), never guessed from the role.
let t: TestContext;
let caMau: Session; // province Front: manages plans in Cà Mau
let reader: Session; // province viewer: reads them
let ward: Session; // ward Front: manages plans of Phường Bạc Liêu only
let planId: string;

const year = new Date().getFullYear();

beforeAll(async () => {
  t = await createTestContext();
  const caMauId = (await unitByCode(t.app.db, "province", "96")).id;
  const baclieuId = (await unitByCode(t.app.db, "commune", "31825")).id;
  caMau = await signedInAs(t.app, "province_front", caMauId);
  reader = await signedInAs(t.app, "viewer", caMauId);
  ward = await signedInAs(t.app, "commune_front", baclieuId);
  const bodies = (await call(t.app, caMau, "GET", `/api/v1/org-units/${caMauId}`)).json().bodies as {
    kind: string;
    id: string;
  }[];
  const res = await call(t.app, caMau, "POST", "/api/v1/plans", {
    number: "12/KH-MTTQ-CA",
    title: "Kế hoạch phối hợp xây dựng phong trào",
    issuedOn: `${year}-02-10`,
    orgUnitId: caMauId,
    periodFrom: year,
    periodTo: year,
    issuerBodyIds: bodies.filter((b) => b.kind === "front").map((b) => b.id),
    tasks: [{ title: "Tuyên truyền, vận động", bodyKinds: ["front"] }],
    milestones: [],
    targets: [],
  });
  expect(res.statusCode, res.body).toBe(201);
  planId = res.json().id;
  expect(res.json().can).toEqual({ update: true, delete: true, review: true });
});
afterAll(() => t.close());

describe("plan abilities", () => {
  it("a plan's `can`: all for the Front managing its unit, none for a reader", async () => {
    const own = await call(t.app, caMau, "GET", `/api/v1/plans/${planId}`);
    expect(own.json().can).toEqual({ update: true, delete: true, review: true });
    const read = await call(t.app, reader, "GET", `/api/v1/plans/${planId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().can).toEqual({ update: false, delete: false, review: false });
    // What `can` says is what the commands accept.
    const put = await call(t.app, reader, "DELETE", `/api/v1/plans/${planId}`);
    expect(put.statusCode).toBe(403);
  });

  it("the list's `can.create`: true for a Front cadre, false for a reader", async () => {
    const front = await call(t.app, ward, "GET", "/api/v1/plans");
    expect(front.statusCode, front.body).toBe(200);
    expect(front.json().can).toEqual({ create: true });
    const list = await call(t.app, reader, "GET", "/api/v1/plans");
    expect(list.json().can).toEqual({ create: false });
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(planId);
  });
});
