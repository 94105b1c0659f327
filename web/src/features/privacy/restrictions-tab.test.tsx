import type { RestrictedRecordList } from "@toandan/contracts";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { RestrictionsTab } from "./restrictions-tab";

const REQ = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const HH = "cccccccc-cccc-4ccc-8ccc-ccccccccccc1";
const TIP = "cccccccc-cccc-4ccc-8ccc-ccccccccccc3";

const list: RestrictedRecordList = {
  items: [
    {
      source: "household",
      recordId: HH,
      orgUnitName: "Khóm 3, Phường Bạc Liêu",
      labelVi: "Chủ hộ trong sổ hộ gia đình",
      detailVi: "Đặng Thị Hạn — Hẻm 3",
      requestId: REQ,
      requestKind: "restrict",
      restrictedAt: "2027-03-02T03:00:00.000Z",
      can: { lift: true },
    },
    {
      source: "tip",
      recordId: TIP,
      orgUnitName: "Công an phường Bạc Liêu",
      labelVi: "Thông tin liên hệ để lại khi báo tin tội phạm",
      detailVi: null,
      requestId: REQ,
      requestKind: "restrict",
      restrictedAt: "2027-03-02T03:00:00.000Z",
      can: { lift: false },
    },
  ],
};

describe("RestrictionsTab", () => {
  it("lists restricted records only with a reason, and lifts one after the officer gives a reason", async () => {
    const calls = mockFetch({
      "GET /privacy/restrictions": { body: list },
      "POST /privacy/restrictions/lift": {
        body: { source: "household", recordId: HH, liftedAt: "2027-03-03T03:00:00.000Z" },
      },
    });
    const { user } = renderWithProviders(<RestrictionsTab />, {
      user: makeUser("data_protection_officer"),
      route: { pattern: "/du-lieu-ca-nhan", path: "/du-lieu-ca-nhan" },
    });
    const show = await screen.findByRole("button", { name: "Xem bản ghi đang hạn chế" });
    expect(show).toBeDisabled();
    expect(calls.filter((c) => c.path === "/privacy/restrictions")).toHaveLength(0);
    await user.type(screen.getByRole("textbox", { name: /Lý do xem/ }), "Rà soát yêu cầu");
    await user.click(show);
    expect(await screen.findByText("Đặng Thị Hạn — Hẻm 3")).toBeVisible();
    expect(calls.find((c) => c.path === "/privacy/restrictions")!.query.get("reason")).toBe(
      "Rà soát yêu cầu",
    );
    expect(screen.getAllByText("02/03/2027 10:00", { exact: false })).toHaveLength(2);
    // Only the record the officer may lift has the button.
    const lift = screen.getAllByRole("button", { name: "Gỡ hạn chế" });
    expect(lift).toHaveLength(1);
    await user.click(lift[0]!);
    await user.type(
      await screen.findByRole("textbox", { name: /Lý do gỡ hạn chế/ }),
      "Người yêu cầu rút lại",
    );
    await user.click(screen.getAllByRole("button", { name: "Gỡ hạn chế" }).at(-1)!);
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toEqual({
      source: "household",
      recordId: HH,
      reason: "Người yêu cầu rút lại",
    });
    expect(await screen.findByText("Đã gỡ hạn chế xử lý.")).toBeVisible();
    expect(screen.queryByText("Đặng Thị Hạn — Hẻm 3")).toBeNull();
    expect(screen.getByText("Thông tin liên hệ để lại khi báo tin tội phạm")).toBeVisible();
  });
});
