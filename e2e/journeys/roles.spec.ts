import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

/** Text that belongs to a developer, not to the person using the console. */
const DEVELOPER_TEXT = [
  /thay cho bản đồ/i,
  /\bTODO\b/,
  /\bFIXME\b/,
  /mẫu tạm/i,
  /lorem ipsum/i,
  /undefined|NaN/,
];

/** Every demo account of the README, the page its work starts on and the heading that page shows. */
const ROLES: { username: string; landing: RegExp; heading: RegExp; phone?: boolean }[] = [
  { username: "admin", landing: /\/tai-khoan$/, heading: /^Tài khoản/ },
  { username: "camau.mttq", landing: /\/bang-dieu-khien$/, heading: /^Bảng điều khiển — Tỉnh Cà Mau$/ },
  { username: "camau.congan", landing: /\/tin-bao$/, heading: /^Tin báo tội phạm$/ },
  { username: "baclieu.mttq", landing: /\/bang-dieu-khien$/, heading: /^Bảng điều khiển — Phường Bạc Liêu$/ },
  { username: "baclieu.congan", landing: /\/tin-bao$/, heading: /^Tin báo tội phạm$/ },
  {
    username: "baclieu.phunu",
    landing: /\/bang-dieu-khien$/,
    heading: /^Bảng điều khiển — Phường Bạc Liêu$/,
  },
  { username: "khom1.baclieu", landing: /\/thu-thap$/, heading: /^Ghi nhận nhanh$/, phone: true },
  { username: "anxuyen.mttq", landing: /\/bang-dieu-khien$/, heading: /^Bảng điều khiển — Phường An Xuyên$/ },
  { username: "baclieu.hoso", landing: /\/ho-so$/, heading: /^Hồ sơ/ },
];

/** The page's h1 once its content has loaded (no loader left in the main region). */
async function settled(page: Page): Promise<string> {
  const h1 = page.locator("main h1").first();
  await h1.waitFor();
  await page
    .waitForFunction(() => !document.querySelector("main .mantine-Loader-root"), null, { timeout: 15_000 })
    .catch(() => undefined);
  return (await h1.innerText()).trim();
}

/**
 * Pages axe has checked, by viewport and path. Every page each role reaches is loaded and read;
 * axe runs on every landing page, on every page on the phone, and on each other page once (the
 * same page for a second account of the same shape adds time, not findings).
 */
const axeChecked = new Set<string>();

async function checkPage(page: Page, where: string, phone: boolean, always = false) {
  await settled(page);
  const text = await page.locator("body").innerText();
  for (const pattern of DEVELOPER_TEXT) {
    assert.doesNotMatch(text, pattern, `developer text ${pattern} on ${where}`);
  }
  const key = `${phone ? "phone" : "desktop"} ${new URL(page.url()).pathname}`;
  if (always || phone || !axeChecked.has(key)) {
    axeChecked.add(key);
    await assertNoSeriousA11yViolations(page, where);
  }
  if (phone) assert.equal(await hasHorizontalScroll(page), false, `no sideways scroll on ${where}`);
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Điều hướng chính" });

void describe("every demo role", () => {
  for (const role of ROLES) {
    void test(
      `${role.username} lands on its work page and every page of its menu reads clean`,
      // The national administrator's menu is the longest (15+ pages, most read by axe here first):
      // 75 s on a slow 2-core machine, so the limit leaves room for a busier one.
      { timeout: 240_000 },
      async () => {
        const context = await journey.browser.newContext(
          role.phone
            ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
            : { viewport: { width: 1280, height: 900 } },
        );
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const phone = role.phone ?? false;
        await signIn(page, journey.baseUrl, role.username);
        assert.match(new URL(page.url()).pathname, role.landing, `${role.username} lands on its work page`);
        assert.match(await settled(page), role.heading);
        await checkPage(page, `the landing page of ${role.username}`, phone, true);

        const home = new URL(page.url()).pathname;
        if (phone) await page.getByRole("button", { name: "Mở menu điều hướng" }).click();
        const entries = await nav(page).getByRole("link").allInnerTexts();
        assert.ok(entries.length >= 3, `${role.username} has a menu`);
        if (phone) await page.getByRole("button", { name: "Đóng menu điều hướng" }).click();
        for (const entry of entries) {
          const name = entry.trim();
          if (phone) await page.getByRole("button", { name: "Mở menu điều hướng" }).click();
          const link = nav(page).getByRole("link", { name, exact: true });
          const href = await link.getAttribute("href");
          await link.click();
          await page.waitForURL((url) => url.pathname === href);
          await checkPage(page, `${name} (${href}) as ${role.username}`, phone);
          // The capture screens have their own light frame, without the console's menu: back to it.
          if (href?.startsWith("/thu-thap") && !home.startsWith("/thu-thap")) {
            await page.goBack();
            await page.waitForURL((url) => !url.pathname.startsWith("/thu-thap"));
          }
        }
        await context.close();
      },
    );
  }
});
