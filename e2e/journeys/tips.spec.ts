import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

void test(
  "the public pages are light and accessible on a phone, in Vietnamese and English",
  { timeout: 120_000 },
  async () => {
    const context = await journey.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const base = journey.baseUrl;
    const scripts: string[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.url());
    });
    for (const path of [
      "/",
      "/to-giac",
      "/phan-anh",
      "/tra-cuu",
      "/thong-ke",
      "/?lang=en",
      "/to-giac?lang=en",
    ]) {
      await page.goto(`${base}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      assert.equal(await hasHorizontalScroll(page), false, `no sideways scroll on ${path}`);
      await assertNoSeriousA11yViolations(page, path);
    }
    // No React or Mantine on public pages: at most the portal's own small script.
    assert.ok(
      scripts.every((u) => /\/assets\/portal-[\w-]+\.js$/.test(u)),
      `scripts: ${scripts.join(", ")}`,
    );
    await page.goto(`${base}/`);
    await page.getByRole("heading", { level: 2, name: "Cảnh báo phương thức, thủ đoạn tội phạm" }).waitFor();
    await page
      .getByRole("link", { name: "Cảnh báo thủ đoạn giả danh công an gọi điện yêu cầu chuyển tiền" })
      .click();
    await page.waitForURL(/\/tin-tuc\/canh-bao-thu-doan-gia-danh-cong-an-goi-dien-yeu-cau-chuyen-tien$/);
    await context.close();
  },
);

void test(
  "a citizen sends a tip, keeps the code and secret, the ward police answer and the citizen reads it",
  { timeout: 180_000 },
  async () => {
    const base = journey.baseUrl;
    const citizen = await journey.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await citizen.newPage();
    page.setDefaultTimeout(20_000);
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));

    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "Gửi tin báo tội phạm" }).click();
    await page.getByRole("heading", { level: 1, name: "Tố giác, tin báo về tội phạm" }).waitFor();
    await page.getByLabel("Loại vụ việc").selectOption({ label: "Ma túy" });
    await page
      .getByLabel(/^Nội dung/)
      .fill("Nhà cuối hẻm 7 đường Hai Bà Trưng có người bán ma túy, khách ra vào từ 22 giờ.");
    await page.getByLabel(/^Tỉnh, thành phố/).selectOption({ label: "Tỉnh Cà Mau" });
    const commune = page.getByLabel(/^Xã, phường/);
    await commune.locator("option", { hasText: "Phường Bạc Liêu" }).waitFor({ state: "attached" });
    await commune.selectOption({ label: "Phường Bạc Liêu" });
    await page.getByRole("button", { name: "Gửi tin báo" }).click();

    const receipt = page.getByRole("region", { name: "Đã tiếp nhận tin báo" });
    await receipt.or(page.locator("#form-error:not(:empty)")).waitFor();
    assert.equal(await page.locator("#form-error").innerText(), "", "the form was accepted");
    const code = (await page.locator("#r-code").innerText()).trim();
    const secret = (await page.locator("#r-secret").innerText()).trim();
    assert.match(code, /^T[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    assert.match(secret, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await assertNoSeriousA11yViolations(page, "the receipt");
    const done = page.getByRole("button", { name: "Hoàn tất" });
    assert.equal(await done.isDisabled(), true, "done only after confirming the codes are kept");
    await page.getByLabel("Tôi đã lưu mã tiếp nhận và mã bí mật").check();
    await done.click();
    await page.waitForURL(`${base}/tra-cuu`);

    const lookUp = async () => {
      await page.getByLabel("Mã tiếp nhận").fill(code);
      await page.getByLabel("Mã bí mật").fill(secret);
      await page.getByRole("button", { name: "Tra cứu" }).click();
    };
    await lookUp();
    await page.getByText("Đã tiếp nhận", { exact: true }).waitFor();
    assert.ok(
      urls.every((u) => !u.includes(secret) && !u.includes(secret.replace(/-/g, ""))),
      "secret never in a URL",
    );

    // The ward police read it in their inbox and write back.
    const policeCtx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const police = await policeCtx.newPage();
    police.setDefaultTimeout(20_000);
    await signIn(police, base, "baclieu.congan");
    await police.goto(`${base}/tin-bao`);
    await police.getByRole("heading", { level: 1, name: "Tin báo tội phạm" }).waitFor();
    await police.getByRole("link", { name: code }).click();
    await police.getByText("Nhà cuối hẻm 7 đường Hai Bà Trưng").waitFor();
    await assertNoSeriousA11yViolations(police, "the tip page");
    await police
      .getByLabel("Tin nhắn cho người báo tin")
      .fill("Công an phường Bạc Liêu đã tiếp nhận tin báo. Cảm ơn anh/chị.");
    await police.getByRole("button", { name: "Gửi", exact: true }).click();
    await police.getByText("Công an phường Bạc Liêu đã tiếp nhận tin báo. Cảm ơn anh/chị.").waitFor();
    // Triage is chosen, then confirmed, then reported.
    await police.getByLabel("Mức độ").selectOption({ label: "Khẩn" });
    await police.getByRole("button", { name: "Lưu" }).click();
    const dialog = police.getByRole("dialog", { name: "Phân loại" });
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await police.getByRole("status").filter({ hasText: "Đã lưu phân loại: Khẩn." }).waitFor();
    await police.getByText("Đang xác minh").first().waitFor();

    // The Front of the same ward sees counts only, and no tip content.
    const frontCtx = await journey.browser.newContext();
    const front = await frontCtx.newPage();
    await signIn(front, base, "baclieu.mttq");
    await front.goto(`${base}/tin-bao`);
    await front.getByRole("heading", { level: 2, name: "Số liệu tin báo (chỉ số lượng)" }).waitFor();
    assert.equal(await front.getByText(code).count(), 0);

    // The citizen reads the answer and replies.
    await page.reload();
    await lookUp();
    await page.getByText("Công an phường Bạc Liêu đã tiếp nhận tin báo. Cảm ơn anh/chị.").waitFor();
    await page.getByText("Đang xác minh").waitFor();
    await page.getByLabel("Bổ sung thông tin hoặc trả lời").fill("Xe máy biển số 94 thường đến lúc 22 giờ.");
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    await page.getByText("Xe máy biển số 94 thường đến lúc 22 giờ.").waitFor();

    await policeCtx.close();
    await frontCtx.close();
    await citizen.close();
  },
);
