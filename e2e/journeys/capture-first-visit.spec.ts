import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertNoSeriousA11yViolations, hasHorizontalScroll } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

/**
 * A first visit of the capture screens on a slow line (issue 18): the server sends the hub and the
 * activity form as plain HTML, usable before the app's scripts arrive. Without the scripts the form
 * is an ordinary POST the server takes through the activity route (CSRF, contract, Idempotency-Key);
 * when the scripts arrive, what was typed goes on in the app's own form.
 */
const journey = useJourney();
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function signInByApi(page: Page) {
  const res = await page.context().request.post(`${journey.baseUrl}/api/v1/auth/login`, {
    data: { username: "khom1.baclieu", password: "demo12345" },
  });
  assert.equal(res.status(), 200);
}

async function titled(page: Page, title: string) {
  const res = await page.context().request.get(`${journey.baseUrl}/api/v1/activities?limit=100`);
  const body = (await res.json()) as { items: { title: string | null; attendees: number }[] };
  return body.items.filter((a) => a.title === title);
}

void test(
  "with no scripts, the cadre fills the hub's activity form, a refusal comes back on its field, and the record is stored once",
  { timeout: 120_000 },
  async () => {
    const page = await journey.newPage({ ...PHONE, javaScriptEnabled: false });
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    const title = `Họp khóm trước khi tải xong ${Date.now().toString(36)}`;
    await signInByApi(page);
    await page.goto(`${base}/thu-thap`);
    await page.getByRole("heading", { level: 1, name: "Ghi nhận nhanh" }).waitFor();
    await page.getByText("Địa bàn: Khóm 1").waitFor();
    await page.getByText("Hoạt động mới", { exact: true }).click();
    await page.getByLabel("Nội dung (không bắt buộc)").fill(title);
    await page.getByLabel("Người tham dự").fill("1.157");
    // No organiser ticked: the contract's message, on the organisers, the values kept.
    await page.getByRole("button", { name: "Lưu hoạt động" }).click();
    await page.getByText("Cần ít nhất một đơn vị tổ chức").waitFor();
    assert.equal(await page.getByLabel("Nội dung (không bắt buộc)").inputValue(), title);
    assert.equal(await page.getByLabel("Người tham dự").inputValue(), "1.157");
    assert.equal((await titled(page, title)).length, 0, "nothing stored on a refusal");

    await page.getByRole("checkbox").first().check();
    const form = page.locator("#td-first-capture");
    const fields = await form.evaluate((f: HTMLFormElement) => {
      const pairs: [string, string][] = [];
      // A loop, not forEach: a page with scripts off runs no callback.
      for (const [k, v] of new FormData(f) as unknown as Iterable<[string, FormDataEntryValue]>) {
        if (typeof v === "string") pairs.push([k, v]);
      }
      return pairs;
    });
    await page.getByRole("button", { name: "Lưu hoạt động" }).click();
    await page.getByText("Đã gửi hoạt động lên máy chủ.").waitFor();
    const stored = await titled(page, title);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.attendees, 1157, "1.157 typed as the Vietnamese thousands");

    // The same form sent again (a double tap, a resend after a lost answer): still one record.
    const post = (pairs: [string, string][]) =>
      page.context().request.post(`${base}/thu-thap/hoat-dong`, {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        data: new URLSearchParams(pairs).toString(),
        maxRedirects: 0,
      });
    const again = await post(fields);
    assert.equal(again.status(), 303);
    assert.equal((await titled(page, title)).length, 1, "a form sent twice is stored once");

    // A post without the session's CSRF token is refused, and stores nothing.
    const forged = fields.map(([k, v]): [string, string] =>
      k === "_csrf" ? [k, "forged"] : k === "clientId" ? [k, crypto.randomUUID()] : [k, v],
    );
    const refused = await post(forged);
    assert.equal(refused.status(), 403);
    assert.equal((await titled(page, title)).length, 1, "a forged post stores nothing");
  },
);

void test(
  "what the cadre typed before the scripts arrived goes on in the app's form and is saved on the phone",
  { timeout: 120_000 },
  async () => {
    const page = await journey.newPage(PHONE);
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    const title = `Tuyên truyền khi mạng chậm ${Date.now().toString(36)}`;
    await signInByApi(page);
    // The scripts are held until the form is filled: a slow line, made certain.
    let release!: () => void;
    const arrived = new Promise<void>((r) => (release = r));
    await page.route("**/assets/*.js", async (route) => {
      await arrived;
      await route.continue();
    });
    await page.goto(`${base}/thu-thap`, { waitUntil: "commit" });
    await page.getByText("Hoạt động mới", { exact: true }).click();
    await page.getByLabel("Loại hoạt động").selectOption("propaganda_session");
    await page.getByRole("checkbox").first().check();
    // A body of the commune above co-organised: ticked under the upper levels.
    await page.getByText("+ Đơn vị cấp trên cùng tổ chức").click();
    const upperBox = page.locator("#td-first-capture fieldset details input[name=organizerBodyIds]").first();
    await upperBox.check();
    const upperId = await upperBox.getAttribute("value");
    await page.getByLabel("Nội dung (không bắt buộc)").fill(title);
    await page.getByLabel("Người tham dự").fill("42");
    // The server's page reads clean and fits the phone.
    await assertNoSeriousA11yViolations(page, "the first visit's server-rendered hub and form");
    assert.equal(await hasHorizontalScroll(page), false, "no sideways scroll at 360 px");
    release();

    // The app takes the page over on its activity form, with what was typed.
    await page.getByRole("heading", { level: 1, name: "Hoạt động mới" }).waitFor();
    await page.waitForURL(`${base}/thu-thap/hoat-dong`);
    const titleBox = page.getByLabel("Nội dung (không bắt buộc)");
    await titleBox.waitFor();
    assert.equal(await titleBox.inputValue(), title);
    assert.equal(await page.getByLabel("Người tham dự").inputValue(), "42");
    assert.equal(await page.getByLabel("Loại hoạt động").inputValue(), "propaganda_session");
    // The upper levels are open, with the body ticked there.
    assert.ok(await page.locator(`input[type=checkbox][value="${upperId}"]`).isChecked());
    await page.getByRole("button", { name: "Lưu vào máy" }).click();
    await page.getByText("Đã lưu trên máy. Bản ghi sẽ được gửi khi có mạng.").waitFor();
    await page.getByRole("link", { name: "Về trang ghi nhận" }).first().click();
    await page.getByTestId("outbox-count").filter({ hasText: "Không có bản ghi chờ gửi" }).waitFor();
    const stored = await titled(page, title);
    assert.equal(stored.length, 1, "sent from the outbox once");
    assert.equal(stored[0]!.attendees, 42);
  },
);
