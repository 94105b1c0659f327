import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoSeriousA11yViolations, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

void test(
  "a ward Front officer signs in and finds the ward by typing without tone marks",
  { timeout: 120_000 },
  async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;

    await page.goto(`${base}/dang-nhap`);
    await page.getByRole("heading", { level: 1, name: "Đăng nhập" }).waitFor();
    await assertNoSeriousA11yViolations(page, "the sign-in page");

    await signIn(page, base, "baclieu.mttq");
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Đơn vị", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Đơn vị" }).waitFor();

    const searchBox = page.getByLabel("Tìm đơn vị");
    await searchBox.fill("bac lieu");
    const results = page.getByRole("list", { name: "Kết quả tìm kiếm" });
    const hit = results.getByRole("link", { name: "Phường Bạc Liêu", exact: true });
    await hit.waitFor();
    assert.equal(await searchBox.inputValue(), "bac lieu", "the query was typed without tone marks");
    await hit.click();

    await page.waitForURL(new RegExp(`^${base}/don-vi/[0-9a-f-]{36}$`));
    await page.getByRole("heading", { level: 1, name: "Phường Bạc Liêu" }).waitFor();
    const bodies = page.getByRole("region", { name: "Tổ chức, lực lượng", exact: true });
    await bodies.getByText("Công an Phường Bạc Liêu", { exact: true }).waitFor();
    await bodies.getByText("Ủy ban Mặt trận Tổ quốc Việt Nam Phường Bạc Liêu", { exact: true }).waitFor();
    const children = page.getByRole("region", { name: "Đơn vị trực thuộc", exact: true });
    await children.getByRole("link", { name: "Khóm 1", exact: true }).waitFor();
    const breadcrumb = page.getByRole("navigation", { name: "Đường dẫn" });
    assert.match(await breadcrumb.innerText(), /Tỉnh Cà Mau/);

    await assertNoSeriousA11yViolations(page, "the unit page of Phường Bạc Liêu");
    await context.close();
  },
);
