// The data cut-off, the days an approval locks (activities and household commitments) and the
// document number sequence (decision 0010).
import { setClock } from "@toandan/contracts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "../activities/test-fixtures";

let t: TestContext;
let caMau: Session;
let anxuyen: Session;
let baclieu: Session;
let anxuyenId: string;
let police: string;

const year = new Date().getUTCFullYear() - 1;

const reportBody = () => ({
  orgUnitId: anxuyenId,
  template: "six_month",
  year,
  half: 1,
  issuingBody: "Ủy ban MTTQ Việt Nam phường An Xuyên",
  symbol: "BC-MTTQ",
  place: "Cà Mau",
  issuedOn: `${year}-07-05`,
  recipients: [],
  signerTitle: "TM. Ban Thường trực — Chủ tịch",
  signerName: "Nguyễn Văn An",
});

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  const caMauId = (await unitByCode(db, "province", "96")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  const baclieuId = (await unitByCode(db, "commune", "31825")).id;
  caMau = await signedInAs(t.app, "province_front", caMauId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  police = await bodyAt(db, anxuyenId, "police");
});
afterAll(() => t.close());

describe("document numbers", () => {
  const body = "Ban Công tác Mặt trận phường An Xuyên";
  const numbered = (number?: string) => ({
    ...reportBody(),
    issuingBody: body,
    ...(number ? { number } : {}),
  });
  const next = () =>
    call(
      t.app,
      anxuyen,
      "GET",
      `/api/v1/reports/next-number?orgUnitId=${anxuyenId}&issuingBody=${encodeURIComponent(body)}&year=${year}`,
    );

  it("follows one sequence per issuing body and year; a chosen number is kept; a duplicate is 409", async () => {
    expect((await next()).json()).toEqual({ number: "1" });
    const first = (await call(t.app, anxuyen, "POST", "/api/v1/reports", numbered())).json();
    expect(first.number).toBe("1");
    const chosen = (await call(t.app, anxuyen, "POST", "/api/v1/reports", numbered("7"))).json();
    expect(chosen.number).toBe("7");
    expect((await next()).json()).toEqual({ number: "8" });
    // Another year of issue starts again from 1.
    const nextYear = await call(
      t.app,
      anxuyen,
      "GET",
      `/api/v1/reports/next-number?orgUnitId=${anxuyenId}&issuingBody=${encodeURIComponent(body)}&year=${year + 1}`,
    );
    expect(nextYear.json()).toEqual({ number: "1" });

    const dup = await call(t.app, anxuyen, "POST", "/api/v1/reports", numbered("7"));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: "conflict",
      message: `Số 7 đã được dùng cho một văn bản khác của ${body} năm ${year}; hãy chọn số khác.`,
    });
    const renumber = await call(t.app, anxuyen, "PATCH", `/api/v1/reports/${first.id}`, { number: "7" });
    expect(renumber.statusCode).toBe(409);
    expect(renumber.json().error.message).toContain("Số 7 đã được dùng");
    const ok = await call(t.app, anxuyen, "PATCH", `/api/v1/reports/${first.id}`, { number: "9" });
    expect(ok.json().number).toBe("9");

    const bad = await call(t.app, anxuyen, "POST", "/api/v1/reports", numbered("12a"));
    expect(bad.json().error.issues).toEqual([
      { path: "number", message: "Số văn bản là một số nguyên dương (ví dụ 12)" },
    ]);
    const outOfScope = `/api/v1/reports/next-number?orgUnitId=${anxuyenId}&issuingBody=x&year=${year}`;
    expect((await call(t.app, baclieu, "GET", outOfScope)).statusCode).toBe(404);
  });
});

describe("the data cut-off and the period it locks", () => {
  afterEach(() => setClock(null));

  it("refuses a cut-off before the period or after today", async () => {
    const before = await call(t.app, anxuyen, "POST", "/api/v1/reports", {
      ...reportBody(),
      cutOff: `${year - 1}-12-31`,
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.issues).toEqual([
      {
        path: "cutOff",
        message: `Ngày tính số liệu không được trước ngày bắt đầu kỳ báo cáo (01/01/${year})`,
      },
    ]);
    setClock("2026-12-03T05:00:00Z");
    const future = await call(t.app, anxuyen, "POST", "/api/v1/reports", {
      ...reportBody(),
      year: 2026,
      template: "yearly",
      cutOff: "2026-12-04",
    });
    expect(future.json().error.issues).toEqual([
      { path: "cutOff", message: "Ngày tính số liệu không được sau ngày hôm nay (03/12/2026)" },
    ]);
  });

  it("counts up to the cut-off; approving locks the days up to it and never a day still to come", async () => {
    // 00:30 on 04/12/2026 in Vietnam: still 03/12 in UTC.
    setClock("2026-12-03T17:30:00Z");
    const activity = (date: string) =>
      call(t.app, anxuyen, "POST", "/api/v1/activities", {
        orgUnitId: anxuyenId,
        kind: "meeting",
        date,
        organizerBodyIds: [police],
        topics: [],
        attendees: 40,
      });
    expect((await activity("2026-12-04")).statusCode).toBe(201);
    const created = await call(t.app, anxuyen, "POST", "/api/v1/reports", {
      ...reportBody(),
      template: "yearly",
      year: 2026,
      issuedOn: "2026-12-04",
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({ periodFrom: "2026-01-01", periodTo: "2026-12-31", cutOff: "2026-12-04" });
    const situation = r.sections.find((s: { key: string }) => s.key === "situation").text;
    expect(situation).toContain("Số liệu trong báo cáo tính đến ngày 04/12/2026.");
    expect(r.sections.find((s: { key: string }) => s.key === "propaganda").text).toContain("40 lượt người");

    await call(t.app, anxuyen, "POST", `/api/v1/reports/${r.id}/submit`);
    const approved = await call(t.app, caMau, "POST", `/api/v1/reports/${r.id}/approve`);
    expect(approved.json().lock).toMatchObject({ periodFrom: "2026-01-01", periodTo: "2026-12-04" });

    // Today (Vietnam) is locked, with the server's own message.
    const today = await activity("2026-12-04");
    expect(today.statusCode).toBe(409);
    expect(today.json().error).toMatchObject({
      code: "period_locked",
      message:
        "Kỳ báo cáo 01/01/2026–04/12/2026 đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.",
    });
    // A household commitment signed in the locked days is refused the same way.
    const area = await createResidentialArea(t.app.db, anxuyenId, "Khóm 9");
    const household = await call(t.app, anxuyen, "POST", "/api/v1/households", {
      orgUnitId: area,
      headName: "Trần Văn Bình",
      address: "9 Lý Thường Kiệt",
      members: 3,
    });
    expect(household.statusCode, household.body).toBe(201);
    const commit = (signedOn: string) =>
      call(t.app, anxuyen, "POST", `/api/v1/households/${household.json().id}/commitments`, {
        year: 2026,
        signedOn,
        formVersion: "Mẫu 2024",
      });
    const lockedCommitment = await commit("2026-11-20");
    expect(lockedCommitment.statusCode).toBe(409);
    expect(lockedCommitment.json().error.message).toBe(today.json().error.message);

    // The rest of December stays open as its days come.
    setClock("2026-12-20T03:00:00Z");
    expect((await activity("2026-12-15")).statusCode).toBe(201);
    expect((await activity("2026-12-04")).statusCode).toBe(409);
    expect((await commit("2026-12-15")).statusCode).toBe(201);
  });
});
