import type { RetentionRuleList, RetentionRun } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { RetentionPage } from "./retention-page";

const rule = {
  kind: "group_member_left" as const,
  title: "Danh sách thành viên tổ, mô hình đã rời tổ",
  countsFrom: "Ngày rời tổ",
  removes: "Họ tên, dân tộc, tôn giáo",
  periodMonths: 60,
  periodConfirmed: false,
  defaultPeriodMonths: 60,
  basis: "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 3",
  automated: true,
  enabled: true,
  lastRunOn: "2026-03-01",
};
const list = (can: RetentionRuleList["can"]): RetentionRuleList => ({ items: [rule], can });
const dry: RetentionRun = {
  dryRun: true,
  runOn: "2026-03-02",
  items: [
    {
      kind: "group_member_left",
      cutoff: "2021-03-02",
      due: 1157,
      done: 0,
      skipped: null,
      records: [
        {
          id: "0b7f3c2e-8a41-4c55-9d1e-1f2a3b4c5d6e",
          unitId: "1c8e4d3f-9b52-4d66-8e2f-2a3b4c5d6e7f",
          unitName: "Phường Bạc Liêu",
        },
      ],
    },
  ],
};
const route = { pattern: "/luu-tru-du-lieu", path: "/luu-tru-du-lieu" };

describe("RetentionPage", () => {
  it("lists the rules with their basis and shows the dry run's counts, sending dryRun: true", async () => {
    const calls = mockFetch({
      "GET /retention/rules": () => ({ body: list({ update: false, run: true }) }),
      "POST /retention/run": () => ({ body: dry }),
    });
    const { user } = renderWithProviders(<RetentionPage />, {
      user: makeUser("data_protection_officer"),
      route,
    });
    const rules = await screen.findByRole("region", { name: "Các quy tắc lưu trữ" });
    expect(within(rules).getByText(rule.title)).toBeVisible();
    expect(within(rules).getByText(rule.basis)).toBeVisible();
    expect(within(rules).getByText("[?] mặc định, cần xác nhận")).toBeVisible();
    expect(within(rules).getByText("Lần chạy gần nhất: 01/03/2026")).toBeVisible();
    expect(screen.queryByLabelText("Thời hạn mới (tháng)")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Chạy thử" }));
    const result = await screen.findByRole("region", { name: "Kết quả theo từng quy tắc" });
    expect(within(result).getByText("1.157")).toBeVisible();
    expect(within(result).getByText("02/03/2021")).toBeVisible();
    const due = screen.getByRole("region", { name: "Hồ sơ đến hạn theo từng quy tắc" });
    expect(within(due).getByText("0b7f3c2e-8a41-4c55-9d1e-1f2a3b4c5d6e")).toBeVisible();
    expect(within(due).getByText("Phường Bạc Liêu")).toBeVisible();
    expect(within(due).getByText(rule.title)).toBeVisible();
    expect(writes(calls).map((c) => [c.method, c.path, c.body])).toEqual([
      ["POST", "/retention/run", { dryRun: true }],
    ]);
  });

  it("shows no run buttons without can.run, and the period field with can.update", async () => {
    mockFetch({ "GET /retention/rules": () => ({ body: list({ update: true, run: false }) }) });
    renderWithProviders(<RetentionPage />, { user: makeUser("system_admin"), route });
    expect(await screen.findByLabelText("Thời hạn mới (tháng)")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Chạy thử" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Chạy ngay" })).toBeNull();
  });
});
