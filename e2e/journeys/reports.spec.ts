import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

const year = new Date().getFullYear();
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

    // The ward composes the report from the navigation.
    await ward
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Báo cáo", exact: true })
      .click();
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
    await ward.getByLabel("Số", { exact: true }).fill("15");
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

    // The province sees it awaiting approval and returns it with a comment.
    const province = await signedInPage("camau.mttq");
    await province.goto(`${base}/bao-cao`);
    await province.getByRole("heading", { level: 1, name: "Báo cáo sơ kết, tổng kết" }).waitFor();
    await province.getByRole("tab", { name: "Chờ duyệt" }).click();
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
    await province.getByText(/Số liệu của kỳ này đã bị khóa từ/).waitFor();
    await assertNoSeriousA11yViolations(province, "the approved report page");

    // A record dated inside the approved period is refused.
    const reportId = new URL(reportUrl).pathname.split("/").pop();
    const reportRes = await ward.request.get(`${base}/api/v1/reports/${reportId}`);
    const report = (await reportRes.json()) as { orgUnitId: string };
    const refused = await writeActivity(ward, report.orgUnitId, `${year}-03-03`);
    assert.equal(refused.status(), 409);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "conflict");
    assert.match(body.error.message, /đã được duyệt và khóa số liệu/);

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
