import { setClock } from "@toandan/contracts";
import JSZip from "jszip";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { lastAuditEvent, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";

let t: TestContext;
let dpo: Session;
let admin: Session;
let police: Session;
let province: string;

beforeAll(async () => {
  t = await createTestContext();
  province = (await unitByCode(t.app.db, "province", "96")).id;
  dpo = await signedInAs(t.app, "data_protection_officer", province, "police");
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
  police = await signedInAs(t.app, "province_police", province);
}, 300_000);
afterAll(() => t.close());
afterEach(() => setClock(null));

const api = (s: Session | null, method: "GET" | "POST", url: string, body?: unknown) =>
  call(t.app, s, method, `/api/v1${url}`, body);

const docxText = async (payload: Buffer) =>
  (await (await JSZip.loadAsync(payload)).file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");

const breach = (over: Record<string, unknown> = {}) =>
  api(dpo, "POST", "/privacy/breaches", {
    orgUnitId: province,
    detectedAt: "2027-03-01T16:30:00Z",
    nature: "Một máy tính của cán bộ bị nhiễm mã độc, có tệp xuất danh sách hộ gia đình",
    categories: ["basic"],
    dataDescription: "Họ tên chủ hộ, địa chỉ của 2 khóm",
    peopleAffected: 1157,
    actionsTaken: "Cách ly máy, đổi mật khẩu, thu hồi tệp",
    contactName: "Nguyễn Văn Bảo",
    contactPhone: "0290 3 123 456",
    ...over,
  });

describe("breaches", () => {
  it("records a breach with the 72-hour notice clock in Vietnam time, and the notice to A05 as DOCX", async () => {
    setClock("2027-03-02T01:00:00Z");
    const res = await breach();
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json<{
      id: string;
      noticeDueAt: string;
      overdue: boolean;
      status: string;
      can: { notify: boolean };
    }>();
    // Detected 23:30 on 1 March in Vietnam: the notice is due 23:30 on 4 March in Vietnam.
    expect(b).toMatchObject({
      noticeDueAt: "2027-03-04T16:30:00.000Z",
      overdue: false,
      status: "open",
      can: { notify: true },
    });
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "privacy.breach_recorded",
      data: { categories: ["basic"], peopleAffected: 1157 },
    });
    const overview = (await api(dpo, "GET", "/privacy/overview")).json();
    expect(overview).toMatchObject({
      openBreaches: 1,
      overdueBreaches: 0,
      nextDueAt: "2027-03-04T16:30:00.000Z",
    });

    const doc = await api(dpo, "GET", `/privacy/breaches/${b.id}/notice.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers["content-type"]).toMatch(/wordprocessingml/);
    const text = await docxText(doc.rawPayload);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Kính gửi: Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)");
    expect(text).toContain("CÔNG AN TỈNH CÀ MAU");
    expect(text).toContain("01/03/2027 23:30"); // detection in Vietnam time
    expect(text).toContain("04/03/2027 23:30"); // the due time
    expect(text).toContain("1.157");
    expect(text).toContain("chưa được đối chiếu");
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "privacy.breach_notice_generated",
      entityId: b.id,
    });

    // After 72 hours it is overdue; a late notice needs its reasons.
    setClock("2027-03-04T17:00:00Z");
    expect((await api(dpo, "GET", `/privacy/breaches/${b.id}`)).json().overdue).toBe(true);
    const noReason = await api(dpo, "POST", `/privacy/breaches/${b.id}/notice`, {
      notifiedAt: "2027-03-04T16:45:00Z",
      reference: "Công văn số 12/CAT-PA05",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues).toEqual([
      { path: "lateReason", message: "Thông báo sau 72 giờ: nêu lý do chậm" },
    ]);
    const sent = await api(dpo, "POST", `/privacy/breaches/${b.id}/notice`, {
      notifiedAt: "2027-03-04T16:45:00Z",
      reference: "Công văn số 12/CAT-PA05",
      lateReason: "Chờ xác định phạm vi dữ liệu bị lộ",
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: "notified", overdue: false, can: { notify: false } });
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "privacy.breach_notified",
      data: { late: true },
    });
    expect(
      (
        await api(dpo, "POST", `/privacy/breaches/${b.id}/notice`, {
          notifiedAt: "2027-03-04T16:50:00Z",
          reference: "x",
        })
      ).statusCode,
    ).toBe(409);
  });

  it("says the notice is late only once the 72 hours have passed, whatever day it is in UTC", async () => {
    // Detected 01:00 on 2 March in Vietnam (18:00 on 1 March UTC): due 01:00 on 5 March in Vietnam.
    setClock("2027-03-01T18:30:00Z");
    const b = (await breach({ detectedAt: "2027-03-01T18:00:00Z" })).json<{
      id: string;
      noticeDueAt: string;
    }>();
    expect(b.noticeDueAt).toBe("2027-03-04T18:00:00.000Z");
    const lateLine = "Lý do thông báo sau 72 giờ";
    const notice = async () =>
      docxText((await api(dpo, "GET", `/privacy/breaches/${b.id}/notice.docx`)).rawPayload);
    // 00:30 on 5 March in Vietnam: a new day there, but half an hour is left.
    setClock("2027-03-04T17:30:00Z");
    expect(await notice()).not.toContain(lateLine);
    setClock("2027-03-04T18:01:00Z");
    expect(await notice()).toContain(lateLine);
  });

  it("refuses bad input and other roles", async () => {
    setClock("2027-03-02T01:00:00Z");
    const bad = await breach({ peopleAffected: -1, categories: [], nature: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["peopleAffected", "categories", "nature"]),
    );
    const order = await breach({ occurredAt: "2027-03-02T00:00:00Z", detectedAt: "2027-03-01T00:00:00Z" });
    expect(order.statusCode).toBe(400);
    expect((await breach()).statusCode).toBe(201);
    const list = (await api(admin, "GET", "/privacy/breaches")).json<{
      items: unknown[];
      can: { create: boolean };
    }>();
    expect(list.can.create).toBe(false);
    expect((await api(admin, "POST", "/privacy/breaches", {})).statusCode).toBe(403);
    expect((await api(police, "GET", "/privacy/breaches")).statusCode).toBe(403);
  });
});

describe("the register and consent texts", () => {
  it("lists the register and exports the impact-assessment dossier saying what is unverified", async () => {
    const reg = await api(admin, "GET", "/privacy/register");
    expect(reg.statusCode).toBe(200);
    const items = reg.json<{ items: { id: string; readers: string[] }[] }>().items;
    expect(items.find((i) => i.id === "case_files")!.readers).not.toContain("data_protection_officer");
    const doc = await api(dpo, "GET", "/privacy/impact-assessment");
    expect(doc.statusCode).toBe(200);
    const text = await docxText(doc.rawPayload);
    expect(text).toContain("HỒ SƠ ĐÁNH GIÁ TÁC ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN");
    expect(text).toContain("Mẫu số 04");
    expect(text).toContain("chưa được đối chiếu");
    expect(text).toContain("Danh sách thành viên tổ, đội, mô hình tự quản");
    expect(await lastAuditEvent(t.app.db)).toMatchObject({ action: "privacy.impact_assessment_exported" });
  });

  it("versions consent texts: a new text is a new version, the old one stays", async () => {
    const before = (await api(dpo, "GET", "/privacy/consent-texts")).json<{
      items: { purpose: string; version: number; current: boolean }[];
    }>();
    const v1 = before.items.find((i) => i.purpose === "tip_contact" && i.version === 1);
    expect(v1?.current).toBe(true);
    const res = await api(dpo, "POST", "/privacy/consent-texts", {
      purpose: "tip_contact",
      textVi: "Tôi đồng ý để lại số điện thoại để Công an liên hệ xác minh tin báo.",
      withdrawalConsequenceVi: "Công an không liên hệ lại được qua điện thoại.",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, current: true });
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "privacy.consent_text_created",
      data: { purpose: "tip_contact", version: 2 },
    });
    const after = (await api(dpo, "GET", "/privacy/consent-texts")).json<{
      items: { purpose: string; version: number; current: boolean }[];
    }>();
    expect(after.items.filter((i) => i.purpose === "tip_contact").map((i) => [i.version, i.current])).toEqual(
      [
        [2, true],
        [1, false],
      ],
    );
    expect((await api(admin, "POST", "/privacy/consent-texts", {})).statusCode).toBe(403);
    expect(
      (await api(dpo, "POST", "/privacy/consent-texts", { purpose: "tip_contact", textVi: "" })).statusCode,
    ).toBe(400);
  });
});
