import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs } from "../../test/factories";
import { citizen, places, tipBody } from "./test-support";

/** Citizen tips: the public submission, the form's answers and the status look-up. */

let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let police: Session;
let provincePolice: Session;

beforeAll(async () => {
  ctx = await createTestContext({ CITIZEN_RATE_LIMIT: "5" });
  p = await places(ctx.app);
  police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
  provincePolice = await signedInAs(ctx.app, "province_police", p.province.id);
}, 300_000);
afterAll(() => ctx?.close());

const tipCount = async () =>
  (await queryRows<{ n: number }>(ctx.app.db, sql`select count(*)::int as n from tips`))[0]!.n;

async function submit(body: object = tipBody(p.province.id, p.baclieu.id)) {
  const res = await citizen(ctx.app, "/tips", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ code: string; secret: string; receivedOn: string; routedTo: string }>();
}

async function idOf(code: string) {
  const [row] = await queryRows<{ id: string }>(ctx.app.db, sql`select id from tips where code = ${code}`);
  return row!.id;
}

describe("submitTip", () => {
  it("answers a short code and a 100-bit secret, routed to the commune police", async () => {
    const r = await submit();
    expect(r.code).toMatch(/^T[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(r.secret.replace(/-/g, "")).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(r.routedTo).toContain("Bạc Liêu");
    const [row] = await queryRows<{ hour: string; verifier: Buffer }>(
      ctx.app.db,
      sql`select to_char(received_hour, 'MI:SS.US') as hour, verifier from tips where code = ${r.code}`,
    );
    expect(row!.hour).toBe("00:00.000000");
    expect(Buffer.from(row!.verifier).toString("latin1")).not.toContain(r.secret.replace(/-/g, ""));
  });

  it("routes to the province police when the commune is unknown", async () => {
    const r = await submit(tipBody(p.province.id));
    expect(r.routedTo).toContain("Cà Mau");
    const list = await call(ctx.app, police, "GET", "/api/v1/tips");
    expect(list.json().items.map((t: { code: string }) => t.code)).not.toContain(r.code);
    const prov = await call(ctx.app, provincePolice, "GET", "/api/v1/tips?limit=500");
    expect(prov.json().items.map((t: { code: string }) => t.code)).toContain(r.code);
  });

  it("rejects bad input with 400 and writes nothing", async () => {
    const before = await tipCount();
    const short = await citizen(ctx.app, "/tips", tipBody(p.province.id, p.baclieu.id, "ngắn"));
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues).toEqual([
      { path: "description", message: "Nội dung tối thiểu 10 ký tự" },
    ]);
    const wrongPlace = await citizen(ctx.app, "/tips", {
      ...tipBody(p.province.id),
      communeId: p.province.id,
    });
    expect(wrongPlace.statusCode).toBe(400);
    expect(wrongPlace.json().error.issues[0]).toEqual({
      path: "communeId",
      message: "Xã, phường không tồn tại",
    });
    const noPlace = await citizen(ctx.app, "/tips", {
      category: "drugs",
      description: "Nội dung đủ dài để gửi",
    });
    expect(noPlace.json().error.issues[0].path).toBe("provinceId");
    const notImage = await citizen(ctx.app, "/tips", {
      ...tipBody(p.province.id),
      attachments: [{ contentBase64: Buffer.from("<script>alert(1)</script>").toString("base64") }],
    });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.issues[0].message).toBe("Chỉ nhận ảnh (JPG, PNG, WebP) hoặc PDF");
    expect(await tipCount()).toBe(before);
  });

  it("strips EXIF and GPS from an attached photo; PDFs are checked by content", async () => {
    const marker = "EXIF-MARKER-7731";
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .jpeg()
      .withExif({
        IFD0: { ImageDescription: marker, Make: "PhoneMaker" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "9/1 17/1 0/1" },
      })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const r = await submit({
      ...tipBody(p.province.id, p.baclieu.id),
      attachments: [{ contentBase64: photo.toString("base64") }, { contentBase64: pdf.toString("base64") }],
    });
    const id = await idOf(r.code);
    const detail = await call(ctx.app, police, "GET", `/api/v1/tips/${id}`);
    expect(detail.json().attachments).toEqual([
      expect.objectContaining({ n: 1, mediaType: "image/jpeg" }),
      expect.objectContaining({ n: 2, mediaType: "application/pdf" }),
    ]);
    const img = await call(ctx.app, police, "GET", `/api/v1/tips/${id}/attachments/1`);
    expect(img.statusCode).toBe(200);
    const stored = img.rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(40);
    expect(stored.toString("latin1")).not.toContain(marker);
    expect(stored.toString("latin1")).not.toContain("PhoneMaker");
  });
});

describe("the tip form's answers", () => {
  it("names every missing field at once, the province included", async () => {
    const res = await citizen(ctx.app, "/tips", { category: "drugs", description: "" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "description", message: "Nội dung tối thiểu 10 ký tự" },
      { path: "provinceId", message: "Chọn tỉnh, thành phố nơi xảy ra vụ việc" },
    ]);
  });

  it("takes the date as dd/mm/yyyy (what the form shows) and refuses an impossible one", async () => {
    const r = await submit({ ...tipBody(p.province.id, p.baclieu.id), occurredOn: "05/11/2026" });
    const seen = await call(ctx.app, police, "GET", `/api/v1/tips/${await idOf(r.code)}`);
    expect(seen.json().occurredOn).toBe("2026-11-05");
    const bad = await citizen(ctx.app, "/tips", {
      ...tipBody(p.province.id, p.baclieu.id),
      occurredOn: "31/02/2026",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { path: "occurredOn", message: "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 05/11/2026" },
    ]);
  });
});

describe("getTipStatus", () => {
  it("a wrong secret answers exactly like an unknown code, and look-ups are rate limited", async () => {
    const r = await submit();
    const addr = "192.0.2.10";
    const ok = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret }, addr);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      code: r.code,
      status: "new",
      statusLabel: "Đã tiếp nhận",
      messages: [],
    });
    const wrong = await citizen(
      ctx.app,
      "/tips/status",
      { code: r.code, secret: "AAAAA-BBBBB-CCCCC-DDDDD" },
      addr,
    );
    const unknown = await citizen(
      ctx.app,
      "/tips/status",
      { code: "T2222-2222", secret: "AAAAA-BBBBB-CCCCC-DDDDD" },
      addr,
    );
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (b: string) => ({ ...JSON.parse(b).error, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(Object.keys(wrong.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    // Limit is 5 a minute per address: the 6th and later are refused, even with the right secret.
    await citizen(ctx.app, "/tips/status", { code: r.code, secret: "AAAAA-BBBBB-CCCCC-DDDDD" }, addr);
    await citizen(ctx.app, "/tips/status", { code: r.code, secret: "AAAAA-BBBBB-CCCCC-DDDDD" }, addr);
    const limited = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret }, addr);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    // Another address is not affected.
    expect(
      (await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret }, "192.0.2.11")).statusCode,
    ).toBe(200);
  });

  it("accepts the secret typed in lower case without dashes", async () => {
    const r = await submit();
    const res = await citizen(ctx.app, "/tips/status", {
      code: r.code.toLowerCase(),
      secret: r.secret.replace(/-/g, "").toLowerCase(),
    });
    expect(res.statusCode).toBe(200);
  });
});
