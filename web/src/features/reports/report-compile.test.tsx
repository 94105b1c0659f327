import type { Report, ReportCompleteness } from "@toandan/contracts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser, PROVINCE_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { CompileAction, CompletenessPanel } from "./report-compile";

const ID = "66666666-6666-4666-8666-666666666666";
const child = (n: number) => `7777777${n}-7777-4777-8777-777777777777`;
const report = {
  id: ID,
  orgUnitId: PROVINCE_ID,
  status: "draft",
  compiled: null,
  can: { edit: true, submit: true, review: false, unlock: false },
} as unknown as Report;

const completeness: ReportCompleteness = {
  orgUnitId: PROVINCE_ID,
  template: "six_month",
  periodFrom: "2026-01-01",
  periodTo: "2026-06-30",
  dueOn: "2026-07-07",
  total: 3,
  approved: 1,
  submitted: 0,
  notReported: 2,
  late: 1,
  children: [
    {
      orgUnitId: child(1),
      orgUnitName: "Xã Tân Lộc",
      state: "approved",
      reportId: child(4),
      submittedOn: "2026-07-02",
      late: false,
    },
    {
      orgUnitId: child(2),
      orgUnitName: "Xã Hồ Thị Kỷ",
      state: "in_progress",
      reportId: child(5),
      submittedOn: null,
      late: true,
    },
    {
      orgUnitId: child(3),
      orgUnitName: "Xã Đá Bạc",
      state: "missing",
      reportId: null,
      submittedOn: null,
      late: false,
    },
  ],
};
const user = makeUser("province_front");
const route = { pattern: "/bao-cao/$id", path: `/bao-cao/${ID}` };

describe("the level below on a report's page", () => {
  it("says who has sent and who has not, with the late ones", async () => {
    mockFetch({ [`GET /reports/${ID}/completeness`]: { body: completeness } });
    renderWithProviders(<CompletenessPanel report={report} />, { user, route });
    expect(
      await screen.findByText("1/3 đơn vị đã gửi báo cáo. 2 chưa gửi: Xã Hồ Thị Kỷ, Xã Đá Bạc."),
    ).toBeVisible();
    expect(screen.getByText(/Chậm hạn: 1 · Hạn gửi: 07\/07\/2026/)).toBeVisible();
    expect(screen.getAllByText("Chậm hạn", { selector: "span" }).length).toBeGreaterThan(0);
    // The one sent before the due day is marked on time.
    expect(screen.getAllByText("Đúng hạn", { selector: "span" })).toHaveLength(1);
    expect(screen.getByText("Chưa có báo cáo")).toBeVisible();
    expect(screen.getByRole("link", { name: "Xã Tân Lộc" })).toHaveAttribute("href", `/bao-cao/${child(4)}`);
  });

  it("compiles on request and says from how many reports", async () => {
    const compiled = {
      ...report,
      compiled: {
        compiledAt: "2026-07-10T03:00:00Z",
        compiledBy: "Cán bộ tỉnh",
        children: [{}],
        totals: [],
        missing: [],
      },
    };
    const calls = mockFetch({ [`POST /reports/${ID}/compile`]: { body: compiled } });
    renderWithProviders(<CompileAction report={report} />, { user, route });
    await userEvent.click(await screen.findByRole("button", { name: "Tổng hợp từ báo cáo cấp dưới" }));
    await waitFor(() => expect(writes(calls).map((c) => c.path)).toEqual([`/reports/${ID}/compile`]));
  });
});
