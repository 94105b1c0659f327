import type { HolidayList } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, validationFailed, writes } from "../../test/fetch";
import { makeUser } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { HolidaysPage } from "./holidays-page";

const list = (manage: boolean): HolidayList => ({
  items: [
    {
      date: "2026-02-17",
      kind: "day_off",
      name: "Tết Nguyên đán Bính Ngọ",
      confidence: "official",
      source: "Thông báo của Bộ Nội vụ",
      updatedAt: null,
    },
  ],
  can: { manage },
});
const route = { pattern: "/ngay-nghi-le", path: "/ngay-nghi-le" };

describe("HolidaysPage", () => {
  it("lists the year's days and saves a new one by upsertHoliday; the server's 400 lands on the field", async () => {
    const calls = mockFetch({
      "GET /calendar/holidays": () => ({ body: list(true) }),
      "PUT /calendar/holidays/2026-12-12": () =>
        validationFailed([{ path: "kind", message: "Thứ Bảy, Chủ nhật đã là ngày nghỉ" }]),
    });
    const { user } = renderWithProviders(<HolidaysPage />, { user: makeUser("system_admin"), route });
    const table = await screen.findByRole("table");
    expect(within(table).getByText("Tết Nguyên đán Bính Ngọ")).toBeVisible();
    expect(within(table).getByText("17/02/2026")).toBeVisible();
    await fill(user, screen.getByLabelText(/^Ngày/), "12/12/2026");
    await fill(user, screen.getByLabelText(/^Tên/), "Ngày nghỉ thử");
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByText("Thứ Bảy, Chủ nhật đã là ngày nghỉ")).toBeVisible();
    expect(writes(calls).map((c) => [c.method, c.path])).toEqual([["PUT", "/calendar/holidays/2026-12-12"]]);
  });

  it("is not shown to a caller the server says may not change the table", async () => {
    mockFetch({ "GET /calendar/holidays": () => ({ body: list(false) }) });
    renderWithProviders(<HolidaysPage />, { user: makeUser("viewer"), route });
    expect(await screen.findByRole("heading", { level: 1 })).not.toHaveTextContent("Ngày nghỉ lễ, làm bù");
    expect(screen.queryByRole("button", { name: "Lưu" })).toBeNull();
  });
});
