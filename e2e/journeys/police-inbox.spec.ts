import assert from "node:assert/strict";
import { test } from "node:test";
import type { APIRequestContext } from "playwright-core";
import { assertNoSeriousA11yViolations, signIn } from "../fixtures/browser";
import { useJourney } from "../fixtures/journey";

const journey = useJourney();
const desk = { viewport: { width: 1280, height: 900 } };

/** Where the demo's Phường Bạc Liêu is, as the public form reads it. */
async function baclieu(request: APIRequestContext, base: string) {
  type Units = { items: { id: string; name: string }[] };
  const provinces = (await (await request.get(`${base}/api/v1/public/units`)).json()) as Units;
  const province = provinces.items.find((u) => u.name === "Tỉnh Cà Mau")!;
  const communes = (await (
    await request.get(`${base}/api/v1/public/units?provinceId=${province.id}`)
  ).json()) as Units;
  return { provinceId: province.id, communeId: communes.items.find((u) => u.name === "Phường Bạc Liêu")!.id };
}

void test(
  "the ward police decide a tip: nothing chosen for them, each step confirmed and reported; the counts state their rule",
  { timeout: 180_000 },
  async () => {
    const base = journey.baseUrl;
    const police = await journey.newPage(desk);
    police.setDefaultTimeout(20_000);
    const place = await baclieu(police.request, base);
    const sent = await police.request.post(`${base}/api/v1/public/tips`, {
      data: {
        category: "gambling",
        description: "Sòng bạc trong nhà kho cuối hẻm 9, tối thứ Bảy.",
        ...place,
      },
    });
    assert.equal(sent.status(), 201, await sent.text());
    const { code } = (await sent.json()) as { code: string };

    await signIn(police, base, "baclieu.congan");
    await police.goto(`${base}/tin-bao`);
    await police.getByRole("heading", { level: 1, name: "Tin báo tội phạm" }).waitFor();
    // The police see exact counts, and the box says so (no "<5" promise it does not keep).
    const counts = police.getByRole("region", { name: "Số liệu tin báo (chỉ số lượng)" });
    await counts.getByText("Công an xem số chính xác, kể cả số nhỏ.", { exact: false }).waitFor();
    assert.equal(await counts.getByText("<5").count(), 0);
    await assertNoSeriousA11yViolations(police, "the police inbox");

    await police.getByRole("link", { name: code }).click();
    await police.getByText("Sòng bạc trong nhà kho cuối hẻm 9").waitFor();
    const urgency = police.getByLabel("Mức độ");
    const outcome = police.getByRole("combobox", { name: "Kết quả giải quyết" });
    assert.equal(await urgency.inputValue(), "", "urgency starts empty");
    assert.equal(await outcome.inputValue(), "", "the outcome starts empty");
    await assertNoSeriousA11yViolations(police, "a new tip");

    // One click records nothing: the outcome must be chosen.
    await police.getByRole("button", { name: "Ghi nhận" }).click();
    await police.getByText("Chọn kết quả giải quyết").first().waitFor();
    assert.equal(await police.getByRole("dialog").count(), 0, "no question before a choice");
    await police.getByRole("button", { name: "Lưu" }).click();
    await police.getByText("Chọn mức độ: khẩn hoặc thường").waitFor();

    await urgency.selectOption({ label: "Thường" });
    await police.getByRole("button", { name: "Lưu" }).click();
    const triage = police.getByRole("dialog", { name: "Phân loại" });
    await triage.getByText(`Phân loại tin ${code} là “Thường”?`).waitFor();
    await assertNoSeriousA11yViolations(police, "the triage confirmation");
    await triage.getByRole("button", { name: "Hủy" }).click();
    await triage.waitFor({ state: "hidden" });
    assert.equal(await police.getByText("Đang xác minh").count(), 0, "cancelled: nothing recorded");
    await police.getByRole("button", { name: "Lưu" }).click();
    await triage.getByRole("button", { name: "Lưu" }).click();
    await police.getByRole("status").filter({ hasText: "Đã lưu phân loại: Thường." }).waitFor();

    await outcome.selectOption({ label: "Chuyển cơ quan có thẩm quyền" });
    await police.getByRole("button", { name: "Ghi nhận" }).click();
    const decide = police.getByRole("dialog", { name: "Kết quả giải quyết" });
    await decide
      .getByText(`Ghi nhận kết quả “Chuyển cơ quan có thẩm quyền” cho tin ${code}?`, { exact: false })
      .waitFor();
    await decide.getByRole("button", { name: "Ghi nhận" }).click();
    await police
      .getByRole("status")
      .filter({ hasText: "Đã ghi nhận kết quả: Chuyển cơ quan có thẩm quyền." })
      .waitFor();
    await police.getByText("Đã chuyển cơ quan có thẩm quyền").first().waitFor();
    await assertNoSeriousA11yViolations(police, "the tip after its outcome");
    await police.context().close();
  },
);

