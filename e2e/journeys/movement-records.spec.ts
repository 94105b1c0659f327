import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

void test(
  // Plan 279/KH-MTTQ-BCA is the national plan (the Front's Central Committee and the Ministry): it is
  // filed at the country, so the administrator manages it; provinces read it as a plan they implement.
  "the administrator opens the national plan 279/KH-MTTQ-BCA on a phone and reads its progress in words",
  { timeout: 120_000 },
  async () => {
    const context = await journey.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    await signIn(page, base, "admin");

    await page.getByRole("button", { name: "Mở menu điều hướng" }).click();
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Kế hoạch", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Kế hoạch" }).waitFor();
    await page.getByRole("link", { name: "279/KH-MTTQ-BCA" }).click();
    await page.getByRole("heading", { level: 1, name: "Kế hoạch số 279/KH-MTTQ-BCA" }).waitFor();

    // Every target has its result in words (colour is never the only signal).
    const table = page.getByRole("region", { name: "Bảng tiến độ thực hiện chỉ tiêu" });
    await table.waitFor();
    const rows = table.locator("tbody tr");
    assert.ok((await rows.count()) > 0, "the plan has targets");
    const statuses = await rows.locator("td:last-child").allInnerTexts();
    for (const s of statuses) {
      assert.ok(["Đạt", "Chưa đạt", "Chưa có dữ liệu", "Chưa đến kỳ"].includes(s.trim()), `status "${s}"`);
    }
    await page.getByRole("heading", { level: 2, name: "Mốc thực hiện theo năm" }).waitFor();
    await page.getByRole("heading", { level: 3, name: "Năm 2021" }).waitFor();

    assert.equal(await hasHorizontalScroll(page), false, "no sideways scroll at 375 px");
    await assertNoSeriousA11yViolations(page, "the plan page at 375 px");

    // A typo in the title is corrected in place; the plan keeps its tasks and targets.
    await page.getByRole("link", { name: "Sửa", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Sửa kế hoạch" }).waitFor();
    const title = page.getByRole("textbox", { name: "Trích yếu" });
    await title.fill(`${await title.inputValue()} (đã hiệu đính)`);
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByRole("heading", { level: 1, name: "Kế hoạch số 279/KH-MTTQ-BCA" }).waitFor();
    await page.getByText("(đã hiệu đính)").waitFor();
    assert.equal(await rows.count(), statuses.length, "the targets are still there");
    await context.close();
  },
);

void test(
  "a ward Front officer sees the activity totals with the co-organiser note, grouped by body",
  { timeout: 120_000 },
  async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    await signIn(page, base, "baclieu.mttq");

    await page.goto(`${base}/hoat-dong`);
    await page.getByRole("heading", { level: 1, name: "Hoạt động" }).waitFor();
    await page.getByLabel("Từ ngày").fill("01/01/2015");
    await page.getByText("Tổng chung", { exact: true }).first().waitFor();
    await page.getByText(/được tính một lần trong tổng chung và một lần cho mỗi tổ chức/).waitFor();
    await page.getByRole("radio", { name: "Theo tổ chức" }).check();
    await page.getByRole("region", { name: "Bảng tổng hợp hoạt động" }).waitFor();
    await assertNoSeriousA11yViolations(page, "the activities page");
    await context.close();
  },
);
