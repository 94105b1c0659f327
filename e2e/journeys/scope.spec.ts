import assert from "node:assert/strict";
import { test } from "node:test";
import { hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

let bacLieuWardId = "";

const NOT_FOUND = "Không tìm thấy hoặc bạn không có quyền xem";

/** The id of Phường Bạc Liêu (official code 31825), read through the API as the administrator. */
async function wardIdAsAdmin(base: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "demo12345" }),
  });
  assert.equal(login.status, 200, "the admin can sign in through the API");
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/v1/org-units?code=31825&kind=commune`, { headers: { cookie } });
  assert.equal(res.status, 200);
  const page = (await res.json()) as { items: { id: string; fullName: string }[] };
  assert.equal(page.items.length, 1, "exactly one current commune has code 31825");
  assert.equal(page.items[0]!.fullName, "Phường Bạc Liêu");
  return page.items[0]!.id;
}

const journey = useJourney({
  setUp: async ({ baseUrl }) => {
    bacLieuWardId = await wardIdAsAdmin(baseUrl);
  },
});

void test(
  "another ward's officer gets 'not found or no permission' for Phường Bạc Liêu",
  { timeout: 90_000 },
  async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    await signIn(page, base, "anxuyen.mttq");
    await page.goto(`${base}/don-vi`);

    // Control: the officer's own ward opens, so the refusal below is about scope, not a broken page.
    await page.getByRole("link", { name: "Phường An Xuyên", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Phường An Xuyên" }).waitFor();

    const answer = page.waitForResponse((r) => r.url().includes(`/api/v1/org-units/${bacLieuWardId}`));
    await page.goto(`${base}/don-vi/${bacLieuWardId}`);
    assert.equal((await answer).status(), 404, "the API hides the unit outside the officer's scope");
    await page.getByRole("heading", { level: 1, name: NOT_FOUND }).waitFor();
    assert.equal(await page.getByRole("heading", { name: "Phường Bạc Liêu" }).count(), 0);
    assert.equal(await page.getByText("Công an Phường Bạc Liêu").count(), 0);

    await page.goto(`${base}/khong-co-trang-nay`);
    await page.getByRole("heading", { level: 1, name: NOT_FOUND }).waitFor();
    await context.close();
  },
);

void test(
  "on a 375 px phone the console has no horizontal scroll and the navigation folds away",
  { timeout: 90_000 },
  async () => {
    const context = await journey.browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    await signIn(page, base, "anxuyen.mttq");
    await page.goto(`${base}/don-vi`);
    await page.getByRole("heading", { level: 1, name: "Đơn vị" }).waitFor();
    await page.getByLabel("Tìm đơn vị").fill("an xuyen");
    await page
      .getByRole("list", { name: "Kết quả tìm kiếm" })
      .getByRole("link", { name: "Phường An Xuyên" })
      .first()
      .waitFor();
    assert.equal(await hasHorizontalScroll(page), false, "the units page fits 375 px");

    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    const navLink = nav.getByRole("link", { name: "Đơn vị", exact: true });
    assert.equal(await navLink.isVisible(), false, "the navigation starts folded on a phone");
    await page.getByRole("button", { name: "Mở menu điều hướng" }).click();
    await navLink.waitFor({ state: "visible" });
    assert.equal(await hasHorizontalScroll(page), false, "the open navigation fits 375 px");
    await page.getByRole("button", { name: "Đóng menu điều hướng" }).click();
    await navLink.waitFor({ state: "hidden" });

    await page
      .getByRole("list", { name: "Kết quả tìm kiếm" })
      .getByRole("link", { name: "Phường An Xuyên" })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Phường An Xuyên" }).waitFor();
    await page.getByRole("region", { name: "Tổ chức, lực lượng", exact: true }).waitFor();
    assert.equal(await hasHorizontalScroll(page), false, "the unit page fits 375 px");
    await context.close();
  },
);
