import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();
const phone = { viewport: { width: 390, height: 844 } };

/** The field's own message, under it, and the field marked invalid. */
async function flagged(page: Page, label: RegExp | string, message: string) {
  const field = page.getByLabel(label).first();
  assert.equal(await field.getAttribute("aria-invalid"), "true", `${String(label)} is flagged`);
  const id = await field.getAttribute("id");
  assert.equal((await page.locator(`#${id}-err`).innerText()).trim(), message);
}

/** A code shown in groups, none of them broken across lines. */
async function groupsOnOneLine(page: Page, selector: string) {
  const lines = await page
    .locator(`${selector} .g`)
    .evaluateAll((els) => els.map((el) => el.getClientRects().length));
  assert.ok(lines.length >= 2, `${selector} is shown in groups`);
  assert.ok(
    lines.every((n) => n === 1),
    `no group of ${selector} wraps: ${lines.join(",")}`,
  );
}

void test(
  "a citizen sends a tip on a phone: every missing field flagged, dd/mm/yyyy, a receipt to keep, a plain error for a wrong secret",
  { timeout: 180_000 },
  async () => {
    const base = journey.baseUrl;
    const page = await journey.newPage(phone);
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "113" }).first().waitFor();
    assert.equal(await page.getByRole("link", { name: "113" }).first().getAttribute("href"), "tel:113");
    assert.equal(await page.getByText("AES", { exact: false }).count(), 0, "no cipher names for citizens");
    await assertNoSeriousA11yViolations(page, "the home page");

    await page.getByRole("navigation").getByRole("link", { name: "Tố giác tội phạm" }).click();
    await page.getByRole("heading", { level: 1, name: "Tố giác, tin báo về tội phạm" }).waitFor();
    await page.getByRole("button", { name: "Gửi tin báo" }).click();
    await flagged(page, "Loại vụ việc (bắt buộc)", "Chọn loại vụ việc");
    await flagged(page, /^Nội dung/, "Nhập nội dung tin báo (tối thiểu 10 ký tự)");
    await flagged(page, /^Tỉnh, thành phố/, "Chọn tỉnh, thành phố");
    await assertNoSeriousA11yViolations(page, "the tip form with its errors");

    await page.getByLabel("Loại vụ việc (bắt buộc)").selectOption({ label: "Ma túy" });
    await page.getByLabel(/^Nội dung/).fill("Nhà cuối hẻm 7 có người bán ma túy, khách ra vào từ 22 giờ.");
    await page.getByLabel(/^Tỉnh, thành phố/).selectOption({ label: "Tỉnh Cà Mau" });
    const commune = page.getByLabel(/^Xã, phường/);
    await commune.locator("option", { hasText: "Phường Bạc Liêu" }).waitFor({ state: "attached" });
    await commune.selectOption({ label: "Phường Bạc Liêu" });
    // A phone's number pad has no "/": the date is laid out as the digits are typed.
    const date = page.getByLabel(/^Ngày xảy ra/);
    assert.equal(await date.getAttribute("type"), "text");
    assert.equal(await date.getAttribute("inputmode"), "numeric");
    await date.pressSequentially("05112026");
    assert.equal(await date.inputValue(), "05/11/2026");
    await page.getByRole("button", { name: "Gửi tin báo" }).click();

    const receipt = page.getByRole("region", { name: "Đã tiếp nhận tin báo" });
    await receipt.or(page.locator("#form-error:not(:empty)")).waitFor();
    assert.equal(await page.locator("#form-error").innerText(), "", "the form was accepted");
    const code = (await page.locator("#r-code").innerText()).trim();
    const secret = (await page.locator("#r-secret").innerText()).trim();
    assert.match(code, /^T[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    assert.match(secret, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await groupsOnOneLine(page, "#r-secret");
    assert.equal(await hasHorizontalScroll(page), false, "the receipt fits the phone");
    await page.getByRole("button", { name: "Sao chép hai mã" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /sao chép/ })
      .waitFor();
    await page.getByRole("button", { name: "Lưu/in biên nhận" }).waitFor();
    await assertNoSeriousA11yViolations(page, "the tip receipt");
    await page.getByLabel("Tôi đã lưu mã tiếp nhận và mã bí mật").check();
    await page.getByRole("button", { name: "Hoàn tất" }).click();
    await page.waitForURL(`${base}/tra-cuu`);

    // A mistyped secret: the reason, with no technical prefix, on the field.
    await page.getByLabel("Mã tiếp nhận").fill(code);
    await page.getByLabel("Mã bí mật").fill("abc");
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.locator("#form-error:not(:empty)").waitFor();
    assert.equal((await page.locator("#form-error").innerText()).trim(), "Mã bí mật không hợp lệ");
    await flagged(page, "Mã bí mật", "Mã bí mật không hợp lệ");
    await assertNoSeriousA11yViolations(page, "the look-up with a mistyped secret");
    // A wrong secret: the same answer as an unknown code.
    await page.getByLabel("Mã bí mật").fill("AAAAA-BBBBB-CCCCC-DDDDD");
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.locator("#form-error", { hasText: "Mã tiếp nhận hoặc mã bí mật không đúng." }).waitFor();
    await page.getByLabel("Mã bí mật").fill(secret);
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.getByText("Đã tiếp nhận", { exact: true }).waitFor();
    assert.equal(await page.locator("#form-error").innerText(), "");
    await assertNoSeriousA11yViolations(page, "the look-up result");
    await page.context().close();
  },
);

void test(
  "a citizen sends feedback and is told feedback was received, with its due date",
  { timeout: 120_000 },
  async () => {
    const base = journey.baseUrl;
    const page = await journey.newPage(phone);
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/phan-anh`);
    await page.getByRole("button", { name: "Gửi kiến nghị, phản ánh" }).click();
    await flagged(page, /^Hình thức/, "Chọn hình thức");
    await flagged(page, /^Lĩnh vực/, "Chọn lĩnh vực");
    await flagged(page, /^Tiêu đề/, "Nhập tiêu đề");
    await flagged(page, /^Tỉnh, thành phố/, "Chọn tỉnh, thành phố");
    await assertNoSeriousA11yViolations(page, "the feedback form with its errors");
    await page.getByLabel(/^Hình thức/).selectOption({ label: "Kiến nghị" });
    await page.getByLabel(/^Lĩnh vực/).selectOption({ label: "Phong trào ở khu dân cư" });
    await page.getByLabel(/^Tiêu đề/).fill("Đèn đường hẻm 5 hỏng");
    await page.getByLabel(/^Nội dung/).fill("Đèn đường hẻm 5 khóm 1 hỏng nhiều tuần, ban đêm rất tối.");
    await page.getByLabel(/^Tỉnh, thành phố/).selectOption({ label: "Tỉnh Cà Mau" });
    await page.getByRole("button", { name: "Gửi kiến nghị, phản ánh" }).click();
    const receipt = page.getByRole("region", { name: "Đã tiếp nhận kiến nghị, phản ánh" });
    await receipt.or(page.locator("#form-error:not(:empty)")).waitFor();
    assert.equal(await page.locator("#form-error").innerText(), "", "the form was accepted");
    assert.equal(await page.getByText("Đã tiếp nhận tin báo").count(), 0);
    assert.match((await page.locator("#r-due").innerText()).trim(), /^\d{2}\/\d{2}\/\d{4}$/);
    await groupsOnOneLine(page, "#r-secret");
    await assertNoSeriousA11yViolations(page, "the feedback receipt");
    await page.context().close();
  },
);

void test(
  "/thong-ke on a phone: figures and a chart first, the table on demand, no sideways scroll",
  { timeout: 120_000 },
  async () => {
    const base = journey.baseUrl;
    const page = await journey.newPage(phone);
    await page.goto(`${base}/thong-ke`);
    await page.getByRole("heading", { level: 1, name: "Thống kê công khai" }).waitFor();
    assert.equal(await hasHorizontalScroll(page), false, "no sideways scroll");
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 3000, `the page is ${height} px tall on a phone`);
    assert.ok((await page.locator("ol.bars li").count()) > 0, "a bar chart of the provinces with figures");
    const table = page.getByRole("region", { name: "Bảng kết quả phong trào theo tỉnh, thành phố" });
    assert.equal(await table.isVisible(), false, "the full table waits to be asked for");
    await assertNoSeriousA11yViolations(page, "/thong-ke");
    await page.getByText("Xem bảng đầy đủ theo tỉnh, thành phố").click();
    await table.waitFor();
    const cells = await table.locator("tbody td").allInnerTexts();
    assert.ok(cells.length > 0);
    assert.ok(!cells.includes("0"), "no column of zeros: nothing recorded reads “–”");
    assert.equal(await hasHorizontalScroll(page), false, "the open table scrolls inside its box");
    await assertNoSeriousA11yViolations(page, "/thong-ke with the table open");
    await page.context().close();
  },
);

void test(
  "the register of good people and /verify share the portal's layout; a certificate names its ward and province",
  { timeout: 120_000 },
  async () => {
    const base = journey.baseUrl;
    const page = await journey.newPage(phone);
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/`);
    await page.getByRole("navigation").getByRole("link", { name: "Người tốt, việc tốt" }).click();
    await page.waitForURL(`${base}/nguoi-tot-viec-tot`);
    await page.getByRole("heading", { level: 1, name: "Người tốt, việc tốt" }).waitFor();
    const main = await page.locator("main h1").boundingBox();
    assert.ok(main && main.x >= 12, `side padding on a phone (h1 at x=${main?.x})`);
    assert.equal(await hasHorizontalScroll(page), false);
    await assertNoSeriousA11yViolations(page, "/nguoi-tot-viec-tot");

    // The certificate code of the demo Khóm 1, as its ward's Front reads it in the console.
    const front = await journey.newPage();
    await signIn(front, base, "baclieu.mttq");
    const cycles = (await (
      await front.request.get(`${base}/api/v1/certification/cycles?status=recognised&limit=50`)
    ).json()) as { items: { id: string; orgUnitName: string }[] };
    const area = cycles.items.find((c) => c.orgUnitName === "Khóm 1");
    assert.ok(area, "the demo has a recognised Khóm 1");
    const cycle = (await (
      await front.request.get(`${base}/api/v1/certification/cycles/${area.id}`)
    ).json()) as {
      certificateCode: string;
    };
    await front.context().close();

    await page.goto(`${base}/verify`);
    await page.getByRole("heading", { level: 1, name: "Tra cứu giấy công nhận" }).waitFor();
    await assertNoSeriousA11yViolations(page, "/verify");
    await page.getByLabel("Mã giấy công nhận").fill(cycle.certificateCode);
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.getByRole("heading", { level: 1, name: "Giấy công nhận hợp lệ" }).waitFor();
    await page.getByText("Khóm 1, Phường Bạc Liêu, tỉnh Cà Mau").waitFor();
    // The authority that recognised it, named (not "… cấp xã").
    await page.getByText("Chủ tịch Ủy ban nhân dân phường Bạc Liêu", { exact: true }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Thống kê" }).waitFor();
    assert.equal(await hasHorizontalScroll(page), false);
    await assertNoSeriousA11yViolations(page, "/verify/<code>");
    const res = await page.goto(`${base}/verify/ABCD-EFGH-2345-6789`);
    assert.equal(res?.status(), 404);
    await page.getByRole("heading", { level: 1, name: "Không tìm thấy giấy công nhận" }).waitFor();
    await assertNoSeriousA11yViolations(page, "/verify with an unknown code");
    await page.context().close();
  },
);
