import type { PilotPage, PilotTotals } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, validationFailed, writes } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { PilotsPage } from "./pilots-page";

const page = (create: boolean): PilotPage => ({
  items: [
    {
      id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
      orgUnitId: WARD_ID,
      orgUnitName: "Xã Phước Thể",
      groupId: null,
      groupName: "Khu dân cư phòng, chống tội phạm và ma túy số 3",
      typeCode: "crime_drug_free_area",
      typeName: "Khu dân cư phòng, chống tội phạm và ma túy",
      topic: "Khu dân cư phòng, chống tội phạm và ma túy",
      decisionNumber: "3/QĐ-MTTQ",
      decisionIssuer: "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Tuy Phong",
      decisionOn: "2018-04-02",
      note: null,
      stage: "evaluated",
      latestResult: "replicable",
      replications: 0,
    },
  ],
  nextCursor: null,
  can: { create },
});
const totals: PilotTotals = {
  on: "2026-12-04",
  designated: 40,
  evaluated: 12,
  replicable: 9,
  replicated: 5,
  replications: 1157,
};

const open = (create: boolean, routes: Parameters<typeof mockFetch>[0] = {}) => {
  const calls = mockFetch({
    "GET /pilots": { body: page(create) },
    "GET /pilots/totals": { body: totals },
    "GET /group-types": { body: { items: [] } },
    ...routes,
  });
  const r = renderWithProviders(<PilotsPage />, {
    user: makeUser(create ? "commune_front" : "viewer"),
    route: { pattern: "/xay-dung-diem", path: "/xay-dung-diem" },
  });
  return { ...r, calls };
};

describe("PilotsPage", () => {
  it("shows the totals and the pilots in Vietnamese; a reader cannot designate", async () => {
    open(false);
    expect(await screen.findByText("Xã Phước Thể")).toBeVisible();
    expect(screen.getByText("Khu dân cư phòng, chống tội phạm và ma túy số 3")).toBeVisible();
    expect(screen.getByText("3/QĐ-MTTQ · 02/04/2018")).toBeVisible();
    expect(screen.getAllByText("Đã đánh giá").length).toBeGreaterThan(0);
    expect(await screen.findByText("1.157")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Chọn điểm" })).toBeNull();
  });

  it("sends a designation and shows the server's issue on the decision number", async () => {
    const { user, calls } = open(true, {
      "POST /pilots": validationFailed([
        { path: "decisionNumber", message: "Số hiệu dạng số/ký hiệu, ví dụ 279/KH-MTTQ-BCA hoặc 20-CTr/TU" },
      ]),
    });
    await user.click(await screen.findByRole("button", { name: "Chọn điểm" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Nội dung, mô hình/ }), "Camera an ninh");
    await user.type(within(dialog).getByRole("textbox", { name: /Số quyết định/ }), "abc");
    await user.type(within(dialog).getByRole("textbox", { name: /Cơ quan ban hành/ }), "UBND xã");
    await user.click(within(dialog).getByRole("button", { name: "Lưu" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({
      topic: "Camera an ninh",
      decisionNumber: "abc",
      decisionIssuer: "UBND xã",
    });
    expect(await within(dialog).findByText(/Số hiệu dạng số\/ký hiệu/)).toBeVisible();
  });
});
