import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createResidentialArea, lastAuditEvent, signedInAs } from "../../test/factories";
import { call, createTestContext, type TestContext } from "../../test/harness";
import { citizen, places, tipBody } from "../citizen/test-support";
import { vietnameseSlug } from "./slug";
import { suppressColumn } from "./statistics";

let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await places(ctx.app);
}, 300_000);
afterAll(() => ctx?.close());

const news = (extra: object = {}) => ({
  kind: "warning",
  orgUnitId: p.baclieu.id,
  title: "Cảnh báo thủ đoạn giả danh công an gọi điện lừa đảo",
  body: "Đối tượng gọi điện xưng là công an, yêu cầu chuyển tiền để “xác minh”. Công an không làm việc qua điện thoại.",
  ...extra,
});

describe("news", () => {
  it("makes Vietnamese slugs", () => {
    expect(vietnameseSlug("Đường dây đánh bạc qua mạng bị triệt phá!")).toBe(
      "duong-day-danh-bac-qua-mang-bi-triet-pha",
    );
  });

  it("Front and police publish with an image stripped of metadata; the portal lists it", async () => {
    const front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
    const img = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#246" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "SECRET-AUTHOR" } })
      .toBuffer();
    const res = await call(
      ctx.app,
      front,
      "POST",
      "/api/v1/news",
      news({ imageBase64: img.toString("base64"), imagePeople: "none" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().slug).toBe("canh-bao-thu-doan-gia-danh-cong-an-goi-dien-lua-dao");
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({ action: "news.created" });
    const police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
    const second = await call(ctx.app, police, "POST", "/api/v1/news", news());
    expect(second.json().slug).toBe("canh-bao-thu-doan-gia-danh-cong-an-goi-dien-lua-dao-2");
    const list = await call(ctx.app, null, "GET", "/api/v1/public/news?kind=warning");
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { slug: string }) => i.slug === res.json().slug);
    expect(item.imageUrl).toMatch(/^\/api\/v1\/public\/news\/.+\/image$/);
    const image = await call(ctx.app, null, "GET", item.imageUrl);
    expect((await sharp(image.rawPayload).metadata()).exif).toBeUndefined();
    expect(image.rawPayload.toString("latin1")).not.toContain("SECRET-AUTHOR");
    const page = await ctx.app.inject({ method: "GET", url: `/tin-tuc/${res.json().slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Cảnh báo thủ đoạn giả danh");
    const home = await ctx.app.inject({ method: "GET", url: "/" });
    expect(home.body).toContain(res.json().slug);
  });

  it("401 anonymous, 403 without news.write, 404 outside scope, 400 bad input", async () => {
    expect((await call(ctx.app, null, "POST", "/api/v1/news", news())).statusCode).toBe(401);
    const cadre = await signedInAs(ctx.app, "member_org_cadre", p.baclieu.id, "women");
    expect((await call(ctx.app, cadre, "POST", "/api/v1/news", news())).statusCode).toBe(403);
    const other = await signedInAs(ctx.app, "commune_front", p.anxuyen.id);
    expect((await call(ctx.app, other, "POST", "/api/v1/news", news())).statusCode).toBe(404);
    const bad = await call(
      ctx.app,
      other,
      "POST",
      "/api/v1/news",
      news({ orgUnitId: p.anxuyen.id, title: "Ngắn" }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([{ path: "title", message: "Tiêu đề tối thiểu 5 ký tự" }]);
  });

  it("public statistics suppress counts from 1 to 4", async () => {
    await citizen(ctx.app, "/tips", tipBody(p.province.id, p.baclieu.id));
    const res = await call(ctx.app, null, "GET", "/api/v1/public/statistics");
    expect(res.statusCode).toBe(200);
    const camau = res.json().provinces.find((x: { provinceId: string }) => x.provinceId === p.province.id);
    expect(camau.tips).toEqual({ value: null, display: "<5", suppressed: true });
    expect(camau.feedback).toEqual({ value: 0, display: "0", suppressed: false });
    const html = await ctx.app.inject({ method: "GET", url: "/thong-ke?lang=en" });
    expect(html.body).toContain("&lt;5");
    expect(html.body).toContain('lang="en"');
  });

  it("hide a second count when one hidden count could be worked out from the total", () => {
    const cells = suppressColumn([0, 3, 10, 50]);
    expect(cells.map((c) => c.display)).toEqual(["0", "<5", "*", "50"]);
    expect(cells[2]).toMatchObject({ value: null, suppressed: true });
    // Two small cells already protect each other; none is hidden beyond them.
    expect(suppressColumn([3, 2, 10]).map((c) => c.display)).toEqual(["<5", "<5", "10"]);
    expect(suppressColumn([7, 0, 12]).map((c) => c.display)).toEqual(["7", "0", "12"]);
  });

  it("public statistics give the year's movement figures by province, counted from the records", async () => {
    const year = new Date().getUTCFullYear();
    const area = await createResidentialArea(ctx.app.db, p.baclieu.id, "Khóm Thống kê");
    const [u] = await queryRows<{ path: string }>(
      ctx.app.db,
      sql`select path from org_units where id = ${area}`,
    );
    await ctx.app.db.execute(sql`insert into activities (org_unit_id, province_id, rollup_path, kind, date,
        topics, organizer_kinds, attendees) values
      (${area}, ${p.province.id}, ${u!.path}, 'meeting', ${`${year}-01-15`}::date, '{drugs}', '{front}', 120),
      (${area}, ${p.province.id}, ${u!.path}, 'meeting', ${`${year}-02-15`}::date, '{law}', '{police}', 30)`);
    await ctx.app.db.execute(sql`insert into households (org_unit_id, province_id, rollup_path, head_name,
        address, members, search_text) values (${area}, ${p.province.id}, ${u!.path}, 'Hộ A', 'Số 1', 3, 'ho a'),
        (${area}, ${p.province.id}, ${u!.path}, 'Hộ B', 'Số 2', 4, 'ho b')`);
    await ctx.app.db
      .execute(sql`insert into household_commitments (household_id, rollup_path, year, signed_on, form_version)
        select id, rollup_path, ${year}, ${`${year}-03-01`}::date, 'v1' from households where head_name = 'Hộ A'`);
    const res = await call(ctx.app, null, "GET", "/api/v1/public/statistics");
    expect(res.statusCode).toBe(200);
    const st = res.json();
    expect(st.year).toBe(year);
    const camau = st.provinces.find((x: { provinceId: string }) => x.provinceId === p.province.id);
    expect(camau.movement).toEqual({
      activities: 2,
      attendees: 150,
      householdsSigned: 1,
      commitmentRate: 0.5,
      groups: 0,
      areaCertificationRate: null,
    });
    expect(st.totals.movement.activities).toBe(2);
    const html = await ctx.app.inject({ method: "GET", url: "/thong-ke" });
    expect(html.body).toContain(`Kết quả phong trào năm ${year}`);
    expect(html.body).toContain("50%");
  });
});

describe("the portal pages", () => {
  const get = async (url: string) => ctx.app.inject({ method: "GET", url });

  it("share one layout: the register and the certificate check in the navigation, 113 a call link, a plain footer", async () => {
    for (const url of [
      "/",
      "/to-giac",
      "/phan-anh",
      "/tra-cuu",
      "/thong-ke",
      "/nguoi-tot-viec-tot",
      "/verify",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('href="/nguoi-tot-viec-tot"');
      expect(res.body, url).toContain('href="/verify"');
      expect(res.body, url).toContain('<a class="tel" href="tel:113">113</a>');
      expect(res.body, url).toContain("hệ thống không lưu địa chỉ IP");
      expect(res.body, url).not.toContain("AES");
    }
    const bad = await get("/verify/ABCD-EFGH-2345-6789");
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain("Không tìm thấy giấy công nhận");
    expect(bad.body).toContain('href="/nguoi-tot-viec-tot"');
    const redirect = await get("/verify?code=abcd-efgh&lang=en");
    expect(redirect.headers.location).toBe("/verify/abcd-efgh?lang=en");
  });

  it("the feedback receipt says feedback was received; the tip form asks the date as dd/mm/yyyy", async () => {
    const fb = (await get("/phan-anh")).body;
    expect(fb).toContain("Đã tiếp nhận kiến nghị, phản ánh");
    expect(fb).not.toContain("Đã tiếp nhận tin báo");
    const tip = (await get("/to-giac")).body;
    expect(tip).toContain("Đã tiếp nhận tin báo");
    expect(tip).not.toContain('type="date"');
    expect(tip).toMatch(/<input id="occurredOn"[^>]*inputmode="numeric"[^>]*placeholder="dd\/mm\/yyyy"/);
  });

  it("/thong-ke leads with figures and a chart; the table lists only provinces with figures, on demand", async () => {
    const html = (await get("/thong-ke")).body;
    expect(html).toContain('<ol class="bars"');
    const details = html.slice(html.indexOf("<details>"), html.indexOf("</details>"));
    expect(details).toContain("<summary>Xem bảng đầy đủ theo tỉnh, thành phố</summary>");
    const rows = details.slice(details.indexOf("<tbody>"), details.indexOf("</tbody>")).match(/<tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(34);
    expect(details).not.toMatch(/<td class="n">0<\/td>/);
  });
});