void test(
  "the ward Front's feedback inbox shows titles and topics and filters by status, topic and overdue",
  { timeout: 180_000 },
  async () => {
    const base = journey.baseUrl;
    const page = await journey.newPage(desk);
    page.setDefaultTimeout(20_000);
    const place = await baclieu(page.request, base);
    for (const [topic, title] of [
      ["other", "Họp tổ dân phố vào giờ hành chính"],
      ["movement", "Sân chơi khóm 1 thiếu đèn"],
    ] as const) {
      const res = await page.request.post(`${base}/api/v1/public/feedback`, {
        data: {
          kind: "kien_nghi",
          topic,
          title,
          content: "Đề nghị xem xét và trả lời sớm cho bà con trong khóm.",
          ...place,
        },
      });
      assert.equal(res.status(), 201, await res.text());
    }

    await signIn(page, base, "baclieu.mttq");
    await page.goto(`${base}/kien-nghi`);
    await page.getByRole("heading", { level: 1, name: "Kiến nghị, phản ánh" }).waitFor();
    const table = page.getByRole("region", { name: "Kiến nghị, phản ánh" }).getByRole("table");
    await table.getByText("Họp tổ dân phố vào giờ hành chính").waitFor();
    await table.getByText("Sân chơi khóm 1 thiếu đèn").waitFor();
    await assertNoSeriousA11yViolations(page, "the feedback inbox");

    await page.getByLabel("Lĩnh vực").selectOption({ label: "Khác" });
    await table.getByText("Sân chơi khóm 1 thiếu đèn").waitFor({ state: "detached" });
    await table.getByText("Họp tổ dân phố vào giờ hành chính").waitFor();
    const topics = await table.locator("tbody tr td:nth-child(3)").allInnerTexts();
    assert.ok(topics.length > 0 && topics.every((t) => t.startsWith("Khác")), topics.join(" | "));

    await page.getByLabel("Lĩnh vực").selectOption({ label: "Tất cả lĩnh vực" });
    await page.getByLabel("Trạng thái").selectOption({ label: "Đã trả lời" });
    await table
      .getByText("Họp tổ dân phố vào giờ hành chính")
      .or(page.getByText("Không có kiến nghị, phản ánh nào phù hợp."))
      .first()
      .waitFor();
    assert.equal(
      await page.getByText("Họp tổ dân phố vào giờ hành chính").count(),
      0,
      "new ones are not answered",
    );
    await page.getByLabel("Trạng thái").selectOption({ label: "Tất cả trạng thái" });
    await page.getByLabel("Chỉ mục quá hạn chưa trả lời").check();
    await page.getByText("Họp tổ dân phố vào giờ hành chính").waitFor({ state: "detached" });
    await assertNoSeriousA11yViolations(page, "the feedback inbox, overdue only");
    await page.getByLabel("Chỉ mục quá hạn chưa trả lời").uncheck();

    // Answering: the status is chosen, then the save is reported.
    await page.getByRole("button", { name: /Họp tổ dân phố vào giờ hành chính/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Khác · Kiến nghị").waitFor();
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.getByText("Chọn trạng thái xử lý").waitFor();
    await assertNoSeriousA11yViolations(page, "the answer form with its error");
    await dialog.getByLabel("Trạng thái").selectOption({ label: "Đã trả lời" });
    await dialog.getByLabel("Trả lời người gửi").fill("Ban công tác Mặt trận sẽ họp vào tối thứ Sáu.");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await page.getByRole("status").filter({ hasText: "Đã trả lời" }).waitFor();
    await page.context().close();
  },
);
