import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { currentYearInVietnam } from "@toandan/contracts";
import { assertNoSeriousA11yViolations, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

const year = currentYearInVietnam();
const PROPOSAL = "Đề nghị phường bổ sung đèn chiếu sáng ở hẻm 5, Khóm 1.";

async function signedInPage(username: string): Promise<Page> {
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, journey.baseUrl, username);
  return page;
}

const badge = (page: Page, text: string) => page.locator(".mantine-Badge-label", { hasText: text }).first();

/** Composes this year's yearly review at the user's own unit; returns on the new report's page. */
async function composeYearly(page: Page, signer: string) {
  await page.goto(`${journey.baseUrl}/bao-cao/moi`);
  await page.getByRole("heading", { level: 1, name: "Soạn báo cáo" }).waitFor();
  await page.getByLabel("Loại báo cáo").selectOption("yearly");
  // This year is the default; the yearly review counts up to today.
  assert.equal(await page.getByLabel("Năm").inputValue(), String(year));
  await page.waitForFunction(
    () => (document.querySelector<HTMLInputElement>("input[name=number]")?.value ?? "") !== "",
  );
  await page.getByLabel("Địa danh").fill("Bạc Liêu");
  await page.getByLabel("Chức vụ người ký").fill("Trưởng ban");
  await page.getByLabel("Họ và tên người ký").fill(signer);
  await page.getByRole("button", { name: "Tạo báo cáo" }).click();
  await badge(page, "Đang soạn").waitFor();
}

void test(
  "a residential area's report is approved by the ward, which compiles its yearly review from it; the province sees who has reported",
  { timeout: 300_000 },
  async () => {
    // Khóm 1's Front work committee writes its yearly report, with a proposal, and sends it.
    const area = await signedInPage("khom1.baclieu");
    await composeYearly(area, "Trần Văn Khóm");
    assert.equal(
      await area
        .getByRole("heading", { level: 1 })
        .innerText()
        .then((h) => h.includes("Khóm 1")),
      true,
      "the report is Khóm 1's",
    );
    const proposals = area.getByRole("textbox", { name: /V\. ĐỀ XUẤT, KIẾN NGHỊ/ });
    await proposals.fill(PROPOSAL);
    await area.getByRole("button", { name: "Lưu thay đổi" }).click();
    await area.getByText("Đã lưu thay đổi.").waitFor();
    await area.getByRole("button", { name: "Gửi cấp trên" }).click();
    await badge(area, "Đã gửi, chờ duyệt").waitFor();
    // The area cannot approve its own report.
    assert.equal(await area.getByRole("button", { name: "Duyệt", exact: true }).count(), 0);
    await area.context().close();

    // The ward finds it waiting and approves it.
    const ward = await signedInPage("baclieu.mttq");
    await ward.goto(`${journey.baseUrl}/bao-cao`);
    await ward.getByRole("tab", { name: "Chờ duyệt (1)" }).waitFor();
    const awaiting = ward.getByRole("list", { name: "Danh sách báo cáo chờ duyệt" });
    await awaiting.getByRole("link").first().click();
    await badge(ward, "Đã gửi, chờ duyệt").waitFor();
    await ward.getByRole("button", { name: "Duyệt", exact: true }).click();
    const approve = ward.getByRole("dialog", { name: "Duyệt báo cáo" });
    await approve.getByRole("button", { name: "Duyệt và khóa số liệu" }).click();
    await approve.waitFor({ state: "detached" });
    await badge(ward, "Đã duyệt").waitFor();

    // The ward composes its own yearly review and compiles it from its areas' approved reports.
    await composeYearly(ward, "Nguyễn Văn An");
    const completeness = ward.locator("#completeness");
    await completeness.getByText(/\d+\/\d+ đơn vị đã gửi báo cáo\./).waitFor();
    const khom = completeness.getByRole("listitem").filter({ hasText: "Khóm 1" });
    await khom.getByText("Đã duyệt").waitFor();
    await khom.getByText("Đúng hạn").waitFor();
    await ward.getByRole("button", { name: "Tổng hợp từ báo cáo cấp dưới" }).click();
    await ward.getByText(/từ 1 báo cáo cấp dưới đã duyệt\./).waitFor();
    const compiled = ward.getByRole("textbox", { name: /PHẦN TỔNG HỢP TỪ BÁO CÁO CẤP DƯỚI/ });
    await compiled.waitFor();
    const text = await compiled.inputValue();
    assert.match(text, /Khóm 1/, "the area's results are quoted");
    assert.ok(text.includes(PROPOSAL), `the area's proposal is gathered: ${text}`);
    // The compiled figures of the level below are part of the report.
    const id = new URL(ward.url()).pathname.split("/").pop();
    const report = (await (await ward.request.get(`${journey.baseUrl}/api/v1/reports/${id}`)).json()) as {
      compiled: { children: { orgUnitName: string; figures: unknown[] }[]; totals: unknown[] } | null;
    };
    const annex = report.compiled;
    assert.ok(annex, "the report keeps the compiled annex");
    assert.deepEqual(
      annex.children.map((c) => /Khóm 1/.test(c.orgUnitName)),
      [true],
    );
    assert.ok(annex.totals.length > 0, "the key figures are totalled");
    await assertNoSeriousA11yViolations(ward, "the compiled ward review");
    await ward.getByRole("button", { name: "Gửi cấp trên" }).click();
    await badge(ward, "Đã gửi, chờ duyệt").waitFor();
    await ward.context().close();

    // The province's own yearly review shows which communes have reported: the ward has, on time.
    const province = await signedInPage("camau.mttq");
    await composeYearly(province, "Lê Văn Tỉnh");
    const provinceCompleteness = province.locator("#completeness");
    await provinceCompleteness.getByText(/\d+\/\d+ đơn vị đã gửi báo cáo\./).waitFor();
    // The per-unit list of a province's 64 communes is folded so that a phone reaches the report.
    await provinceCompleteness.getByText(/^Tình trạng báo cáo của \d+ đơn vị$/).click();
    const baclieu = provinceCompleteness.getByRole("listitem").filter({ hasText: "Phường Bạc Liêu" });
    await baclieu.getByText("Đã gửi, chờ duyệt").waitFor();
    await baclieu.getByText("Đúng hạn").waitFor();
    await provinceCompleteness
      .getByText(/Chưa có báo cáo/)
      .first()
      .waitFor();
    await assertNoSeriousA11yViolations(province, "the province's completeness panel");
    await province.context().close();
  },
);
