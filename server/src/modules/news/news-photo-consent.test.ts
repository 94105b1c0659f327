import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { places } from "../citizen/test-support";

// Issue 19 item 7: a news photo showing people rests on their consent — asked, never assumed; the
// photo consent text's version kept with it; withdrawn, the photo is erased at once, audited.
let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let front: Session;
let otherFront: Session;
let img: string;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await places(ctx.app);
  front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
  otherFront = await signedInAs(ctx.app, "commune_front", p.anxuyen.id);
  img = (
    await sharp({ create: { width: 32, height: 24, channels: 3, background: "#642" } })
      .jpeg()
      .toBuffer()
  ).toString("base64");
}, 300_000);
afterAll(() => ctx?.close());

const news = (title: string, extra: object = {}) => ({
  kind: "news",
  orgUnitId: p.baclieu.id,
  title,
  body: "Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở khóm 3 có hơn ba trăm người dự.",
  ...extra,
});
const count = async () =>
  (await queryRows<{ n: number }>(ctx.app.db, sql`select count(*)::int as n from news_items`))[0]!.n;

describe("news photos of people", () => {
  it("a photo needs the answer whether it shows people (400, nothing written)", async () => {
    const before = await count();
    const res = await call(
      ctx.app,
      front,
      "POST",
      "/api/v1/news",
      news("Ngày hội khóm 3", { imageBase64: img }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "imagePeople", message: "Cho biết ảnh có người hay không và người trong ảnh đã đồng ý chưa" },
    ]);
    expect(await count()).toBe(before);
  });

  it("keeps the photo consent text's version; the withdrawal erases the photo at once, audited", async () => {
    const res = await call(
      ctx.app,
      front,
      "POST",
      "/api/v1/news",
      news("Ngày hội khóm 4", { imageBase64: img, imagePeople: "consented" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id, slug } = res.json<{ id: string; slug: string }>();
    const row = async () =>
      (
        await queryRows<{ people: string; consent: string | null; has: boolean; withdrawn: string | null }>(
          ctx.app.db,
          sql`select n.image_people as people, n.image is not null as has, n.image_withdrawn_on::text as withdrawn,
                (select t.purpose || ':' || t.version from consent_texts t where t.id = n.image_consent_text_id) as consent
              from news_items n where n.id = ${id}`,
        )
      )[0]!;
    const [current] = await queryRows<{ v: number }>(
      ctx.app.db,
      sql`select max(version)::int as v from consent_texts where purpose = 'photo'`,
    );
    expect(await row()).toEqual({
      people: "consented",
      consent: `photo:${current!.v}`,
      has: true,
      withdrawn: null,
    });
    const listed = async () =>
      (await call(ctx.app, null, "GET", `/api/v1/public/news/${slug}`)).json<{
        imageUrl: string | null;
        imagePeople: string | null;
        imageWithdrawnOn: string | null;
      }>();
    expect(await listed()).toMatchObject({ imagePeople: "consented", imageWithdrawnOn: null });
    expect((await listed()).imageUrl).not.toBeNull();

    const url = `/api/v1/news/${id}/image-consent-withdrawal`;
    expect((await call(ctx.app, otherFront, "POST", url)).statusCode).toBe(404);
    expect((await row()).has).toBe(true);
    const w = await call(ctx.app, front, "POST", url);
    expect(w.statusCode, w.body).toBe(200);
    expect(await row()).toMatchObject({ has: false, withdrawn: todayInVietnam() });
    expect(await listed()).toMatchObject({ imageUrl: null, imageWithdrawnOn: todayInVietnam() });
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({
      action: "news.image_consent_withdrawn",
      actorId: front.accountId,
      data: { slug, title: "Ngày hội khóm 4" },
    });
    expect((await call(ctx.app, front, "POST", url)).statusCode).toBe(409);
  });

  it("a photo without people is not consent-based: nothing to withdraw (409)", async () => {
    const res = await call(
      ctx.app,
      front,
      "POST",
      "/api/v1/news",
      news("Ngày hội khóm 5", { imageBase64: img, imagePeople: "none" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const w = await call(ctx.app, front, "POST", `/api/v1/news/${res.json().id}/image-consent-withdrawal`);
    expect(w.statusCode).toBe(409);
  });
});
