import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { citizen, places, tipBody } from "./test-support";

/** JC 01/2017 Art. 8.5: urgent tips in a remote commune get 48 hours instead of 24. */
let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let provincePolice: Session;
let provinceFront: Session;
let communePolice: Session;
let otherProvincePolice: Session;
let nationalAdmin: Session;

const BASIS = {
  remote: true,
  basisNumber: "861/QĐ-TTg",
  basisDate: "2017-06-04",
  basisText: "Quyết định của Thủ tướng Chính phủ phê duyệt danh sách xã khu vực III, khu vực II, khu vực I",
};

beforeAll(async () => {
  ctx = await createTestContext();
  p = await places(ctx.app);
  provincePolice = await signedInAs(ctx.app, "province_police", p.province.id);
  provinceFront = await signedInAs(ctx.app, "province_front", p.province.id);
  communePolice = await signedInAs(ctx.app, "commune_police", p.anxuyen.id);
  const hanoi = await unitByCode(ctx.app.db, "province", "01");
  otherProvincePolice = await signedInAs(ctx.app, "province_police", hanoi.id);
  nationalAdmin = await signedInAs(ctx.app, "system_admin", (await rootUnit(ctx.app.db)).id, "police");
}, 300_000);
afterAll(() => ctx?.close());

const rows = async () =>
  (await queryRows<{ n: number }>(ctx.app.db, sql`select count(*)::int as n from remote_communes`))[0]!.n;

/** A web tip to An Xuyên, then its transfer clock as the commune police see it (hours after receipt). */
async function transferHoursOfNewTip(): Promise<{ remote: boolean; hours: number }> {
  const sent = await citizen(ctx.app, "/tips", tipBody(p.province.id, p.anxuyen.id));
  expect(sent.statusCode, sent.body).toBe(201);
  const { code } = sent.json<{ code: string }>();
  const inbox = await call(ctx.app, communePolice, "GET", "/api/v1/tips?limit=100");
  const tip = inbox
    .json<{
      items: {
        code: string;
        remote: boolean;
        receivedHour: string;
        clocks: { kind: string; dueAt: string }[];
      }[];
    }>()
    .items.find((t) => t.code === code)!;
  const [row] = await queryRows<{ at: string }>(
    ctx.app.db,
    sql`select received_hour as at from tips where code = ${code}`,
  );
  const due = new Date(tip.clocks.find((c) => c.kind === "transfer")!.dueAt).getTime();
  return { remote: tip.remote, hours: (due - new Date(row!.at).getTime()) / 3_600_000 };
}

describe("setRemoteCommune / listRemoteCommunes", () => {
  it("a province administrator sets a commune remote with its basis: the next tip gets 48 hours, audited", async () => {
    expect(await transferHoursOfNewTip()).toEqual({ remote: false, hours: 24 });
    const res = await call(ctx.app, provincePolice, "PUT", `/api/v1/remote-communes/${p.anxuyen.id}`, BASIS);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orgUnitId: p.anxuyen.id, remote: true, basisNumber: "861/QĐ-TTg" });
    const event = await lastAuditEvent(ctx.app.db);
    expect(event).toMatchObject({ action: "remote_commune.set", entityId: p.anxuyen.id });
    expect(event!.data).toMatchObject({ basisNumber: "861/QĐ-TTg", basisDate: "2017-06-04", previous: null });
    // Takes effect at once in this process (the routing cache is dropped).
    expect(await transferHoursOfNewTip()).toEqual({ remote: true, hours: 48 });

    const list = await call(ctx.app, provinceFront, "GET", "/api/v1/remote-communes");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { orgUnitId: string }) => i.orgUnitId)).toEqual([p.anxuyen.id]);
    const all = await call(ctx.app, provincePolice, "GET", `/api/v1/remote-communes?status=all&q=bac lieu`);
    const baclieu = all.json().items.find((i: { orgUnitId: string }) => i.orgUnitId === p.baclieu.id);
    expect(baclieu).toMatchObject({ remote: false, basisNumber: null, can: { set: true } });
    const national = await call(
      ctx.app,
      nationalAdmin,
      "GET",
      `/api/v1/remote-communes?provinceId=${p.province.id}`,
    );
    expect(national.json().items).toHaveLength(1);
    const elsewhere = await call(
      ctx.app,
      otherProvincePolice,
      "GET",
      "/api/v1/remote-communes?status=all&limit=500",
    );
    expect(elsewhere.json().items.some((i: { provinceId: string }) => i.provinceId === p.province.id)).toBe(
      false,
    );
  });

  it("unset: the next tip is back to 24 hours, audited with the basis it had", async () => {
    const res = await call(ctx.app, nationalAdmin, "PUT", `/api/v1/remote-communes/${p.anxuyen.id}`, {
      remote: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ remote: false, basisNumber: null });
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({
      action: "remote_commune.unset",
      data: { basisNumber: "861/QĐ-TTg", basisDate: "2017-06-04" },
    });
    expect(await transferHoursOfNewTip()).toEqual({ remote: false, hours: 24 });
  });

  it("403 for non-administrators, 404 outside the province; nothing written", async () => {
    const before = await rows();
    const url = `/api/v1/remote-communes/${p.anxuyen.id}`;
    expect((await call(ctx.app, communePolice, "PUT", url, BASIS)).statusCode).toBe(403);
    expect((await call(ctx.app, communePolice, "GET", "/api/v1/remote-communes")).statusCode).toBe(403);
    const viewer = await signedInAs(ctx.app, "viewer", p.province.id);
    expect((await call(ctx.app, viewer, "PUT", url, BASIS)).statusCode).toBe(403);
    expect((await call(ctx.app, otherProvincePolice, "PUT", url, BASIS)).statusCode).toBe(404);
    expect(await rows()).toBe(before);
  });

  it("bad input is 400 with every missing basis field named, and writes nothing", async () => {
    const before = await rows();
    const res = await call(ctx.app, provincePolice, "PUT", `/api/v1/remote-communes/${p.anxuyen.id}`, {
      remote: true,
      basisDate: "04/06/2017",
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(expect.arrayContaining(["basisDate"]));
    const noBasis = await call(ctx.app, provincePolice, "PUT", `/api/v1/remote-communes/${p.anxuyen.id}`, {
      remote: true,
    });
    expect(noBasis.statusCode).toBe(400);
    expect(
      noBasis
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(["basisDate", "basisNumber", "basisText"]);
    const province = await call(
      ctx.app,
      provincePolice,
      "PUT",
      `/api/v1/remote-communes/${p.province.id}`,
      BASIS,
    );
    expect(province.statusCode).toBe(400);
    expect(province.json().error.issues[0].path).toBe("orgUnitId");
    expect(await rows()).toBe(before);
  });
});
