import { setClock, type OrgUnit } from "@toandan/contracts";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, type Call } from "../../test/fetch";
import { makeUser, WARD, WARD_ID } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { GroupsPage } from "./groups-page";

const CITY_ID = "55555555-5555-4555-8555-555555555555";
const CITY: OrgUnit = {
  id: CITY_ID,
  code: "954",
  kind: "district",
  type: "thanh_pho",
  name: "Bạc Liêu",
  fullName: "Thành phố Bạc Liêu",
  parentId: null,
  provinceId: "66666666-6666-4666-8666-666666666666",
  validFrom: null,
  validTo: "2025-06-30",
  childCount: 10,
  ancestorNames: ["Tỉnh Bạc Liêu"],
};

const totals = (call: Call) => ({
  body: {
    orgUnitId: call.query.get("orgUnitId"),
    at: call.query.get("at") ?? "2026-03-03",
    items: [],
    total: { groups: call.query.get("at") === "2017-05-29" ? 817 : 0, members: 0 },
  },
});

describe("groups of a former unit", () => {
  it("finds a unit before the reform and asks its totals on a date it existed", async () => {
    setClock("2026-03-03T02:00:00Z");
    const calls = mockFetch({
      "GET /group-types": { body: { items: [] } },
      "GET /groups": { body: { items: [], nextCursor: null, can: { create: false } } },
      "GET /groups/stale": { body: { items: [], nextCursor: null } },
      "GET /groups/totals": totals,
      [`GET /org-units/${WARD_ID}`]: { body: WARD },
      "GET /org-units": (call) => ({
        body: { items: call.query.get("at") === "2025-06-30" ? [CITY] : [], nextCursor: null, total: null },
      }),
    });
    const { user } = renderWithProviders(<GroupsPage />, { user: makeUser("commune_front") });

    // Today's tree does not hold the former city; the former-units option searches the old one.
    await user.click(await screen.findByRole("checkbox", { name: /Đơn vị trước sắp xếp/ }));
    await fill(user, screen.getByRole("combobox", { name: /^Đơn vị \(gồm/ }), "bac lieu");
    await user.click(await screen.findByRole("option", { name: /Thành phố Bạc Liêu — Tỉnh Bạc Liêu — 954/ }));
    const search = calls.filter((c) => c.path === "/org-units" && c.query.get("q") === "bac lieu");
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((c) => c.query.get("at") === "2025-06-30")).toBe(true);

    // Its totals: on its last day by default, then on the date typed.
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.path === "/groups/totals" &&
            c.query.get("orgUnitId") === CITY_ID &&
            c.query.get("at") === "2025-06-30",
        ),
      ).toBe(true),
    );
    await fill(user, screen.getByRole("textbox", { name: "Số liệu tại ngày" }), "29/05/2017");
    await waitFor(() =>
      expect(calls.some((c) => c.path === "/groups/totals" && c.query.get("at") === "2017-05-29")).toBe(true),
    );
    expect(await screen.findByText(/29\/05\/2017/)).toBeInTheDocument();
  });
});
