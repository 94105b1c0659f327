import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertNoSeriousA11yViolations, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();

const TITLE = "Giám sát việc tiếp nhận, xử lý tin báo của Công an phường";

async function signedInPage(username: string): Promise<Page> {
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, journey.baseUrl, username);
  return page;
}

/** The line of this supervision in the list: its recommendations and those not answered yet. */
async function listCounts(page: Page) {
  await page.goto(`${journey.baseUrl}/giam-sat`);
  const item = page.getByRole("listitem").filter({ hasText: TITLE });
  const line = item.getByText(/(\d+) kiến nghị, (\d+) chưa trả lời/);
  await line.waitFor();
  const m = /(\d+) kiến nghị, (\d+) chưa trả lời/.exec((await line.textContent()) ?? "");
  assert.ok(m, "the counts line reads");
  return { recommendations: Number(m[1]), unanswered: Number(m[2]) };
}

void test(
  "the ward Front plans a supervision of the ward police, records a finding and a recommendation; the police answer; the counts follow",
  { timeout: 120_000 },
  async () => {
    const base = journey.baseUrl;
    const [front, answer] = await Promise.all([signedInPage("baclieu.mttq"), signedInPage("baclieu.congan")]);
    await front.goto(`${base}/giam-sat`);
    await front.getByRole("heading", { level: 1, name: "Giám sát của Mặt trận" }).waitFor();

    // The plan: the ward police as the agency supervised, by a delegation with its decision.
    await front.getByRole("button", { name: "Lập kế hoạch giám sát" }).click();
    const create = front.getByRole("dialog", { name: "Lập kế hoạch giám sát" });
    await create.getByLabel("Đối tượng giám sát").selectOption("agency");
    const police = create.getByLabel("Cơ quan, tổ chức được giám sát");
    await police.locator("option", { hasText: "Công an" }).first().waitFor({ state: "attached" });
    const value = await police.locator("option", { hasText: "Công an" }).first().getAttribute("value");
    await police.selectOption(value);
    await create.getByLabel("Tên cuộc giám sát").fill(TITLE);
    await create
      .getByLabel("Nội dung giám sát")
      .fill("Việc tiếp nhận, phân loại và trả lời tin báo của người dân trong năm 2026.");
    await create.getByLabel("Từ ngày").fill("02/11/2026");
    await create.getByLabel("Đến ngày").fill("27/11/2026");
    await create.getByLabel("Số quyết định thành lập đoàn").fill("15/QĐ-MTTQ");
    await create.getByLabel("Ngày quyết định").fill("28/10/2026");
    await create
      .getByLabel("Thành viên đoàn giám sát")
      .fill("Trần Văn Bình, Chủ tịch Ủy ban MTTQ phường\nLê Thị Hoa, Chủ tịch Hội Liên hiệp Phụ nữ phường");
    await create.getByRole("button", { name: "Lưu" }).click();
    await create.waitFor({ state: "detached" });
    await front.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await front.getByText("Quyết định số 15/QĐ-MTTQ ngày 28/10/2026").waitFor();
    await front.getByText("Chưa ghi kết quả giám sát.").waitFor();

    // A finding.
    await front.getByRole("button", { name: "Ghi kết quả giám sát" }).click();
    const finding = front.getByRole("dialog", { name: "Ghi kết quả giám sát" });
    await finding.getByLabel("Ngày ghi nhận").fill("20/11/2026");
    await finding
      .getByLabel("Nội dung")
      .fill("Sổ tiếp nhận tin báo ghi đủ; 3 tin báo trả lời chậm quá 5 ngày làm việc.");
    await finding.getByRole("button", { name: "Lưu" }).click();
    await finding.waitFor({ state: "detached" });
    await front.getByText(/3 tin báo trả lời chậm/).waitFor();

    // A recommendation to the police, answered within the month.
    await front.getByRole("button", { name: "Ghi kiến nghị" }).click();
    const rec = front.getByRole("dialog", { name: "Ghi kiến nghị" });
    await rec
      .getByLabel("Nội dung kiến nghị")
      .fill("Trả lời tin báo đúng thời hạn; niêm yết số điện thoại tiếp nhận tại trụ sở khóm.");
    await rec.getByLabel("Ngày kiến nghị").fill("27/11/2026");
    await rec.getByLabel("Hạn trả lời").fill("28/12/2026");
    await rec.getByRole("button", { name: "Lưu" }).click();
    await rec.waitFor({ state: "detached" });
    await front.getByText("Chờ trả lời").waitFor();
    await assertNoSeriousA11yViolations(front, "the supervision page");

    // The addressee, the ward police, records its answer.
    await answer.goto(`${base}/giam-sat`);
    await answer.getByRole("link", { name: TITLE }).click();
    await answer.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await answer.getByRole("button", { name: "Ghi trả lời" }).click();
    const respond = answer.getByRole("dialog", { name: "Ghi trả lời" });
    await respond.getByLabel("Ngày trả lời").fill("04/12/2026");
    await respond
      .getByLabel("Nội dung trả lời")
      .fill("Đã chấn chỉnh việc trả lời tin báo; đã niêm yết số điện thoại tại 12 khóm.");
    await respond
      .getByLabel("Biện pháp, kết quả khắc phục")
      .fill("Phân công cán bộ trực tiếp nhận hằng ngày.");
    await respond.getByRole("button", { name: "Lưu" }).click();
    await respond.waitFor({ state: "detached" });
    await answer.getByText("Đã trả lời ngày 04/12/2026").waitFor();
    assert.equal(await answer.getByRole("button", { name: "Ghi kết quả giám sát" }).count(), 0);
    await answer.context().close();

    // The Front sees the answer and the counts.
    assert.deepEqual(await listCounts(front), { recommendations: 1, unanswered: 0 });
    await assertNoSeriousA11yViolations(front, "the supervision list");
    await front.context().close();
  },
);
