import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoSeriousA11yViolations, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();
let caseUrl = "";

void test(
  "the ward police see deadlines, open a file only with a reason, assign it, and the read is logged",
  { timeout: 150_000 },
  async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    await signIn(page, base, "baclieu.congan");
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Hồ sơ tái hòa nhập" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Hồ sơ tái hòa nhập cộng đồng" }).waitFor();
    const row = page.getByRole("row", { name: /Lê Thị Hồng/ });
    await row.waitFor();
    assert.match(
      await row.innerText(),
      /ngày làm việc|đến hạn hôm nay/,
      "deadline shown with working days left",
    );
    await page.getByRole("heading", { level: 2, name: "Số liệu thống kê" }).waitFor();
    await assertNoSeriousA11yViolations(page, "the case list");

    await row.getByRole("link", { name: "Lê Thị Hồng" }).click();
    await page.getByRole("heading", { level: 1, name: "Mở hồ sơ" }).waitFor();
    caseUrl = page.url();
    await assertNoSeriousA11yViolations(page, "the reason prompt");
    await page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await page.getByText("Ghi rõ lý do mở hồ sơ (ít nhất 5 ký tự)").waitFor();
    await page.getByLabel("Lý do mở hồ sơ").fill("Kiểm tra hạn giao quản lý");
    await page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await page.getByRole("heading", { level: 1, name: "Lê Thị Hồng" }).waitFor();
    await page.getByText("096195004321").waitFor();

    await page.getByRole("button", { name: "Giao quản lý" }).click();
    const dialog = page.getByRole("dialog", { name: "Quyết định giao quản lý (HCD-07)" });
    const select = dialog.getByLabel("Tổ chức được giao");
    await select.locator("option").first().waitFor({ state: "attached" });
    const women = (await select.locator("option").allInnerTexts()).find((o) => o.includes("Phụ nữ"));
    assert.ok(women, "the ward's Women's Union is offered");
    await select.selectOption({ label: women });
    await dialog.getByLabel("Số quyết định").fill("21/QĐ-UBND");
    await assertNoSeriousA11yViolations(page, "the assignment form");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("21/QĐ-UBND", { exact: false }).waitFor();

    const log = page.getByRole("region", { name: "Nhật ký truy cập hồ sơ" });
    await log.getByRole("cell", { name: "Kiểm tra hạn giao quản lý" }).waitFor();
    await log.getByRole("cell", { name: "baclieu.congan" }).first().waitFor();
    await assertNoSeriousA11yViolations(page, "the open case file");
  },
);

void test(
  "a late quarterly report is flagged; quarters read “Quý II/2026”; every table has headers",
  { timeout: 90_000 },
  async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    await signIn(page, base, "baclieu.congan");
    await page.goto(`${base}/ho-so`);
    // The demo file assigned in Q2 has its Q2 report but none for Q3, due 05/10 of this year.
    const row = page.getByRole("row", { name: /Trần Văn Minh/ });
    await row.waitFor();
    assert.match(await row.innerText(), /05\/10\/\d{4}\s+quá hạn \d+ ngày làm việc/, "the late Q3 report");
    await row.getByRole("link", { name: "Trần Văn Minh" }).click();
    await page.getByLabel("Lý do mở hồ sơ").fill("Kiểm tra báo cáo quý");
    await page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await page.getByRole("heading", { level: 1, name: "Trần Văn Minh" }).waitFor();
    const reports = page.getByRole("region", { name: "Báo cáo quý" });
    await reports.getByRole("columnheader", { name: "Ngày báo cáo" }).waitFor();
    await reports
      .getByRole("rowheader", { name: /^Quý (I|II|III|IV)\/\d{4}$/ })
      .first()
      .waitFor();
    assert.equal(await page.getByText(/\d{4}-Q\d/).count(), 0, "no “2026-Q3” keys on the page");
    for (const table of await page.locator("table").all()) {
      assert.ok((await table.locator("th").count()) > 0, "each table has header cells");
    }
    await assertNoSeriousA11yViolations(page, "a case file with its quarterly reports");
    await page.getByRole("button", { name: "Báo cáo quý" }).click();
    const dialog = page.getByRole("dialog", { name: /Báo cáo quý/ });
    const quarter = dialog.getByLabel("Quý");
    await quarter.locator("option").first().waitFor({ state: "attached" });
    assert.match(
      (await quarter.locator("option").allInnerTexts()).join("|"),
      /^Quý (I|II|III|IV)\/\d{4}\|/,
      "quarters are picked by name",
    );
    await assertNoSeriousA11yViolations(page, "the quarterly report form");
  },
);

void test(
  "another ward's Front cannot open the file, and sees counts only",
  { timeout: 90_000 },
  async () => {
    const page = await journey.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, journey.baseUrl, "anxuyen.mttq");
    await page.goto(`${journey.baseUrl}/ho-so`);
    await page.getByRole("heading", { level: 2, name: "Số liệu thống kê" }).waitFor();
    assert.equal(await page.getByRole("row", { name: /Lê Thị Hồng/ }).count(), 0);
    await page.goto(caseUrl);
    await page.getByLabel("Lý do mở hồ sơ").fill("Tò mò xem thử");
    await page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await page.getByRole("heading", { level: 1, name: /Không tìm thấy/ }).waitFor();
    assert.equal(await page.getByText("096195004321").count(), 0);
  },
);

void test(
  "anyone reads the public register of good deeds, only consented entries",
  { timeout: 60_000 },
  async () => {
    const page = await journey.newPage({ viewport: { width: 375, height: 800 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${journey.baseUrl}/nguoi-tot-viec-tot`);
    await page.getByRole("heading", { level: 1, name: "Người tốt, việc tốt" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Chị Nguyễn Thị Lan (Khóm 1)" }).waitFor();
    assert.equal(
      await page.getByText("Tổ bảo vệ an ninh, trật tự Khóm 1").count(),
      0,
      "unconsented nomination not shown",
    );
    await assertNoSeriousA11yViolations(page, "the public register");
  },
);
