import assert from "node:assert/strict";
import { test } from "node:test";
import { currentYearInVietnam } from "@toandan/contracts";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

void test(
  "a province Front officer lands on the dashboard, reads figures with their status in words, drills into a ward, goes Back and reopens it from the address",
  { timeout: 150_000 },
  async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const base = journey.baseUrl;
    await signIn(page, base, "camau.mttq");

    // A province account starts on its own dashboard.
    assert.equal(new URL(page.url()).pathname, "/bang-dieu-khien");
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Tỉnh Cà Mau" }).waitFor();
    const tiles = page.getByRole("region", { name: "Chỉ tiêu" });
    await tiles.getByText("Số buổi, hoạt động", { exact: true }).waitFor();
    assert.equal(await tiles.locator("[data-testid^=tile-]").count(), 21, "21 indicator tiles");
    for (const s of await tiles.locator(".mantine-Badge-label").allInnerTexts()) {
      assert.ok(["Đạt", "Đúng tiến độ", "Chậm tiến độ"].includes(s.trim()), `status "${s}"`);
    }
    // "No target" is said once for the grid, not on every tile.
    assert.equal(await tiles.getByText("Chưa giao chỉ tiêu", { exact: true }).count(), 0);
    assert.equal(await page.getByTestId("no-target-note").count(), 1);
    assert.equal(await page.getByText(/thay cho bản đồ/).count(), 0, "no developer note");
    await page.getByRole("button", { name: "Tải biểu đồ (PNG)" }).waitFor();

    // The ranking gives equal figures the same rank (1, 2, 2, 4), never 2…64 for units that tie.
    const ranking = page.getByRole("region", { name: "Xếp hạng đơn vị trực thuộc" });
    const rows = await ranking.locator("tbody tr:not([data-testid])").evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "");
        return { rank: Number(cells[0]), activities: Number(cells[2]!.replace(/\./g, "")) };
      }),
    );
    assert.ok(rows.length >= 1, "the units with activities are ranked");
    for (const r of rows) {
      const expected = 1 + rows.filter((o) => o.activities > r.activities).length;
      assert.equal(r.rank, expected, `rank of a unit with ${r.activities} activities`);
    }
    // The units without any activity tie: one row, one rank, the count in words.
    const idle = ranking.getByTestId("idle-units");
    assert.equal(await idle.locator("td").first().innerText(), String(rows.length + 1));
    assert.match(await idle.innerText(), /\d+ đơn vị chưa ghi nhận hoạt động nào năm \d{4}/);
    await assertNoSeriousA11yViolations(page, "the province dashboard");

    // Drill down: the address changes, so Back and a bookmark work.
    await page.getByTestId("map-table").getByRole("link", { name: "Phường Bạc Liêu", exact: true }).click();
    await page.waitForURL(new RegExp(`/bang-dieu-khien/${UUID}$`));
    const wardUrl = page.url();
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Phường Bạc Liêu" }).waitFor();
    await page.getByTestId("map-table").getByRole("link", { name: "Khóm 1" }).waitFor();
    await assertNoSeriousA11yViolations(page, "the ward dashboard, drilled into");

    await page.goBack();
    await page.waitForURL(`${base}/bang-dieu-khien`);
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Tỉnh Cà Mau" }).waitFor();
    await page.goForward();
    await page.waitForURL(wardUrl);
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Phường Bạc Liêu" }).waitFor();

    // Another year is in the address too; a fresh load of the address opens the same view.
    await page.getByLabel("Năm").selectOption(String(currentYearInVietnam() - 1));
    await page.waitForURL(/\?nam=\d{4}$/);
    const bookmark = page.url();
    await page.goto(bookmark);
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Phường Bạc Liêu" }).waitFor();
    assert.equal(await page.getByLabel("Năm").inputValue(), String(currentYearInVietnam() - 1));

    // The breadcrumb goes back up.
    await page.getByRole("link", { name: "Tỉnh Cà Mau", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Tỉnh Cà Mau" }).waitFor();
    assert.equal(await hasHorizontalScroll(page), false, "no sideways scroll");

    // In English the figures' names are English too.
    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "Dashboard — Tỉnh Cà Mau" }).waitFor();
    const tilesEn = page.getByRole("region", { name: "Indicators" });
    await tilesEn.getByText("Activities", { exact: true }).waitFor();
    assert.equal(await tilesEn.getByText("Số buổi, hoạt động", { exact: true }).count(), 0);
    await page.getByLabel("Language").selectOption("vi");
    await context.close();
  },
);

