import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

const CSV = [
  "Chủ hộ,Địa chỉ,Số nhân khẩu,Số hộ,Hội Phụ nữ,Hội Nông dân,Ngày chuyển đi",
  "Quách Văn Tài,5 Hà Huy Tập,4,K1-501,Có,Không,",
  'Quách Thị Hương,"7 Hà Huy Tập, tổ 2",2,K1-502,không,x,',
].join("\r\n");

void test(
  "a residential-area cadre on a phone: coverage, a new household, its commitment on a managed form, a Vietnamese CSV",
  { timeout: 180_000 },
  async () => {
    const page = await journey.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    await signIn(page, base, "khom1.baclieu");
    await page.goto(`${base}/ho-gia-dinh`);
    await page.getByRole("heading", { level: 1, name: "Hộ gia đình" }).waitFor();

    // The coverage of the area's year first: "95/120 hộ ký cam kết năm 2026".
    const coverage = page.getByTestId("coverage-summary");
    await coverage.getByText(/^\d+\/\d+ hộ ký cam kết năm \d{4}$/).waitFor();
    const [signed, total] = (await coverage.innerText())
      .match(/(\d+)\/(\d+)/)!
      .slice(1)
      .map(Number);
    assert.ok(total! > 0 && signed! <= total!, "coverage counts the area's households");
    await page.getByRole("heading", { level: 2, name: "Danh sách hộ gia đình" }).waitFor();
    assert.equal(await hasHorizontalScroll(page), false, "the register fits a phone");
    await assertNoSeriousA11yViolations(page, "the household register on a phone");

    // A new household.
    await page.getByRole("button", { name: "Thêm hộ gia đình" }).click();
    const dialog = page.getByRole("dialog", { name: "Thêm hộ gia đình" });
    await dialog.getByLabel("Họ tên chủ hộ").fill("Lương Văn Thành");
    await dialog.getByLabel("Địa chỉ").fill("15 Trần Huỳnh, Khóm 1");
    await dialog.getByLabel("Số nhân khẩu").fill("3");
    await assertNoSeriousA11yViolations(page, "the new household form");
    await dialog.getByRole("button", { name: "Thêm hộ" }).click();
    await page.getByRole("heading", { level: 1, name: "Hộ ông/bà Lương Văn Thành" }).waitFor();
    assert.equal(await page.getByText(/không bắt buộc/).count(), 0, "no form label on the detail page");
    await assertNoSeriousA11yViolations(page, "a new household's page");

    // Its commitment, on a form picked from the area's templates (one added here).
    const template = page.getByRole("combobox", { name: /^Mẫu cam kết/ });
    await template.locator("option", { hasText: "Mẫu cam kết 2024" }).waitFor({ state: "attached" });
    await page.getByText("Thêm mẫu cam kết", { exact: true }).first().click();
    await page.getByLabel("Tên mẫu mới").fill("Mẫu cam kết 2026");
    await page.getByRole("button", { name: "Thêm mẫu cam kết" }).click();
    await page.getByText("Đã thêm mẫu “Mẫu cam kết 2026”.").waitFor();
    assert.equal(
      await template.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent),
      "Mẫu cam kết 2026",
      "the new form is picked",
    );
    await assertNoSeriousA11yViolations(page, "the commitment form with a new template");
    await page.getByRole("button", { name: "Ghi nhận cam kết" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Đã ghi nhận cam kết năm \d{4}\./ })
      .waitFor();
    await page.getByRole("cell", { name: "Mẫu cam kết 2026" }).waitFor();
    await assertNoSeriousA11yViolations(page, "the household with its commitment");

    // A CSV with Vietnamese headers and Có/Không values.
    await page.goto(`${base}/ho-gia-dinh`);
    const importer = page.locator("#import-households");
    await importer.getByRole("link", { name: "Tải tệp mẫu (CSV)" }).waitFor();
    await importer
      .locator('input[type="file"]')
      .setInputFiles({ name: "ho-khom-1.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
    await assertNoSeriousA11yViolations(page, "the import form with a file");
    await importer.getByRole("button", { name: "Nhập tệp" }).click();
    await importer.getByText("Đã nhập 2 hộ gia đình.").waitFor();
    await assertNoSeriousA11yViolations(page, "the finished import");
    await page.getByRole("searchbox", { name: "Tìm hộ" }).fill("quach thi huong");
    await page.getByRole("link", { name: "Quách Thị Hương" }).click();
    await page.waitForURL(/\/ho-gia-dinh\/[^/?]+$/);
    // The household's own facts, not the list's address column or the import help.
    const facts = page.locator("dl");
    await facts.getByText("7 Hà Huy Tập, tổ 2", { exact: true }).waitFor();
    await facts.getByText("Hội Nông dân", { exact: true }).waitFor();
  },
);
