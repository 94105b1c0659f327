import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { call, type Session } from "../../test/harness";
import { buildWorld, type World } from "../groups/test-support";
import { mediaFigures } from "./media.queries";
import { recountMediaFigures } from "./test-support";

let w: World;
let province: Session; // the province Front over both wards
let women: Session; // the Women's Union cadre of Phường Bạc Liêu
let far: Session; // a commune Front cadre in another province
let provincePath: string;
const body: Record<string, string> = {}; // body kind → body id at Phường Bạc Liêu
let anxuyenFront: string;

const api = (
  s: Session | null,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: unknown,
) => call(w.t.app, s, method, `/api/v1${url}`, payload);

const bodiesAt = (unitId: string) =>
  queryRows<{ id: string; kind: string }>(
    w.t.app.db,
    sql`select id, kind from bodies where org_unit_id = ${unitId}`,
  );

beforeAll(async () => {
  w = await buildWorld();
  const [u] = await queryRows<{ provinceId: string; path: string }>(
    w.t.app.db,
    sql`select p.id as "provinceId", p.path from org_units c join org_units p on p.id = c.province_id
        where c.id = ${w.baclieuId}`,
  );
  provincePath = u!.path;
  province = await signedInAs(w.t.app, "province_front", u!.provinceId);
  women = await signedInAs(w.t.app, "member_org_cadre", w.baclieuId, "women");
  const [other] = await queryRows<{ id: string }>(
    w.t.app.db,
    sql`select id from org_units where kind = 'commune' and valid_to is null
        and path not like ${`${provincePath}%`} order by code limit 1`,
  );
  far = await signedInAs(w.t.app, "commune_front", other!.id);
  for (const b of await bodiesAt(w.baclieuId)) body[b.kind] = b.id;
  anxuyenFront = (await bodiesAt(w.anxuyenId)).find((b) => b.kind === "front")!.id;
});
afterAll(() => w.t.close());

const partnership = (extra: Record<string, unknown> = {}) => ({
  orgUnitId: w.baclieuId,
  ownerBodyId: body.front,
  partnerName: "Báo Cà Mau (demo)",
  partnerKind: "print",
  agreementNumber: "05/CTPH-MTTQ-BCM",
  agreementDate: "2025-01-10",
  periodFrom: "2025-01-01",
  periodTo: "2026-12-31",
  ...extra,
});
const item = (extra: Record<string, unknown> = {}) => ({
  publishedOn: "2025-08-19",
  title: "Phường Bạc Liêu sôi nổi Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
  kind: "article",
  link: "https://baocamau.vn/bai-viet-1",
  topic: "law",
  ...extra,
});

