import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { call, createTestContext, type TestContext } from "../../test/harness";
import { citizen, places, tipBody } from "../tips/test-support";
import { vietnameseSlug } from "./slug";

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
      news({ imageBase64: img.toString("base64") }),
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
});
