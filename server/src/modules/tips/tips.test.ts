import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { citizen, places, tipBody } from "./test-support";

let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let police: Session;
let provincePolice: Session;
let otherPolice: Session;
let front: Session;

beforeAll(async () => {
  ctx = await createTestContext({ CITIZEN_RATE_LIMIT: "5" });
  p = await places(ctx.app);
  police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
  provincePolice = await signedInAs(ctx.app, "province_police", p.province.id);
  otherPolice = await signedInAs(ctx.app, "commune_police", p.anxuyen.id);
  front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
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

describe("police workflow", () => {
  it("triage, message, citizen reply and outcome; each police write audited", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    const triage = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "urgent" });
    expect(triage.statusCode, triage.body).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({ action: "tip.triaged", entityId: id });
    const msg = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/messages`, {
      body: "Công an phường đã tiếp nhận. Anh/chị có thể cho biết thêm giờ giao dịch không?",
    });
    expect(msg.statusCode).toBe(200);
    const audit = await lastAuditEvent(ctx.app.db);
    expect(audit).toMatchObject({ action: "tip.message_sent" });
    expect(JSON.stringify(audit!.data)).not.toContain("giao dịch");
    const seen = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(seen.json().messages).toEqual([
      expect.objectContaining({ from: "police", body: expect.stringContaining("giờ giao dịch") }),
    ]);
    expect(seen.json().messages[0].sentHour).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}$/);
    const reply = await citizen(ctx.app, "/tips/reply", {
      code: r.code,
      secret: r.secret,
      body: "Khoảng 21 giờ hằng đêm",
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().messages.map((m: { from: string }) => m.from)).toEqual(["police", "citizen"]);
    const detail = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(detail.awaitingReply).toBe(true);
    expect(detail.clocks.find((c: { kind: string }) => c.kind === "receipt_notice").met).toBe(true);
    expect(detail.description).toBe("Có người bán ma túy ở đầu hẻm 12");
    // The investigation agency (provincial police) decides, not the commune police.
    const out = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "case_opened",
      casesSolved: 1,
      arrests: 2,
      note: "Đã bắt quả tang",
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({ action: "tip.outcome_recorded" });
    const status = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(status.json().status).toBe("case_opened");
    const again = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "not_a_crime",
    });
    expect(again.statusCode).toBe(409);
  });

  it("follows the outcome transition table: the commune transfers, the agency decides", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    // The limit has run out, so a suspension is possible (CPC Art. 148.1).
    await queryRows(
      ctx.app.db,
      sql`update tips set received_hour = now() - interval '21 days' where id = ${id}`,
    );
    const steps: [Session, object, number][] = [
      [police, { outcome: "transferred" }, 200],
      [police, { outcome: "transferred" }, 409],
      [provincePolice, { outcome: "suspended", ground: "expert_pending" }, 200],
      [provincePolice, { outcome: "no_case", ground: "not_a_crime" }, 409],
      [provincePolice, { outcome: "case_opened" }, 409],
    ];
    for (const [who, body, code] of steps) {
      const res = await call(ctx.app, who, "POST", `/api/v1/tips/${id}/outcome`, body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(code);
    }
    expect(
      (await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/resumption`, {})).statusCode,
    ).toBe(200);
    const done = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "not_a_crime",
    });
    expect(done.statusCode, done.body).toBe(200);
  });

  it("records no decision nobody made: outcome and urgency must be chosen", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    const outcome = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/outcome`, { casesSolved: 1 });
    expect(outcome.statusCode).toBe(400);
    expect(outcome.json().error.issues).toEqual([{ path: "outcome", message: "Chọn kết quả giải quyết" }]);
    const triage = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, {
      duplicateOfCode: null,
    });
    expect(triage.statusCode).toBe(400);
    expect(triage.json().error.issues).toEqual([
      { path: "urgency", message: "Chọn mức độ: khẩn hoặc thường" },
    ]);
    expect((await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json()).toMatchObject({
      status: "new",
      urgency: null,
      outcome: null,
    });
  });

  it("links a duplicate and extends the decision limit once at a time", async () => {
    const a = await submit();
    const b = await submit();
    const id = await idOf(b.code);
    const dup = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, {
      urgency: "normal",
      duplicateOfCode: a.code,
    });
    expect(dup.statusCode).toBe(200);
    const bad = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 2 });
    expect(bad.statusCode).toBe(400);
    // Commune police do not extend: the head of the investigation agency does (CPC Art. 147.2).
    expect(
      (await call(ctx.app, police, "POST", `/api/v1/tips/${id}/extension`, { level: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 1 })).statusCode,
    ).toBe(200);
    const d = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(d).toMatchObject({ duplicateOfCode: a.code, urgency: "normal", extensionLevel: 1 });
  });
});

describe("scope and the police compartment", () => {
  it("401 anonymous, 403 without tip.handle, 404 for a Front account and another commune's police", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    expect((await call(ctx.app, null, "GET", "/api/v1/tips")).statusCode).toBe(401);
    expect((await call(ctx.app, null, "GET", `/api/v1/tips/${id}`)).statusCode).toBe(401);
    expect((await call(ctx.app, front, "GET", "/api/v1/tips")).statusCode).toBe(403);
    const frontRead = await call(ctx.app, front, "GET", `/api/v1/tips/${id}`);
    expect(frontRead.statusCode).toBe(404);
    expect(frontRead.body).not.toContain("ma túy");
    expect((await call(ctx.app, front, "GET", `/api/v1/tips/${id}/attachments/1`)).statusCode).toBe(404);
    expect((await call(ctx.app, otherPolice, "GET", `/api/v1/tips/${id}`)).statusCode).toBe(404);
    expect(
      (await call(ctx.app, otherPolice, "POST", `/api/v1/tips/${id}/triage`, { urgency: "urgent" }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(ctx.app, front, "POST", `/api/v1/tips/${id}/triage`, { urgency: "urgent" })).statusCode,
    ).toBe(403);
    const admin = await signedInAs(
      ctx.app,
      "system_admin",
      (await queryRows<{ id: string }>(ctx.app.db, sql`select id from org_units where kind = 'country'`))[0]!
        .id,
    );
    expect((await call(ctx.app, admin, "GET", `/api/v1/tips/${id}`)).statusCode).toBe(404);
    const list = (await call(ctx.app, otherPolice, "GET", "/api/v1/tips")).json();
    expect(list.items.map((t: { code: string }) => t.code)).not.toContain(r.code);
  });

  it("Front accounts see counts only, with counts under 5 shown as <5; the police see exact counts", async () => {
    const fresh = await signedInAs(ctx.app, "commune_front", p.anxuyen.id);
    await submit(tipBody(p.province.id, p.anxuyen.id));
    const counts = await call(ctx.app, fresh, "GET", "/api/v1/tips/counts");
    expect(counts.statusCode).toBe(200);
    expect(counts.json().total).toEqual({ value: null, display: "<5", suppressed: true });
    const exact = (await call(ctx.app, otherPolice, "GET", "/api/v1/tips/counts")).json();
    expect(exact.total).toEqual({ value: 1, display: "1", suppressed: false });
    expect(
      (await call(ctx.app, fresh, "GET", `/api/v1/tips/counts?orgUnitId=${p.baclieu.id}`)).statusCode,
    ).toBe(404);
  });
});

describe("abilities told by the server", () => {
  it("the commune may check and transfer; the agency decides and extends; a decided tip is only answered", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    const open = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(open.can).toEqual({
      readContent: true,
      triage: true,
      reply: true,
      recordOutcome: true,
      outcomes: ["transferred"],
      extend: false,
      nextExtension: null,
      resume: false,
      recordNotice: false,
      investigationAgency: false,
    });
    const above = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(above.can).toMatchObject({
      triage: true,
      outcomes: ["case_opened", "transferred"],
      extend: true,
      nextExtension: 1,
      investigationAgency: true,
    });
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    const checked = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    // No suspension before the limit runs out (CPC Art. 148.1).
    expect(checked.can.outcomes).toEqual(["case_opened", "no_case", "transferred"]);
    const out = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "no_crime_event",
    });
    expect(out.statusCode, out.body).toBe(200);
    const closed = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(closed.can).toEqual({
      readContent: true,
      triage: false,
      reply: true,
      recordOutcome: false,
      outcomes: [],
      extend: false,
      nextExtension: null,
      resume: false,
      recordNotice: true,
      investigationAgency: true,
    });
    // What the commands refuse, the abilities deny.
    expect(
      (await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/triage`, { urgency: "urgent" }))
        .statusCode,
    ).toBe(409);
  });

  it("the counts tell whether the caller has an inbox: the police yes, the Front no", async () => {
    expect((await call(ctx.app, police, "GET", "/api/v1/tips/counts")).json().can).toEqual({ inbox: true });
    expect((await call(ctx.app, front, "GET", "/api/v1/tips/counts")).json().can).toEqual({ inbox: false });
  });
});

