import type { ReportSummary } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, type Call } from "../../test/fetch";
import { makeUser, PROVINCE_ID, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { ReportsPage } from "./reports-page";

const waiting: ReportSummary = {
  id: "55555555-5555-4555-8555-555555555555",
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bến Thành",
  template: "six_month",
  year: 2026,
  periodFrom: "2026-07-01",
  periodTo: "2026-12-31",
  cutOff: "2026-12-03",
  number: "12",
  symbol: "BC-MTTQ",
  issuedOn: "2026-12-03",
  subject: "Sơ kết công tác phong trào 6 tháng cuối năm 2026",
  status: "submitted",
  createdAt: "2026-12-03T02:00:00Z",
};

const province = makeUser("province_front", {
  roles: [
    {
      role: "province_front",
      orgUnitId: PROVINCE_ID,
      orgUnitName: "Thành phố Hồ Chí Minh",
      orgUnitKind: "province",
      body: "front",
    },
  ],
});

function open(awaiting: ReportSummary[]) {
  const page = (items: ReportSummary[]) => ({ items, nextCursor: null, can: { create: true } });
  return mockFetch({
    "GET /reports": (call: Call) => ({
      body: page(call.query.get("awaiting") === "true" ? awaiting : []),
    }),
  });
}

describe("ReportsPage", () => {
  it("opens a reviewer on the reports waiting for them, with the count on the tab", async () => {
    open([waiting]);
    renderWithProviders(<ReportsPage />, {
      user: province,
      route: { pattern: "/bao-cao", path: "/bao-cao" },
    });
    const tab = await screen.findByRole("tab", { name: "Chờ duyệt (1)" });
    expect(tab).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tab", { name: "Báo cáo (0)" })).toHaveAttribute("aria-selected", "false");
    const list = await screen.findByRole("list", { name: "Danh sách báo cáo chờ duyệt" });
    expect(within(list).getByText("Sơ kết công tác phong trào 6 tháng cuối năm 2026")).toBeVisible();
    // The period reads as its name, never "2026-H2".
    expect(
      within(list).getByText("Phường Bến Thành · 6 tháng cuối năm 2026 · ngày 03/12/2026"),
    ).toBeVisible();
  });

  it("opens on the reviewer's own reports when nothing waits", async () => {
    open([]);
    renderWithProviders(<ReportsPage />, {
      user: province,
      route: { pattern: "/bao-cao", path: "/bao-cao" },
    });
    expect(await screen.findByRole("tab", { name: "Báo cáo (0)" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tab", { name: "Chờ duyệt" })).toHaveAttribute("aria-selected", "false");
  });
});
