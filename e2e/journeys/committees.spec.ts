import assert from "node:assert/strict";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { assertNoSeriousA11yViolations, hasHorizontalScroll, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

const TITLE = "Ban Chỉ đạo phòng, chống tội phạm và xây dựng phong trào";
const TOTALS =
  /Tính đến ngày \d{2}\/\d{2}\/\d{4}: (\d+) Ban Chỉ đạo \((\d+) đã kiện toàn\), ([\d.]+) thành viên đang tham gia\./;

async function signedInPage(username: string, width = 1280): Promise<Page> {
  const context = await journey.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, journey.baseUrl, username);
  return page;
}

/** The committees, consolidated ones and serving members counted on the list page. */
async function totals(page: Page) {
  const line = page.getByText(TOTALS);
  await line.waitFor();
  const m = TOTALS.exec((await line.textContent()) ?? "");
  assert.ok(m, "the totals line reads");
  return { committees: Number(m[1]), consolidated: Number(m[2]), members: Number(m[3]!.replace(/\./g, "")) };
}

async function save(dialog: Locator) {
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "detached" });
}

void test(
  "a ward's Front cadre consolidates the steering committee by decision, adds members, records a meeting and an assignment, and sees the totals",
  { timeout: 240_000 },
  async () => {
    const base = journey.baseUrl;
    const page = await signedInPage("baclieu.mttq");
    await page.goto(`${base}/ban-chi-dao`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const before = await totals(page);
    await assertNoSeriousA11yViolations(page, "the committee list");

    // The consolidation decision: its number must be a document number, not free text.
    await page.getByRole("button", { name: "Thành lập, kiện toàn Ban Chỉ đạo" }).click();
    const create = page.getByRole("dialog", { name: "Thành lập, kiện toàn Ban Chỉ đạo" });
    await create
      .getByLabel(/^Đơn vị/)
      .first()
      .click();
    await page
      .getByRole("option", { name: /Phường Bạc Liêu/ })
      .first()
      .click();
    await create.getByLabel("Hình thức").selectOption("consolidated");
    await create.getByLabel("Số quyết định").fill("QĐ kiện toàn tháng 3");
    await create.getByLabel("Cơ quan ban hành").fill("UBND phường Bạc Liêu");
    await create.getByRole("button", { name: "Lưu" }).click();
    await create.getByText(/Số hiệu dạng số\/ký hiệu/).waitFor();
    await create.getByLabel("Số quyết định").fill("25/QĐ-UBND");
    await create.getByRole("button", { name: "Lưu" }).click();
    await create.waitFor({ state: "detached" });

    await page
      .getByText(/Quyết định kiện toàn số 25\/QĐ-UBND ngày \d{2}\/\d{2}\/\d{4} của UBND phường Bạc Liêu/)
      .waitFor();
    await page.getByText("Chưa có thành viên.").waitFor();

    // Members: the head and a member from the Women's Union.
    for (const [name, role, position, organisation] of [
      ["Nguyễn Văn Trưởng", "head", "Chủ tịch UBND phường", "UBND phường Bạc Liêu"],
      ["Lê Thị Hoa", "member", "Chủ tịch Hội", "Hội Liên hiệp Phụ nữ phường"],
    ] as const) {
      await page.getByRole("button", { name: "Bổ sung thành viên" }).click();
      const dialog = page.getByRole("dialog", { name: "Bổ sung thành viên" });
      await dialog.getByLabel("Họ và tên").fill(name);
      await dialog.getByLabel("Nhiệm vụ trong Ban").selectOption(role);
      await dialog.getByLabel("Chức vụ").fill(position);
      await dialog.getByLabel("Cơ quan, đơn vị").fill(organisation);
      await save(dialog);
      await page.locator("#committee-members").getByRole("cell", { name, exact: true }).waitFor();
    }
    await page.getByRole("heading", { name: "Thành viên (2)" }).waitFor();

    // A quarterly review meeting attended by both, with its conclusions.
    await page.getByRole("button", { name: "Ghi cuộc họp" }).click();
    const meeting = page.getByRole("dialog", { name: "Ghi cuộc họp" });
    await meeting.getByRole("checkbox", { name: /Nguyễn Văn Trưởng/ }).check();
    await meeting.getByRole("checkbox", { name: /Lê Thị Hoa/ }).check();
    await meeting.getByLabel("Loại cuộc họp").selectOption("interim_review");
    await meeting.getByLabel("Nội dung").fill("Sơ kết quý I, triển khai cao điểm trấn áp tội phạm");
    await meeting.getByLabel("Kết luận").fill("Giao Hội Phụ nữ rà soát tổ tự quản");
    await save(meeting);
    const meetings = page.locator("#committee-meetings");
    await meetings.getByRole("cell", { name: "Sơ kết", exact: true }).waitFor();
    await meetings.getByRole("cell", { name: "2", exact: true }).waitFor();

    // The assignment decided at the meeting.
    await page.getByRole("button", { name: "Phân công nhiệm vụ" }).click();
    const assign = page.getByRole("dialog", { name: "Phân công nhiệm vụ" });
    await assign.getByLabel("Nhiệm vụ").fill("Rà soát tổ tự quản ở các khóm");
    const responsible = assign.getByLabel("Người phụ trách");
    await responsible.locator("option", { hasText: "Lê Thị Hoa" }).waitFor({ state: "attached" });
    await responsible.selectOption({ label: "Lê Thị Hoa" });
    await save(assign);
    const tasks = page.locator("#committee-assignments");
    await tasks.getByRole("cell", { name: "Rà soát tổ tự quản ở các khóm" }).waitFor();
    await tasks.getByRole("cell", { name: "Lê Thị Hoa" }).waitFor();
    await assertNoSeriousA11yViolations(page, "the committee page");

    // Back on the list: one more committee, consolidated, and two more serving members.
    await page.goto(`${base}/ban-chi-dao`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.getByRole("cell", { name: /Kiện toàn · 25\/QĐ-UBND/ }).waitFor();
    const after = await totals(page);
    assert.deepEqual(after, {
      committees: before.committees + 1,
      consolidated: before.consolidated + 1,
      members: before.members + 2,
    });
    await page.context().close();

    // On a phone the committee page does not scroll sideways.
    const phone = await signedInPage("baclieu.mttq", 390);
    await phone.goto(`${base}/ban-chi-dao`);
    await phone.getByRole("link", { name: "Phường Bạc Liêu" }).first().click();
    await phone.getByRole("heading", { level: 1 }).waitFor();
    await phone.getByRole("heading", { name: /Thành viên/ }).waitFor();
    assert.equal(await hasHorizontalScroll(phone), false, "no sideways scroll on a phone");
    await phone.context().close();
  },
);