describe("CPC 2015 Art. 146–149 and Joint Circular 01/2017: who decides, when, and the notices", () => {
  const backdate = (id: string, days: number, level = 0) =>
    queryRows(
      ctx.app.db,
      sql`update tips set received_hour = now() - make_interval(days => ${days}), extension_level = ${level}
          where id = ${id}`,
    );
  const clock = (detail: { clocks: { kind: string }[] }, kind: string) =>
    detail.clocks.find((c) => c.kind === kind) as
      { kind: string; met: boolean; overdue: boolean; dueAt: string } | undefined;

  it("commune police may not decide not to open a case, open one, suspend or extend (403, nothing changes)", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    await backdate(id, 21);
    for (const body of [
      { outcome: "no_case", ground: "not_a_crime" },
      { outcome: "case_opened" },
      { outcome: "suspended", ground: "expert_pending" },
    ]) {
      const res = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/outcome`, body);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.message).toContain("Căn cứ: khoản 3 Điều 146");
    }
    expect(
      (await call(ctx.app, police, "POST", `/api/v1/tips/${id}/extension`, { level: 1 })).statusCode,
    ).toBe(403);
    const d = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(d).toMatchObject({ status: "triaged", outcome: null, extensionLevel: 0 });
    // Nothing the commune did meets its transfer clock but a transfer.
    expect(clock(d, "transfer")).toMatchObject({ met: false });
    const moved = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "transferred",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(after, "transfer")).toMatchObject({ met: true });
    expect(after.can).toMatchObject({ triage: false, outcomes: [] });
  });

  it("no suspension straight from 'new', without an Art. 148.1 ground, or before the limit runs out", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await backdate(id, 21);
    const fromNew = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
      ground: "expert_pending",
    });
    expect(fromNew.statusCode).toBe(409);
    expect(fromNew.json().error.message).toContain("khoản 1 Điều 147");
    const noCaseFromNew = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "not_a_crime",
    });
    expect(noCaseFromNew.statusCode).toBe(409);
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    const noGround = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
    });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.json().error.issues).toEqual([
      { path: "ground", message: "Chọn căn cứ tạm đình chỉ (khoản 1 Điều 148 BLTTHS)" },
    ]);
    const wrongGround = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
      ground: "not_a_crime",
    });
    expect(wrongGround.statusCode).toBe(400);
    const noCaseNoGround = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
    });
    expect(noCaseNoGround.json().error.issues[0].path).toBe("ground");
    // Before the limit's last day: refused, the rule named.
    await backdate(id, 5);
    const early = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
      ground: "expert_pending",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain("khoản 1 Điều 148");
    expect((await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json().status).toBe("triaged");
  });

  it("a suspension runs its 24-hour notice clock, met once the procuracy and the reporter are told; resumption runs 1 month", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    await backdate(id, 21);
    const s = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
      ground: "documents_pending",
    });
    expect(s.statusCode, s.body).toBe(200);
    let d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(d).toMatchObject({ status: "suspended", outcomeGround: "documents_pending" });
    expect(clock(d, "decision")).toMatchObject({ met: true });
    expect(clock(d, "suspension_notice")).toMatchObject({ met: false, overdue: false });
    expect(d.can).toMatchObject({ resume: true, recordNotice: true, extend: false, outcomes: [] });
    const toProcuracy = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "suspension",
      recipient: "procuracy",
      channel: "dispatch",
      documentNumber: "12/QĐ-CSĐT",
    });
    expect(toProcuracy.statusCode, toProcuracy.body).toBe(200);
    d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(d, "suspension_notice")).toMatchObject({ met: false });
    const future = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "suspension",
      recipient: "reporter",
      channel: "post",
      sentAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    const toReporter = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "suspension",
      recipient: "reporter",
      channel: "in_app",
    });
    expect(toReporter.statusCode, toReporter.body).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({ action: "tip.notice_recorded" });
    d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(d, "suspension_notice")).toMatchObject({ met: true, overdue: false });
    expect(d.notices.map((n: { recipient: string }) => n.recipient).sort()).toEqual([
      "procuracy",
      "reporter",
    ]);
    const seen = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(seen.json()).toMatchObject({ status: "suspended", outcomeNoticeOn: null });
    expect(seen.json().messages.at(-1).body).toContain("tạm đình chỉ");
    // Commune police cannot resume; the agency can, and the Art. 149.1 clock starts.
    expect((await call(ctx.app, police, "POST", `/api/v1/tips/${id}/resumption`, {})).statusCode).toBe(403);
    const resumed = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/resumption`, {});
    expect(resumed.statusCode, resumed.body).toBe(200);
    d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(d.status).toBe("triaged");
    const rc = clock(d, "resumed_decision")!;
    expect(rc).toMatchObject({ met: false, overdue: false });
    const days = (new Date(rc.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(27);
    expect(days).toBeLessThan(32);
  });

  it("an extension is refused after the limit and, for the procuracy's, later than 5 days before it", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await backdate(id, 21);
    const late = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "invalid_transition" });
    expect(late.json().error.message).toContain("không gia hạn sau khi hết hạn");
    expect(late.json().error.message).toContain("Căn cứ: Điều 147 BLTTHS 2015");
    // Level 1 done; the 2-month limit ends in about 3 days: too late to ask the procuracy.
    const [row] = await queryRows<{ dueIn: number }>(
      ctx.app.db,
      sql`update tips set extension_level = 1, received_hour = now() - interval '2 months' + interval '3 days'
          where id = ${id} returning 0 as "dueIn"`,
    );
    expect(row).toBeDefined();
    const short = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 2 });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.message).toContain("chậm nhất 05 ngày trước khi hết thời hạn");
    expect((await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json().extensionLevel).toBe(1);
    expect((await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json().can.extend).toBe(false);
    // Ten days before: accepted.
    await queryRows(
      ctx.app.db,
      sql`update tips set received_hour = now() - interval '2 months' + interval '10 days' where id = ${id}`,
    );
    const inTime = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 2 });
    expect(inTime.statusCode, inTime.body).toBe(200);
  });

  it("the outcome notice clock runs from the decision and is met when the reporter is told; the citizen sees only the date", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    const before = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(before, "outcome_notice")).toBeUndefined();
    const tooEarly = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "outcome",
      recipient: "reporter",
      channel: "in_app",
    });
    expect(tooEarly.statusCode).toBe(409);
    const out = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "not_a_crime",
      note: "Tranh chấp dân sự",
    });
    expect(out.statusCode, out.body).toBe(200);
    let d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(d).toMatchObject({ outcome: "no_case", outcomeGround: "not_a_crime" });
    expect(clock(d, "outcome_notice")).toMatchObject({ met: false, overdue: false });
    const dueDays = (new Date(clock(d, "outcome_notice")!.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(dueDays).toBeGreaterThan(3);
    expect(dueDays).toBeLessThanOrEqual(4);
    const status = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(status.json()).toMatchObject({ status: "no_case", outcomeNoticeOn: null });
    const told = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "outcome",
      recipient: "reporter",
      channel: "in_app",
    });
    expect(told.statusCode, told.body).toBe(200);
    d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(d, "outcome_notice")).toMatchObject({ met: true, overdue: false });
    const after = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(after.json().outcomeNoticeOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(after.body).not.toContain("Tranh chấp dân sự");
    expect(after.body).not.toContain("not_a_crime");
  });
});
