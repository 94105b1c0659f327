import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

void test(
  "a province Front officer opens the dashboard, reads figures with their status in words, drills into a ward and back",
  { timeout: 150_000 },
  async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const base = journey.baseUrl;
    await signIn(page, base, "camau.mttq");

    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Bảng điều khiển", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Tỉnh Cà Mau" }).waitFor();
    const tiles = page.getByRole("region", { name: "Chỉ tiêu" });
    await tiles.getByText("Số buổi, hoạt động", { exact: true }).waitFor();
    const statuses = await tiles.locator(".mantine-Badge-label").allInnerTexts();
    assert.equal(statuses.length, 20, "20 indicator tiles");
    for (const s of statuses) {
      assert.ok(
        ["Đạt", "Đúng tiến độ", "Chậm tiến độ", "Chưa giao chỉ tiêu", "Chưa có dữ liệu"].includes(s.trim()),
        `status "${s}"`,
      );
    }
    await page.getByRole("button", { name: "Tải biểu đồ (PNG)" }).waitFor();
    await page.getByRole("region", { name: "Xếp hạng đơn vị trực thuộc" }).waitFor();

    // Drill down through the tile grid, then back through the breadcrumb.
    await page.getByRole("button", { name: "Xem Phường Bạc Liêu" }).click();
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Phường Bạc Liêu" }).waitFor();
    await page.getByRole("button", { name: "Xem Khóm 1" }).waitFor();
    await assertNoSeriousA11yViolations(page, "the ward dashboard");
    await page.getByRole("button", { name: "Tỉnh Cà Mau", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Tỉnh Cà Mau" }).waitFor();
    assert.equal(await hasHorizontalScroll(page), false, "no sideways scroll");
    await context.close();
  },
);