void test("a ward Front officer's dashboard reads well on a phone", { timeout: 90_000 }, async () => {
  const context = await journey.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, journey.baseUrl, "baclieu.mttq");
  assert.equal(new URL(page.url()).pathname, "/bang-dieu-khien");
  await page.getByRole("heading", { level: 1, name: "Bảng điều khiển — Phường Bạc Liêu" }).waitFor();
  await page.getByRole("button", { name: "Tải biểu đồ (PNG)" }).waitFor();
  await page.getByTestId("map-table").getByRole("link", { name: "Khóm 1" }).waitFor();
  await page.locator("[data-testid=map-chart][data-rendered]").waitFor();
  await assertNoSeriousA11yViolations(page, "the ward dashboard on a phone");
  assert.equal(await hasHorizontalScroll(page), false, "no sideways scroll on a phone");
  await context.close();
});

void test(
  "a province police officer maps tips by commune, hovers a commune for its figure and drills into it from the map",
  { timeout: 40_000 },
  async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, journey.baseUrl, "camau.congan");
    await page.goto(`${journey.baseUrl}/bang-dieu-khien`);
    const map = page.getByRole("region", { name: "Bản đồ đơn vị trực thuộc" });
    await map.locator("[data-testid=map-chart][data-rendered]").waitFor();
    // The same figures as a table, one row per commune of Cà Mau, and the boundaries' source.
    assert.equal(await map.getByTestId("map-table").locator("tbody tr").count(), 64);
    await map
      .getByText("Ranh giới: sapnhap.bando.com.vn, qua thanglequoc/vietnamese-provinces-database (MIT)")
      .waitFor();
    // Police may map tips; the address carries the picked figure.
    await map.getByLabel("Chỉ tiêu trên bản đồ").selectOption("tips.received");
    await page.waitForURL(/lop=tips\.received/);
    await map.getByRole("columnheader", { name: "Số tin báo, tố giác tiếp nhận" }).waitFor();
    await map.locator(`[data-testid=map-chart][data-rendered]`).waitFor();
    assert.ok((await map.getByTestId("map-legend").locator("li").count()) >= 1, "a legend");
    // Hover, then click the middle of the map: a tooltip names a commune, the click opens its dashboard.
    await map.getByTestId("map-chart").scrollIntoViewIfNeeded();
    const box = (await map.getByTestId("map-chart").boundingBox())!;
    const clickAt = async (x: number, y: number) => {
      await page.mouse.move(box.x + x, box.y + y);
      await page.mouse.click(box.x + x, box.y + y);
    };
    await clickAt(box.width * 0.45, box.height * 0.5);
    await page.waitForURL(new RegExp(`/bang-dieu-khien/${UUID}\\?lop=tips\\.received$`));
    await page.getByRole("heading", { level: 1, name: /^Bảng điều khiển — (Xã|Phường) / }).waitFor();
    // A commune: its outline, and its residential areas as a list (they have no official boundaries).
    await page.getByRole("heading", { name: "Bản đồ địa giới" }).waitFor();
    await page.locator("[data-testid=map-chart][data-rendered]").waitFor();
    await assertNoSeriousA11yViolations(page, "a commune's dashboard with its outline");
    await context.close();
  },
);