describe("media partnerships", () => {
  let id: string;

  it("records a partnership and items under it, each write audited; reads it back with abilities", async () => {
    const res = await api(w.baclieu, "POST", "/media-partnerships", partnership());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ ownerBodyKind: "front", items: 0, version: 1, can: { edit: true } });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "media.partnership_created",
      entityId: id,
      data: { ownerBodyId: body.front, partnerKind: "print", periodTo: "2026-12-31" },
    });

    const added = await api(w.baclieu, "POST", `/media-partnerships/${id}/items`, item());
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().itemList).toHaveLength(1);
    const itemId = added.json().itemList[0].id;
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "media.item_added",
      data: { itemId, kind: "article", topic: "law" },
    });
    await api(
      w.baclieu,
      "POST",
      `/media-partnerships/${id}/items`,
      item({ kind: "report", link: undefined }),
    );
    const extra = await api(
      w.baclieu,
      "POST",
      `/media-partnerships/${id}/items`,
      item({ publishedOn: "2026-03-26" }),
    );
    expect(extra.json().items).toBe(3);

    const removed = await api(w.baclieu, "DELETE", `/media-partnerships/${id}/items/${itemId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().items).toBe(2);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "media.item_removed",
      data: { itemId, publishedOn: "2025-08-19" },
    });

    const list = await api(province, "GET", `/media-partnerships?orgUnitId=${w.baclieuId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id);
    expect(list.json().can).toEqual({ create: true });
    const ro = await api(w.viewer, "GET", `/media-partnerships/${id}`);
    expect(ro.statusCode).toBe(200);
    expect(ro.json().can).toEqual({ edit: false, addItem: false });
  });

  it("edits with If-Match: a stale version is 412 and changes nothing; the edit is audited", async () => {
    const patch = (version: string, payload: unknown) =>
      w.t.app.inject({
        method: "PATCH",
        url: `/api/v1/media-partnerships/${id}`,
        headers: { cookie: w.baclieu.cookie, "x-csrf-token": w.baclieu.csrf, "if-match": version },
        payload: payload as object,
      });
    const ok = await patch("1", {
      partnerName: "Báo Cà Mau điện tử (demo)",
      partnerKind: "online",
      notes: "",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ partnerKind: "online", version: 2 });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "media.partnership_updated",
      data: { before: { partnerKind: "print" }, after: { partnerKind: "online" } },
    });
    const stale = await patch("1", { partnerKind: "radio_tv" });
    expect(stale.statusCode).toBe(412);
    const after = await api(w.baclieu, "GET", `/media-partnerships/${id}`);
    expect(after.json()).toMatchObject({ partnerKind: "online", version: 2 });
  });

  it("refuses bad input with 400 validation_failed and writes nothing", async () => {
    const [{ n: before }] = (await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select (select count(*) from media_partnerships) + (select count(*) from media_items) as n`,
    )) as [{ n: number }];
    const bad: [string, unknown, string][] = [
      ["/media-partnerships", partnership({ partnerName: "  " }), "partnerName"],
      ["/media-partnerships", partnership({ partnerKind: "tabloid" }), "partnerKind"],
      ["/media-partnerships", partnership({ periodTo: "2024-12-31" }), "periodTo"],
      ["/media-partnerships", partnership({ ownerBodyId: anxuyenFront }), "ownerBodyId"],
      [`/media-partnerships/${id}/items`, item({ link: "javascript:alert(1)" }), "link"],
      [`/media-partnerships/${id}/items`, item({ link: "ftp://baocamau.vn/x" }), "link"],
      [`/media-partnerships/${id}/items`, item({ topic: "gossip" }), "topic"],
      [`/media-partnerships/${id}/items`, item({ publishedOn: "2024-06-01" }), "publishedOn"],
      [`/media-partnerships/${id}/items`, item({ title: "" }), "title"],
    ];
    for (const [url, payload, path] of bad) {
      const res = await api(w.baclieu, "POST", url, payload);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(JSON.stringify(res.json().error.issues)).toContain(path);
    }
    const [{ n: after }] = (await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select (select count(*) from media_partnerships) + (select count(*) from media_items) as n`,
    )) as [{ n: number }];
    expect(Number(after)).toBe(Number(before));
  });

  it("keeps other provinces and other bodies out", async () => {
    expect((await api(far, "GET", `/media-partnerships/${id}`)).statusCode).toBe(404);
    expect((await api(far, "POST", `/media-partnerships/${id}/items`, item())).statusCode).toBe(404);
    const list = await api(far, "GET", "/media-partnerships");
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await api(far, "POST", "/media-partnerships", partnership())).statusCode).toBe(404);
    // Another ward of the same province: not its unit.
    expect((await api(w.anxuyen, "GET", `/media-partnerships/${id}`)).statusCode).toBe(404);
    // A Women's Union cadre records its own union's partnerships, not the Front's.
    expect((await api(women, "POST", `/media-partnerships/${id}/items`, item())).statusCode).toBe(403);
    const own = await api(women, "POST", "/media-partnerships", partnership({ ownerBodyId: body.women }));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().can).toEqual({ edit: true, addItem: true });
    expect((await api(women, "POST", "/media-partnerships", partnership())).statusCode).toBe(403);
    // A viewer reads but may not write.
    expect((await api(w.viewer, "POST", `/media-partnerships/${id}/items`, item())).statusCode).toBe(403);
  });

  it("counts items per year and partnerships active in the year, up the tree, as a recount finds", async () => {
    const p2 = await api(province, "POST", "/media-partnerships", {
      ...partnership({ ownerBodyId: undefined, periodFrom: "2026-01-01", periodTo: "2026-12-31" }),
      orgUnitId: w.anxuyenId,
      ownerBodyId: anxuyenFront,
      partnerName: "Đài PT-TH Cà Mau (demo)",
      partnerKind: "radio_tv",
    });
    expect(p2.statusCode, p2.body).toBe(201);
    for (const d of ["2026-02-03", "2026-05-19"]) {
      await api(
        province,
        "POST",
        `/media-partnerships/${p2.json().id}/items`,
        item({ publishedOn: d, kind: "news" }),
      );
    }
    const [ward] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${w.baclieuId}`,
    );
    for (const prefix of [provincePath, ward!.path]) {
      for (const year of [2025, 2026]) {
        const figures = await mediaFigures(w.t.app.db, {
          rollupPathPrefix: prefix,
          from: `${year}-01-01`,
          to: `${year}-12-31`,
        });
        expect(figures, `${prefix} ${year}`).toEqual(await recountMediaFigures(w.t.app.db, prefix, year));
      }
    }
    expect(
      await mediaFigures(w.t.app.db, {
        rollupPathPrefix: provincePath,
        from: "2026-01-01",
        to: "2026-12-31",
      }),
    ).toEqual({
      items: 3,
      partnerships: 3,
    });
  });
});
