import type { Dashboard } from "@toandan/contracts";
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../app/i18n";
import { mockFetch } from "../../test/fetch";
import { makeUser, PROVINCE_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { DashboardPage } from "./dashboard-page";

const DASHBOARD: Dashboard = {
  orgUnitId: PROVINCE_ID,
  orgUnitName: "Tỉnh Cà Mau",
  orgUnitKind: "province",
  year: 2025,
  asOf: "2025-12-31",
  breadcrumb: [{ id: PROVINCE_ID, name: "Tỉnh Cà Mau" }],
  tiles: [],
  trend: [],
  children: [],
};

function renderDashboard(dashboard: Dashboard) {
  mockFetch({
    "GET /dashboard": { body: dashboard },
    "GET /indicators": { body: { items: [] } },
  });
  return renderWithProviders(<DashboardPage />, {
    user: makeUser("province_front"),
    route: { pattern: "/bang-dieu-khien/$unitId", path: `/bang-dieu-khien/${PROVINCE_ID}` },
  });
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage("vi");
});

describe("dashboard freshness", () => {
  it("says how old the figures are when a read replica served them", async () => {
    renderDashboard({ ...DASHBOARD, replica: { lagSeconds: 3 } });
    expect(await screen.findByTestId("replica-freshness")).toHaveTextContent(
      "Số liệu cập nhật cách đây 3 giây",
    );
  });

  it("says less than a second when the replica had caught up, and in English too", async () => {
    await i18n.changeLanguage("en");
    renderDashboard({ ...DASHBOARD, replica: { lagSeconds: 0 } });
    expect(await screen.findByTestId("replica-freshness")).toHaveTextContent(
      "Figures as of less than a second ago",
    );
  });

  it("says nothing when the primary served them", async () => {
    renderDashboard(DASHBOARD);
    expect(await screen.findByRole("heading", { name: /Tỉnh Cà Mau/ })).toBeInTheDocument();
    expect(screen.queryByTestId("replica-freshness")).toBeNull();
  });
});
