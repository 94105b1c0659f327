import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();
const NAME = "Khu vực bến xe cũ, Khóm 1";

void test(
  "the ward police follow a hotspot: the list, its plan and history, a new observation",
  { timeout: 150_000 },
  async () => {
    const base = journey.baseUrl;
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await journey.newPage({ viewport });
      page.setDefaultTimeout(20_000);
      const where = viewport.width < 500 ? "on a phone" : "on a desktop";
      await signIn(page, base, "baclieu.congan");
      await page.goto(`${base}/dia-ban-trong-diem`);
      await page.getByRole("heading", { level: 1, name: /Địa bàn trọng điểm/ }).waitFor();
      const row = page.getByRole("row", { name: new RegExp(NAME) });
      await row.waitFor();
      assert.match(await row.innerText(), /Đang chuyển hóa/, "the status is shown in words");
      assert.equal(await hasHorizontalScroll(page), false, `the list fits ${where}`);
      await assertNoSeriousA11yViolations(page, `the hotspot list ${where}`);

      await page.getByRole("button", { name: "Xác định địa bàn" }).click();
      await page.getByRole("dialog").waitFor();
      await assertNoSeriousA11yViolations(page, `the designation form ${where}`);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "hidden" });

      await row.getByRole("link", { name: NAME }).click();
      await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Kế hoạch chuyển hóa" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Lịch sử trạng thái" }).waitFor();
      assert.equal(await hasHorizontalScroll(page), false, `the hotspot page fits ${where}`);
      await assertNoSeriousA11yViolations(page, `a hotspot's page ${where}`);
    }

    const page = await journey.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, base, "baclieu.congan");
    await page.goto(`${base}/dia-ban-trong-diem`);
    await page.getByRole("link", { name: NAME }).click();
    await page.getByRole("button", { name: "Ghi nhận diễn biến" }).click();
    const dialog = page.getByRole("dialog", { name: "Ghi nhận diễn biến" });
    await dialog.getByLabel("Nội dung").fill("Tuần tra đêm, không phát hiện tụ tập.");
    await dialog.getByLabel("Số vụ việc").fill("0");
    await assertNoSeriousA11yViolations(page, "the observation form");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("cell", { name: "Tuần tra đêm, không phát hiện tụ tập." }).waitFor();
    await assertNoSeriousA11yViolations(page, "the hotspot with a new observation");
  },
);
