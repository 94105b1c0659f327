import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";
import { currentYearInVietnam } from "@toandan/contracts";

const journey = useJourney();

const year = currentYearInVietnam();
const SUBJECT = `Sơ kết công tác phong trào “Toàn dân bảo vệ an ninh Tổ quốc” 6 tháng đầu năm ${year}`;
const HEADING = "Báo cáo sơ kết 6 tháng — Phường Bạc Liêu";

async function signedInPage(username: string): Promise<Page> {
  const context = await journey.browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, journey.baseUrl, username);
  return page;
}

/** "0 pa nô", "0 lượt người"…: a zero written into a sentence of the narrative. */
const ZERO_PHRASE = /(^|[\s(;,])0 (pa nô|khẩu hiệu|tờ rơi|lượt|buổi|tin|tổ|hộ|vụ|đối tượng|giờ|thành viên)/;

const badge = (page: Page, text: string) => page.locator(".mantine-Badge-label", { hasText: text }).first();

/** A meeting of the ward's Front committee dated `date`, written through the API with the page's session. */
async function writeActivity(page: Page, orgUnitId: string, date: string) {
  const base = journey.baseUrl;
  const me = await page.request.get(`${base}/api/v1/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const unit = await page.request.get(`${base}/api/v1/org-units/${orgUnitId}`);
  const { bodies } = (await unit.json()) as { bodies: { id: string; kind: string }[] };
  const front = bodies.find((b) => b.kind === "front");
  assert.ok(front, "the ward has a Front committee");
  return page.request.post(`${base}/api/v1/activities`, {
    headers: { "x-csrf-token": csrfToken },
    data: { orgUnitId, kind: "meeting", date, organizerBodyIds: [front.id], topics: [], attendees: 12 },
  });
}

void test(
  "a ward composes a six-month report, edits it, downloads the DOCX and submits; the province returns it, then approves it and the period locks",
  { timeout: 240_000 },
  async () => {
    const base = journey.baseUrl;
    const ward = await signedInPage("baclieu.mttq");

    // The ward composes the report.
    await ward.goto(`${base}/bao-cao`);
    await ward.getByRole("heading", { level: 1, name: "Báo cáo sơ kết, tổng kết" }).waitFor();
    await ward.getByText("Chưa có báo cáo nào.").waitFor();
    await assertNoSeriousA11yViolations(ward, "the ward's report list");
    await ward.getByRole("link", { name: "Soạn báo cáo" }).click();
    await ward.getByRole("heading", { level: 1, name: "Soạn báo cáo" }).waitFor();
    assert.equal(
      await ward.getByLabel("Cơ quan ban hành").inputValue(),
      "Ủy ban MTTQ Việt Nam Phường Bạc Liêu",
    );
    await ward.getByLabel("Năm").fill(String(year));
    await ward.getByLabel("Kỳ sơ kết").selectOption("1");
    // The cut-off defaults to the half's end (past); the number to the issuing body's next one.
    await ward.getByText(`Để trống: tính đến ngày 30/06/${year}`).waitFor();
    const number = ward.getByLabel("Số", { exact: true });
    await ward.waitForFunction(
      () => (document.querySelector<HTMLInputElement>("input[name=number]")?.value ?? "") !== "",
    );
    assert.equal(await number.inputValue(), "1", "the first report of the year gets number 1");
    await assertNoSeriousA11yViolations(ward, "the compose form");
    await ward.getByLabel("Địa danh").fill("Bạc Liêu");
    await ward.getByLabel("Nơi nhận").fill("Ban Thường trực Ủy ban MTTQ tỉnh\nLưu: VT");
    await ward.getByLabel("Chức vụ người ký").fill("TM. Ban Thường trực — Chủ tịch");
    await ward.getByLabel("Họ và tên người ký").fill("Nguyễn Văn An");
    await ward.getByRole("button", { name: "Tạo báo cáo" }).click();

    await ward.getByRole("heading", { level: 1, name: HEADING }).waitFor();
    await badge(ward, "Đang soạn").waitFor();
    const reportUrl = ward.url();
    const figures = ward.getByRole("region", { name: "Bảng số liệu tổng hợp" });
    await figures.getByText("Số buổi, hoạt động").waitFor();
    await ward.getByText(`Số liệu tính đến ngày 30/06/${year}`, { exact: true }).waitFor();
    await ward.getByText("Kỳ báo cáo: 6 tháng đầu năm " + year).waitFor();

    // The composed narrative writes only what happened: no "0 pa nô", no broken sentence.
    const composedId = new URL(ward.url()).pathname.split("/").pop();
    const composed = (await (await ward.request.get(`${base}/api/v1/reports/${composedId}`)).json()) as {
      number: string;
      sections: { key: string; text: string }[];
    };
    assert.equal(composed.number, "1");
    for (const s of composed.sections) {
      assert.doesNotMatch(s.text, ZERO_PHRASE, `section ${s.key}: ${s.text}`);
      assert.doesNotMatch(s.text, /chưa có số liệu tin báo/i, `section ${s.key}: ${s.text}`);
    }
    const situation = composed.sections.find((s) => s.key === "situation")?.text ?? "";
    assert.match(situation, new RegExp(`tính đến ngày 30/06/${year}`));
    const propaganda = await ward
      .getByRole("textbox", { name: "II. KẾT QUẢ THỰC HIỆN — 1. Công tác tuyên truyền, vận động" })
      .inputValue();
    assert.doesNotMatch(propaganda, ZERO_PHRASE, propaganda);

    // A narrative section is edited and saved.
    const assessment = ward.getByRole("textbox", {
      name: "III. ĐÁNH GIÁ CHUNG — ưu điểm, hạn chế, nguyên nhân",
    });
    await assessment.fill("Phong trào được duy trì đều khắp ở các khóm.");
    await ward.getByRole("button", { name: "Lưu thay đổi" }).click();
    await ward.getByText("Đã lưu thay đổi.").waitFor();
    assert.equal(await hasHorizontalScroll(ward), false, "no sideways scroll on the report");
    await assertNoSeriousA11yViolations(ward, "the draft report page");

    // The DOCX downloads as a Word (zip) file.
    const [download] = await Promise.all([
      ward.waitForEvent("download"),
      ward.getByRole("link", { name: "Tải DOCX (Word)" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const docx = await readFile(await download.path());
    assert.ok(docx.length > 1000, `the DOCX has content (${docx.length} bytes)`);
    assert.equal(docx.subarray(0, 2).toString("latin1"), "PK", "the DOCX is a zip");

    await ward.getByRole("button", { name: "Gửi cấp trên" }).click();
    await badge(ward, "Đã gửi, chờ duyệt").waitFor();
    await ward.getByText("Phong trào được duy trì đều khắp ở các khóm.").waitFor();

    // The province lands on the reports waiting for it, counted, and returns this one with a comment.
    const province = await signedInPage("camau.mttq");
    await province.goto(`${base}/bao-cao`);
    await province.getByRole("heading", { level: 1, name: "Báo cáo sơ kết, tổng kết" }).waitFor();
    const pendingTab = province.getByRole("tab", { name: "Chờ duyệt (1)" });
    await pendingTab.waitFor();
    assert.equal(await pendingTab.getAttribute("aria-selected"), "true", "the pending tab is open");
    const awaiting = province.getByRole("list", { name: "Danh sách báo cáo chờ duyệt" });
    await awaiting.getByRole("link", { name: SUBJECT }).waitFor();
    await assertNoSeriousA11yViolations(province, "the province's awaiting list");
    await awaiting.getByRole("link", { name: SUBJECT }).click();
    await province.getByRole("heading", { level: 1, name: HEADING }).waitFor();
    await province.getByRole("button", { name: "Trả lại", exact: true }).click();
    const returnDialog = province.getByRole("dialog", { name: "Trả lại báo cáo" });
    await returnDialog.getByRole("button", { name: "Trả lại báo cáo" }).click();
    await returnDialog.getByText("Vui lòng nhập thông tin này.").waitFor();
    await returnDialog.getByLabel("Ý kiến khi trả lại").fill("Bổ sung số liệu tin báo của Nhân dân.");
    await returnDialog.getByRole("button", { name: "Trả lại báo cáo" }).click();
    await returnDialog.waitFor({ state: "detached" });
    await badge(province, "Bị trả lại").waitFor();

    // The ward reads the comment and sends it again.
    await ward.goto(reportUrl);
    await badge(ward, "Bị trả lại").waitFor();
    await ward.getByText("Ý kiến của cấp trên: “Bổ sung số liệu tin báo của Nhân dân.”").waitFor();
    await ward.getByRole("button", { name: "Gửi cấp trên" }).click();
    await badge(ward, "Đã gửi, chờ duyệt").waitFor();

    // The province approves, after reading what the lock means.
    await province.reload();
    await badge(province, "Đã gửi, chờ duyệt").waitFor();
    await province.getByRole("button", { name: "Duyệt", exact: true }).click();
    const approveDialog = province.getByRole("dialog", { name: "Duyệt báo cáo" });
    await approveDialog.getByText(/sẽ bị khóa/).waitFor();
    await approveDialog.getByRole("button", { name: "Duyệt và khóa số liệu" }).click();
    await approveDialog.waitFor({ state: "detached" });
    await badge(province, "Đã duyệt").waitFor();
    await province
      .getByText(`Đã khóa số liệu từ ngày 01/01/${year} đến ngày 30/06/${year}`, { exact: false })
      .waitFor();
    await assertNoSeriousA11yViolations(province, "the approved report page");

    // A record dated inside the approved period is refused, with the server's own message.
    const reportId = new URL(reportUrl).pathname.split("/").pop();
    const reportRes = await ward.request.get(`${base}/api/v1/reports/${reportId}`);
    const report = (await reportRes.json()) as { orgUnitId: string };
    const refused = await writeActivity(ward, report.orgUnitId, `${year}-03-03`);
    assert.equal(refused.status(), 409);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "period_locked");
    const lockMessage = `Kỳ báo cáo 01/01/${year}–30/06/${year} đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.`;
    assert.equal(body.error.message, lockMessage);
    // …and the console shows that message, never the generic "trùng hoặc xung đột".
    await ward.goto(`${base}/hoat-dong/moi`);
    await ward.getByRole("heading", { level: 1, name: "Ghi nhận hoạt động" }).waitFor();
    await ward.getByLabel("Ngày (dd/mm/yyyy)").fill(`03/03/${year}`);
    const organisers = ward.getByRole("group", { name: /Đơn vị tổ chức/ });
    await organisers.getByRole("checkbox").first().check();
    await ward.getByRole("button", { name: "Lưu hoạt động" }).click();
    await ward.getByRole("alert").filter({ hasText: lockMessage }).waitFor();
    assert.equal(await ward.getByText(/trùng hoặc xung đột/).count(), 0);
    await assertNoSeriousA11yViolations(ward, "the activity form refused by the lock");

    // The province unlocks the period with a reason; the same record is then accepted.
    await province.getByRole("button", { name: "Mở khóa kỳ báo cáo" }).click();
    const unlockDialog = province.getByRole("dialog", { name: "Mở khóa kỳ báo cáo" });
    await unlockDialog.getByLabel("Lý do mở khóa").fill("Bổ sung hoạt động bị sót");
    await unlockDialog.getByRole("button", { name: "Mở khóa" }).click();
    await unlockDialog.waitFor({ state: "detached" });
    await province.getByText(/đã được mở khóa .* Lý do: Bổ sung hoạt động bị sót/).waitFor();
    assert.equal((await writeActivity(ward, report.orgUnitId, `${year}-03-03`)).status(), 201);

    await ward.context().close();
    await province.context().close();
  },
);
