import assert from "node:assert/strict";
import { test } from "node:test";
import { signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

void test(
  "the residential-area cadre opens the capture screens offline, records two things, and they arrive once when online",
  { timeout: 120_000 },
  async () => {
    const page = await journey.newPage({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    page.setDefaultTimeout(20_000);
    const base = journey.baseUrl;
    const stamp = Date.now().toString(36);
    const title = `Họp tổ ngoại tuyến ${stamp}`;
    const head = `Nguyễn Văn Ngoại ${stamp}`;

    await signIn(page, base, "khom1.baclieu");
    await page.goto(`${base}/thu-thap`);
    await page.getByRole("heading", { level: 1, name: "Ghi nhận nhanh" }).waitFor();
    await page.getByText(/Dữ liệu địa bàn cập nhật lúc/).waitFor();
    // The worker has installed and precached the shell (one online visit).
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    const network = (offline: boolean) =>
      cdp.send("Network.emulateNetworkConditions", {
        offline,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    await network(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Ghi nhận nhanh" }).waitFor();
    await page.getByText("Không có mạng — bản ghi được lưu trên máy").waitFor();
    if (process.env.CAPTURE_SHOTS) {
      await page.screenshot({ path: `${process.env.CAPTURE_SHOTS}/hub-offline.png`, fullPage: true });
    }

    await page.getByRole("link", { name: /Hoạt động mới/ }).click();
    await page.getByRole("heading", { level: 1, name: "Hoạt động mới" }).waitFor();
    await page.getByRole("checkbox").first().check({ force: true });
    await page.getByLabel("Nội dung (không bắt buộc)").fill(title);
    await page.getByLabel("Người tham dự").fill("27");
    if (process.env.CAPTURE_SHOTS) {
      await page.screenshot({ path: `${process.env.CAPTURE_SHOTS}/activity.png`, fullPage: true });
    }
    await page.getByRole("button", { name: "Lưu vào máy" }).click();
    await page.getByText("Đã lưu trên máy. Bản ghi sẽ được gửi khi có mạng.").waitFor();

    await page.goto(`${base}/thu-thap/ho-gia-dinh`).catch(() => {}); // offline: the worker answers
    await page.getByRole("heading", { level: 1, name: "Hộ gia đình, cam kết" }).waitFor();
    await page.getByLabel("Họ tên chủ hộ").fill(head);
    await page.getByLabel("Địa chỉ").fill("Số 9, Khóm 1");
    await page.getByLabel("Số nhân khẩu").fill("4");
    await page.getByRole("button", { name: "Lưu vào máy" }).click();
    await page.getByText("Đã lưu trên máy. Bản ghi sẽ được gửi khi có mạng.").waitFor();

    if (process.env.CAPTURE_SHOTS) {
      await page.screenshot({ path: `${process.env.CAPTURE_SHOTS}/household-saved.png`, fullPage: true });
    }
    // Activity, household and its commitment wait on the phone.
    assert.equal(await page.getByTestId("outbox-badge").innerText(), "3");

    await network(false);
    await page.getByRole("link", { name: "Về trang ghi nhận" }).first().click();
    await page
      .getByRole("button", { name: "Gửi ngay" })
      .click()
      .catch(() => {});
    await page.getByTestId("outbox-count").filter({ hasText: "Không có bản ghi chờ gửi" }).waitFor();

    const api = page.context().request;
    const activities = (await (await api.get(`${base}/api/v1/activities?limit=100`)).json()) as {
      items: { title: string | null; attendees: number }[];
    };
    const mine = activities.items.filter((a) => a.title === title);
    assert.equal(mine.length, 1, "the activity arrived once");
    assert.equal(mine[0]!.attendees, 27);
    const households = (await (
      await api.get(`${base}/api/v1/households?q=${encodeURIComponent(head)}`)
    ).json()) as { items: { headName: string; lastSignedYear: number | null }[] };
    assert.equal(households.items.length, 1, "the household arrived once");
    assert.ok(households.items[0]!.lastSignedYear, "with its commitment");
  },
);
