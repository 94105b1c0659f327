import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertNoSeriousA11yViolations, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";
import { currentYearInVietnam } from "@toandan/contracts";

const journey = useJourney();

const year = currentYearInVietnam();
const PDF = { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 signed scan") };

async function asUser(username: string, width = 1280): Promise<Page> {
  const context = await journey.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await signIn(page, journey.baseUrl, username);
  return page;
}

/** Opens this year's cycle of Khóm 1 from the certification list. */
async function openKhom1(page: Page) {
  await page.goto(`${journey.baseUrl}/chung-nhan`);
  await page.getByRole("heading", { level: 1, name: "Công nhận “An toàn về an ninh, trật tự”" }).waitFor();
  await page
    .getByRole("link", { name: `Khóm 1 — ${year}` })
    .first()
    .click();
  await page.getByRole("heading", { level: 1, name: `Khóm 1 — ${year}` }).waitFor();
}

void test(
  "a residential area goes from registration to a certificate verified on the public page",
  { timeout: 240_000 },
  async () => {
    // The residential-area cadre: self-assessment, review meeting and the signed dossier.
    const area = await asUser("khom1.baclieu", 390);
    await openKhom1(area);
    await area
      .getByText(/Hạn quyết định 15\/11\//)
      .first()
      .waitFor();
    await area.getByRole("heading", { level: 2, name: "Tiêu chí và dữ liệu từ hệ thống" }).waitFor();
    await area.getByText("Tỷ lệ hộ đăng ký", { exact: false }).first().waitFor();
    const self = area.getByRole("region", { name: "Tự đánh giá" });
    await self.getByLabel("Số vụ phạm tội trong kỳ").fill("1");
    await self.getByLabel("Số vụ phạm tội năm trước").fill("3");
    await self.getByLabel("Số người, vụ tệ nạn xã hội trong kỳ").fill("0");
    await self.getByLabel("Tệ nạn xã hội năm trước").fill("2");
    await self.getByRole("button", { name: "Tự đánh giá" }).click();
    await area.getByRole("region", { name: "Họp bình xét" }).waitFor();
    await assertNoSeriousA11yViolations(area, "the cycle page of a residential area at 390 px");

    const review = area.getByRole("region", { name: "Họp bình xét" });
    await review.getByLabel("Người chủ trì").fill("Trần Văn Bình");
    await review
      .getByLabel(/Thành phần dự họp/)
      .fill("Lê Thị Cúc - Bí thư chi bộ\nPhạm Văn Dũng - Công an phường");
    await review.getByLabel("Nội dung biên bản").fill("Hội nghị thống nhất đề nghị công nhận.");
    await review.getByLabel("Số ý kiến tán thành").fill("9");
    await review.getByLabel("Tổng số người dự").fill("10");
    await review.getByRole("button", { name: "Họp bình xét" }).click();
    await area.getByText("Đã họp bình xét").first().waitFor();

    const dossier = area.getByRole("region", { name: "Hồ sơ đề nghị công nhận" });
    for (const name of ["Tờ trình", "Báo cáo kết quả", "Biên bản cuộc họp"]) {
      const chooser = area.waitForEvent("filechooser");
      await dossier.getByRole("button", { name: `Tải lên bản ký ${name}` }).click();
      await (await chooser).setFiles(PDF);
      await dossier.getByRole("button", { name: `Thay bản ký ${name}` }).waitFor();
    }
    await dossier.getByText("Hồ sơ đã đủ.").waitFor();
    const draft = area.waitForEvent("download");
    await dossier.getByRole("link", { name: "Tải dự thảo Tờ trình (DOCX)" }).click();
    assert.match((await draft).suggestedFilename(), /^to-trinh-\d{4}\.docx$/);
    await area.context().close();

    // The ward police (standing body of the Steering Committee) appraise.
    const police = await asUser("baclieu.congan");
    await openKhom1(police);
    const appraisal = police.getByRole("region", { name: "Thẩm định" });
    await appraisal.getByLabel("Ý kiến thẩm định").fill("Đủ điều kiện đề nghị công nhận.");
    await appraisal.getByRole("button", { name: "Thẩm định" }).click();
    await police.getByText("Đã thẩm định").first().waitFor();
    await police.context().close();

    // The ward decides; after the deadline a reason is required.
    const ward = await asUser("baclieu.mttq");
    await openKhom1(ward);
    const decision = ward.getByRole("region", { name: "Quyết định công nhận" });
    await decision.getByLabel("Số quyết định").fill(`201/QĐ-UBND`);
    await decision.getByRole("textbox", { name: "Người ký", exact: true }).fill("Nguyễn Văn Em");
    await decision.getByLabel("Chức vụ người ký").fill("Chủ tịch UBND phường");
    await decision.getByLabel(/Lý do quyết định chậm/).fill("Chờ bổ sung biên bản họp.");
    await decision.getByRole("button", { name: "Quyết định công nhận" }).click();
    const code = (await ward.getByTestId("certificate-code").innerText()).trim();
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await ward.getByRole("heading", { level: 2, name: "So sánh qua các năm" }).waitFor();
    await ward.context().close();

    // Anyone, without an account, verifies the certificate; a forged code is rejected.
    const context = await journey.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const res = await page.goto(`${journey.baseUrl}/verify/${code}`);
    assert.equal(res?.status(), 200);
    await page.getByRole("heading", { level: 1, name: "Giấy công nhận hợp lệ" }).waitFor();
    await page.getByText("Khóm 1").first().waitFor();
    await page.getByText(`Số 201/QĐ-UBND`, { exact: false }).waitFor();
    await assertNoSeriousA11yViolations(page, "the public verification page");
    const forged = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
    await page.getByLabel("Tra cứu mã giấy công nhận khác").fill(forged);
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.getByRole("heading", { level: 1, name: "Không tìm thấy giấy công nhận" }).waitFor();
    await context.close();
  },
);

void test(
  "a ward officer sees deadlines, overdue cycles and units not yet registered",
  { timeout: 120_000 },
  async () => {
    const page = await asUser("baclieu.mttq");
    await page.goto(`${journey.baseUrl}/chung-nhan`);
    await page.getByRole("heading", { level: 2, name: `Tình hình năm ${year}` }).waitFor();
    await page
      .getByRole("heading", { level: 3, name: /Hồ sơ quá hạn quyết định|Đơn vị chưa đăng ký/ })
      .first()
      .waitFor();
    await page.getByRole("heading", { level: 2, name: "Sổ vụ việc ảnh hưởng tiêu chí" }).waitFor();
    await page.getByText("Cháy, nổ, tai nạn lao động nghiêm trọng").waitFor();
    await assertNoSeriousA11yViolations(page, "the certification list");
    await page.context().close();
  },
);

void test(
  "a decided cycle reads as decided on a phone: no “Hồ sơ chưa đủ”, no developer note, nothing cut or too wide",
  { timeout: 90_000 },
  async () => {
    const page = await asUser("baclieu.mttq", 390);
    await page.goto(`${journey.baseUrl}/chung-nhan`);
    await page
      .getByRole("link", { name: `Phường Bạc Liêu — ${year}` })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: `Phường Bạc Liêu — ${year}` }).waitFor();
    // Last year's cycle of the ward was decided (demo data).
    await page.getByRole("link", { name: String(year - 1), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Phường Bạc Liêu — ${year - 1}` }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Hồ sơ đề nghị công nhận" }).waitFor();
    const text = await page.locator("main").innerText();
    assert.doesNotMatch(text, /Hồ sơ chưa đủ/, "a decided dossier is not called incomplete");
    assert.doesNotMatch(text, /chưa xác minh|mẫu tạm|là cấu hình/, "no developer note");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, "the page fits a phone");
    for (const badge of await page.locator(".mantine-Badge-label").all()) {
      const cut = await badge.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      assert.equal(cut, false, `badge “${await badge.innerText()}” is shown whole`);
    }
    await assertNoSeriousA11yViolations(page, "a decided cycle on a phone");
    await page.context().close();
  },
);
