import type { Festival, FestivalList, FestivalOverview, Training } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { FestivalsPage } from "./festivals-page";
import { traineesFromText } from "./festivals-api";
import { TrainingSection } from "./training-section";

const ID = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const BODY = "dddddddd-dddd-4ddd-8ddd-ddddddddddd1";
const ACTIVITY = "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee1";

const festival: Festival = {
  id: ID,
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bạc Liêu",
  year: 2026,
  level: "commune",
  showcase: true,
  planDate: "2026-08-19",
  heldOn: null,
  venues: ["Hội trường UBND phường"],
  organizers: [{ id: BODY, kind: "front", name: "Ủy ban MTTQ phường" }],
  ceremonyContent: "Đánh giá kết quả 8 tháng đầu năm",
  festivalContent: "Văn nghệ, thể thao",
  attendees: 0,
  gifts: 0,
  giftValue: 0,
  awards: 0,
  activityId: null,
  can: { edit: true },
  createdAt: "2026-07-01T01:00:00.000Z",
  updatedAt: "2026-07-01T01:00:00.000Z",
};

const figures = { planned: 3, held: 2, attendees: 1157, gifts: 40, giftValue: 20_000_000, awards: 12 };
const overview: FestivalOverview = {
  year: 2026,
  totals: figures,
  byLevel: [
    { level: "commune", ...figures },
    { level: "hamlet", planned: 0, held: 0, attendees: 0, gifts: 0, giftValue: 0, awards: 0 },
  ],
};

describe("FestivalsPage", () => {
  it("shows the year's overview by level and each unit's festival with its two parts, in Vietnamese", async () => {
    const list: FestivalList = { items: [festival], can: { create: true } };
    const calls = mockFetch({
      "GET /festivals": { body: list },
      "GET /festivals/overview": { body: overview },
      [`POST /festivals/${ID}/held`]: { body: { ...festival, heldOn: "2026-08-18", attendees: 1200 } },
    });
    const { user } = renderWithProviders(<FestivalsPage />, {
      user: makeUser("commune_front"),
      route: { pattern: "/ngay-hoi", path: "/ngay-hoi" },
    });
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8)",
      }),
    ).toBeVisible();
    expect((await screen.findAllByText("1.157")).length).toBe(2); // the total and the commune row
    expect(screen.getByText("20.000.000")).toBeVisible();
    expect(screen.getAllByText("Cấp xã, phường, đặc khu").length).toBeGreaterThan(0);
    expect(screen.queryByText("Thôn, ấp, khóm, tổ dân phố")).toBeNull(); // levels with nothing planned are left out
    expect(screen.getByText("Dự kiến ngày 19/08/2026")).toBeVisible();
    expect(screen.getByText(/Phần lễ/)).toBeVisible();
    expect(screen.getByText(/Phần hội/)).toBeVisible();
    expect(calls.find((c) => c.path === "/festivals")!.query.get("orgUnitId")).toBe(WARD_ID);

    await user.click(screen.getByRole("button", { name: "Ghi kết quả tổ chức" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Người tham dự/ }), "1.200");
    await user.click(within(dialog).getByRole("button", { name: "Lưu kết quả" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({ heldOn: "2026-08-19", attendees: 1200 });
  });
});

describe("TrainingSection", () => {
  it("lists the roster and saves one trainee per line", async () => {
    const training: Training = {
      activityId: ACTIVITY,
      level: "commune",
      form: "tap_huan",
      trainees: [{ fullName: "Nguyễn Văn A", position: "Tổ trưởng", organisation: null }],
      can: { edit: true },
    };
    const calls = mockFetch({
      [`GET /activities/${ACTIVITY}/training`]: { body: training },
      [`PUT /activities/${ACTIVITY}/training`]: { body: training },
    });
    const { user } = renderWithProviders(<TrainingSection activityId={ACTIVITY} />, {
      user: makeUser("commune_front"),
    });
    expect(await screen.findByText("Nguyễn Văn A")).toBeVisible();
    expect(screen.getByText("Cấp xã")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Ghi danh sách học viên" }));
    const dialog = await screen.findByRole("dialog");
    const box = within(dialog).getByRole("textbox", { name: /Học viên/ });
    await user.clear(box);
    await user.type(box, "Trần Thị B; Phó trưởng khóm; Khóm 2{enter}Lê Văn C");
    await user.click(within(dialog).getByRole("button", { name: "Lưu danh sách" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toEqual({
      level: "commune",
      form: "tap_huan",
      trainees: [
        { fullName: "Trần Thị B", position: "Phó trưởng khóm", organisation: "Khóm 2" },
        { fullName: "Lê Văn C" },
      ],
    });
  });

  it("reads lines with blank parts and skips empty lines", () => {
    expect(traineesFromText("A;;Đơn vị\n\n  \nB")).toEqual([
      { fullName: "A", organisation: "Đơn vị" },
      { fullName: "B" },
    ]);
  });
});
