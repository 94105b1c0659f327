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
    // Activity, household and its commitment wait on the phone. The badge follows the device store
    // through a live query that is told of the write after it commits, so it is awaited, not read once.
    const badge = page.getByTestId("outbox-badge");
    await badge.filter({ hasText: /^3$/ }).waitFor();
    assert.equal(await badge.innerText(), "3");

    // On reconnect the waiting records go out in one batch (POST /sync/batch).
    const batches: { entries: { operation: string }[] }[] = [];
    const alone: string[] = [];
    page.on("request", (r) => {
      if (r.method() !== "POST" && r.method() !== "PATCH") return;
      const { pathname } = new URL(r.url());
      if (pathname === "/api/v1/sync/batch") batches.push(r.postDataJSON() as (typeof batches)[number]);
      else if (/^\/api\/v1\/(activities|households)$/.test(pathname)) alone.push(pathname);
    });
    await network(false);
    await page.getByRole("link", { name: "Về trang ghi nhận" }).first().click();
    await page
      .getByRole("button", { name: "Gửi ngay" })
      .click()
      .catch(() => {});
    await page.getByTestId("outbox-count").filter({ hasText: "Không có bản ghi chờ gửi" }).waitFor();

    const api = page.context().request;
    const activities = (await (await api.get(`${base}/api/v1/activities?limit=100`)).json()) as {
      items: { id: string; title: string | null; attendees: number }[];
    };
    const mine = activities.items.filter((a) => a.title === title);
    assert.equal(mine.length, 1, "the activity arrived once");
    assert.equal(mine[0]!.attendees, 27);
    const households = (await (
      await api.get(`${base}/api/v1/households?q=${encodeURIComponent(head)}`)
    ).json()) as { items: { id: string; headName: string; lastSignedYear: number | null }[] };
    assert.equal(households.items.length, 1, "the household arrived once");
    assert.ok(households.items[0]!.lastSignedYear, "with its commitment");
    assert.deepEqual(alone, [], "neither the activity nor the household went alone");
    // The commitment names its household by the household's client id; the server fills in the id.
    assert.deepEqual(
      batches[0]?.entries.map((e) => e.operation),
      ["createActivity", "createHousehold", "recordCommitment"],
      "the activity, the household and its commitment went out in one batch, in order",
    );
    assert.equal(batches.length, 1, "one batch carried them all");

    // A sent household is edited online: read from the server (never kept on the phone), sent with If-Match.
    const householdId = households.items[0]!.id;
    await page.goto(`${base}/thu-thap/ho-gia-dinh?edit=${householdId}`);
    await page.getByRole("heading", { level: 1, name: "Sửa thông tin hộ" }).waitFor();
    const members = page.getByLabel("Số nhân khẩu");
    await members.waitFor();
    assert.equal(await page.getByLabel("Họ tên chủ hộ").inputValue(), head);
    await members.fill("5");
    if (process.env.CAPTURE_SHOTS) {
      await page.screenshot({ path: `${process.env.CAPTURE_SHOTS}/household-edit.png`, fullPage: true });
    }
    await page.getByRole("button", { name: "Lưu vào máy" }).click();
    await page.getByText("Đã lưu trên máy. Bản ghi sẽ được gửi khi có mạng.").waitFor();
    const hhNow = async () =>
      ((await (await api.get(`${base}/api/v1/households/${householdId}`)).json()) as { members: number })
        .members;
    for (let i = 0; i < 50 && (await hhNow()) !== 5; i++) await page.waitForTimeout(200);
    assert.equal(await hhNow(), 5, "the household edit arrived");

    // A sent activity edited from a stale version: the server's copy is shown side by side, not overwritten.
    const activityId = mine[0]!.id;
    await page.goto(`${base}/thu-thap/tren-may`);
    await page.getByText("Đã gửi — có thể sửa").waitFor();
    await page
      .getByTestId("sent-entry")
      .filter({ hasText: "27" })
      .first()
      .getByRole("button", { name: "Sửa" })
      .click();
    const attendees = page.getByLabel("Người tham dự");
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>("input[name=attendees]")?.value === "27",
    );
    const { csrfToken } = (await (await api.get(`${base}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const current = (await (await api.get(`${base}/api/v1/activities/${activityId}`)).json()) as {
      version: number;
    };
    const office = await api.patch(`${base}/api/v1/activities/${activityId}`, {
      headers: { "x-csrf-token": csrfToken, "If-Match": String(current.version) },
      data: { attendees: 31 },
    });
    assert.equal(office.status(), 200, "the office corrects the figure meanwhile");
    await attendees.fill("30");
    if (process.env.CAPTURE_SHOTS) {
      await page.screenshot({ path: `${process.env.CAPTURE_SHOTS}/activity-edit.png`, fullPage: true });
    }
    await page.getByRole("button", { name: "Lưu vào máy" }).click();
    await page.getByText("Đã lưu trên máy. Bản ghi sẽ được gửi khi có mạng.").waitFor();
    await page.goto(`${base}/thu-thap/tren-may`);
    const conflict = page.getByTestId("outbox-entry").filter({ hasText: "Bản ghi đã được sửa trên máy chủ" });
    await conflict.waitFor();
    await conflict.getByText("Trên máy", { exact: true }).waitFor();
    await conflict.getByText("Trên máy chủ", { exact: true }).waitFor();
    await conflict.getByText("30", { exact: true }).waitFor();
    await conflict.getByText("31", { exact: true }).waitFor();
    await conflict.getByRole("button", { name: "Sửa, gộp hai bản rồi gửi lại" }).waitFor();
    if (process.env.CAPTURE_SHOTS) {
      await page.screenshot({ path: `${process.env.CAPTURE_SHOTS}/conflict.png`, fullPage: true });
    }
    const after = (await (await api.get(`${base}/api/v1/activities/${activityId}`)).json()) as {
      attendees: number;
    };
    assert.equal(after.attendees, 31, "never last-write-wins: the server keeps the office's figure");
  },
);
