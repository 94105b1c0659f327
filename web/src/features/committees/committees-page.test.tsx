import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { CommitteesPage } from "./committees-page";

const committee = {
  id: "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bạc Liêu",
  name: "Ban Chỉ đạo 138 phường",
  decisionKind: "consolidated",
  decisionNumber: "12/QĐ-UBND",
  decisionOn: "2026-01-05",
  decisionIssuer: "UBND phường",
  activeMembers: 1157,
};

const open = (create: boolean) => {
  mockFetch({
    "GET /committees": { body: { items: [committee], nextCursor: null, can: { create } } },
    "GET /committees/totals": {
      body: {
        on: "2026-03-03",
        committees: 1,
        consolidated: 1,
        members: 1157,
        byUnit: [{ orgUnitId: WARD_ID, orgUnitName: "Phường Bạc Liêu", committees: 1, members: 1157 }],
      },
    },
  });
  return renderWithProviders(<CommitteesPage />, {
    user: makeUser(create ? "commune_front" : "viewer"),
    route: { pattern: "/ban-chi-dao", path: "/ban-chi-dao" },
  });
};

describe("CommitteesPage", () => {
  it("shows the totals of the caller's units and each committee's decision", async () => {
    open(true);
    expect(
      await screen.findByText(
        "Tính đến ngày 03/03/2026: 1 Ban Chỉ đạo (1 đã kiện toàn), 1.157 thành viên đang tham gia.",
      ),
    ).toBeVisible();
    expect(screen.getByText("Kiện toàn · 12/QĐ-UBND · 05/01/2026")).toBeVisible();
    expect(screen.getByRole("button", { name: "Thành lập, kiện toàn Ban Chỉ đạo" })).toBeVisible();
  });

  it("offers no creation when the server says the caller may not", async () => {
    open(false);
    await screen.findByText("Kiện toàn · 12/QĐ-UBND · 05/01/2026");
    expect(screen.queryByRole("button", { name: "Thành lập, kiện toàn Ban Chỉ đạo" })).toBeNull();
  });
});
