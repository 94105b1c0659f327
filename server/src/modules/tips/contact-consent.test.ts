import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { signedInAs } from "../../test/factories";
import { call, createTestContext, type TestContext } from "../../test/harness";
import { citizen, places, tipBody } from "./test-support";

// Issue 19 item 7: contact details on a tip or feedback only with an explicit consent, its version
// kept with the record, withdrawable with the consequence stated, erased at once.
let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
const text: Record<string, { id: string; version: number }> = {};

const count = async (table: "tips" | "feedback_items") =>
  (await queryRows<{ n: number }>(ctx.app.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await places(ctx.app);
  for (const r of await queryRows<{ id: string; purpose: string; version: number }>(
    ctx.app.db,
    sql`select distinct on (purpose) id, purpose, version from consent_texts order by purpose, version desc`,
  )) {
    text[r.purpose] = { id: r.id, version: r.version };
  }
}, 300_000);
afterAll(() => ctx?.close());

const contact = { name: "Nguyễn Văn Báo", phone: "0912345678" };

describe("contact details on a tip", () => {
  it("are refused without the consent box, or with another purpose's text: 400, nothing written", async () => {
    const before = await count("tips");
    const none = await citizen(ctx.app, "/tips", { ...tipBody(p.province.id, p.baclieu.id), contact });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({
      code: "validation_failed",
      issues: [{ path: "contact.consent", message: "Cần đồng ý để lưu thông tin liên hệ" }],
    });
    const unticked = await citizen(ctx.app, "/tips", {
      ...tipBody(p.province.id, p.baclieu.id),
      contact: { ...contact, consent: false },
    });
    expect(unticked.statusCode).toBe(400);
    const wrong = await citizen(ctx.app, "/tips", {
      ...tipBody(p.province.id, p.baclieu.id),
      contact: { ...contact, consent: true, consentTextId: text.feedback_contact!.id },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues).toEqual([
      {
        path: "contact.consentTextId",
        message: "Lời đồng ý không đúng phiên bản; tải lại trang và đánh dấu đồng ý lại",
      },
    ]);
    expect(await count("tips")).toBe(before);
  });

  it("keeps the version agreed to; the tipster withdraws, the contact is erased at once, the consequence stated", async () => {
    const res = await citizen(ctx.app, "/tips", {
      ...tipBody(p.province.id, p.baclieu.id),
      contact: { ...contact, consent: true, consentTextId: text.tip_contact!.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const creds = res.json<{ code: string; secret: string }>();
    const row = async () =>
      (
        await queryRows<{ id: string; consent: string | null; has: boolean; withdrawn: string | null }>(
          ctx.app.db,
          sql`select id, contact_consent_text_id as consent, contact is not null as has,
                contact_withdrawn_on::text as withdrawn from tips where code = ${creds.code}`,
        )
      )[0]!;
    expect(await row()).toMatchObject({ consent: text.tip_contact!.id, has: true, withdrawn: null });
    const indexRows = async (id: string) =>
      queryRows(
        ctx.app.db,
        sql`select 1 from citizen_contact_index where source = 'tip' and record_id = ${id}`,
      );
    expect((await indexRows((await row()).id)).length).toBeGreaterThan(0);

    const status = await citizen(ctx.app, "/tips/status", creds);
    expect(status.json().contactConsent).toMatchObject({
      state: "given",
      version: text.tip_contact!.version,
      withdrawnOn: null,
    });
    expect(status.json().contactConsent.withdrawalConsequence).toContain("không liên hệ lại");

    expect(
      (await citizen(ctx.app, "/tips/consent-withdrawal", { ...creds, secret: "AAAA-BBBB-CCCC-DDDD-EEEE" }))
        .statusCode,
    ).toBe(404);
    expect((await row()).has).toBe(true);

    const w = await citizen(ctx.app, "/tips/consent-withdrawal", creds);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().contactConsent).toMatchObject({ state: "withdrawn", withdrawnOn: todayInVietnam() });
    expect(w.json().contactConsent.withdrawalConsequence).toContain("không liên hệ lại");
    expect(w.json().messages.at(-1)).toMatchObject({ from: "citizen" });
    expect(w.json().messages.at(-1).body).toContain("rút lại sự đồng ý");
    const after = await row();
    expect(after).toMatchObject({ consent: text.tip_contact!.id, has: false, withdrawn: todayInVietnam() });
    expect(await indexRows(after.id)).toHaveLength(0);
    // The police's detail says the tipster withdrew (the day) and the contact is gone.
    const police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
    const detail = await call(ctx.app, police, "GET", `/api/v1/tips/${after.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ contact: null, contactWithdrawnOn: todayInVietnam() });

    const again = await citizen(ctx.app, "/tips/consent-withdrawal", creds);
    expect(again.statusCode).toBe(200);
    expect(again.json().messages).toHaveLength(w.json().messages.length);
  });

  it("a tip without contact details has no consent to withdraw (409)", async () => {
    const res = await citizen(ctx.app, "/tips", tipBody(p.province.id, p.baclieu.id));
    const creds = res.json<{ code: string; secret: string }>();
    expect((await citizen(ctx.app, "/tips/status", creds)).json().contactConsent).toBeNull();
    const w = await citizen(ctx.app, "/tips/consent-withdrawal", creds);
    expect(w.statusCode).toBe(409);
    expect(w.json().error.code).toBe("conflict");
  });
});

describe("contact details on feedback", () => {
  const fb = () => ({
    kind: "phan_anh",
    topic: "movement",
    title: "Đèn đường hỏng",
    content: "Đèn đường ở khóm 3 hỏng đã hai tuần.",
    provinceId: p.province.id,
    communeId: p.baclieu.id,
  });

  it("are refused without consent (400, nothing written); kept with the current version otherwise", async () => {
    const before = await count("feedback_items");
    const none = await citizen(ctx.app, "/feedback", { ...fb(), identity: { name: "Trần Thị Gửi" } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.issues[0]).toMatchObject({ path: "identity.consent" });
    const wrong = await citizen(ctx.app, "/feedback", {
      ...fb(),
      identity: { name: "Trần Thị Gửi", consent: true, consentTextId: text.tip_contact!.id },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0]).toMatchObject({ path: "identity.consentTextId" });
    expect(await count("feedback_items")).toBe(before);

    const ok = await citizen(ctx.app, "/feedback", {
      ...fb(),
      identity: { name: "Trần Thị Gửi", phone: "0987654321", consent: true },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const creds = ok.json<{ code: string; secret: string }>();
    const row = async () =>
      (
        await queryRows<{ consent: string | null; has: boolean; withdrawn: string | null }>(
          ctx.app.db,
          sql`select identity_consent_text_id as consent, identity is not null as has,
                identity_withdrawn_on::text as withdrawn from feedback_items where code = ${creds.code}`,
        )
      )[0]!;
    expect(await row()).toEqual({ consent: text.feedback_contact!.id, has: true, withdrawn: null });
    expect((await citizen(ctx.app, "/feedback/status", creds)).json().contactConsent).toMatchObject({
      state: "given",
    });

    const w = await citizen(ctx.app, "/feedback/consent-withdrawal", creds);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().contactConsent).toMatchObject({ state: "withdrawn", withdrawnOn: todayInVietnam() });
    expect(w.json().contactConsent.withdrawalConsequence).toContain("không gửi được văn bản trả lời");
    expect(await row()).toEqual({
      consent: text.feedback_contact!.id,
      has: false,
      withdrawn: todayInVietnam(),
    });
    // The Front's detail says the sender withdrew (the day) and the identity is gone.
    const front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
    const id =
      ok.json<{ id?: string }>().id ??
      (
        await queryRows<{ id: string }>(
          ctx.app.db,
          sql`select id from feedback_items where code = ${creds.code}`,
        )
      )[0]!.id;
    const detail = await call(ctx.app, front, "GET", `/api/v1/feedback/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ identity: null, identityWithdrawnOn: todayInVietnam() });
  });
});

describe("the public forms", () => {
  const get = async (url: string) => (await ctx.app.inject({ method: "GET", url })).body;

  it("show the contact fields only behind an unticked box worded by the current consent text version", async () => {
    const versions = await queryRows<{ purpose: string; textVi: string; consequence: string }>(
      ctx.app.db,
      sql`select purpose, text_vi as "textVi", withdrawal_consequence_vi as consequence from consent_texts
          where id in (${text.tip_contact!.id}::uuid, ${text.feedback_contact!.id}::uuid)`,
    );
    const esc = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    for (const [url, purpose, box, fields] of [
      ["/to-giac", "tip_contact", "contactOptIn", "contact-fields"],
      ["/phan-anh", "feedback_contact", "identityOptIn", "identity-fields"],
    ] as const) {
      const html = await get(url);
      const v = versions.find((x) => x.purpose === purpose)!;
      const input = html.match(new RegExp(`<input type="checkbox" id="${box}"[^>]*>`))![0];
      expect(input).not.toContain("checked");
      expect(html).toContain(`${input} ${esc(v.textVi)}</label>`);
      expect(html).toContain(`<input type="hidden" name="${box}Version" value="${text[purpose]!.id}">`);
      expect(html).toContain(`${T_VI_VERSION} ${text[purpose]!.version}.`);
      expect(html).toContain(esc(v.consequence));
      expect(html).toContain(`<div id="${fields}" hidden>`);
      // English: a translation, then the Vietnamese text agreed to.
      const en = await get(`${url}?lang=en`);
      expect(en).toContain(`“${esc(v.textVi)}”`);
      expect(en).toContain("Consent text version");
    }
    const lookup = await get("/tra-cuu");
    expect(lookup).toContain('id="consent-withdraw"');
    expect(lookup).toContain("Rút lại sự đồng ý và xóa thông tin liên hệ");
  });
});

const T_VI_VERSION = "Lời đồng ý phiên bản";
