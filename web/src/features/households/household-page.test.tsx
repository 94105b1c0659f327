import type { HouseholdDetail, Role } from "@toandan/contracts";
import { setClock } from "@toandan/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, validationFailed, writes, type Reply } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { HouseholdPage } from "./household-page";

const HOUSEHOLD_ID = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

function household(over: Partial<HouseholdDetail> = {}): HouseholdDetail {
  return {
    id: HOUSEHOLD_ID,
    orgUnitId: WARD_ID,
    orgUnitName: "Khu phố 3",
    code: null,
    headName: "Võ Thị Hạnh",
    address: "12 Lê Lợi",
    members: 5,
    memberOrgs: ["women", "veterans"],
    movedOutOn: null,
    lastSignedYear: 2024,
    createdAt: "2024-01-01T00:00:00Z",
    version: 1,
    safeFamilies: [],
    commitments: [
      {
        id: "dddddddd-dddd-4ddd-8ddd-ddddddddddd1",
        householdId: HOUSEHOLD_ID,
        year: 2023,
        signedOn: "2023-03-01",
        formVersion: "Mẫu 2023",
        hasScan: false,
        createdAt: "2023-03-01T00:00:00Z",
        version: 1,
      },
      {
        id: "dddddddd-dddd-4ddd-8ddd-ddddddddddd2",
        householdId: HOUSEHOLD_ID,
        year: 2024,
        signedOn: "2024-02-15",
        formVersion: "Mẫu 2024",
        hasScan: true,
        createdAt: "2024-02-15T00:00:00Z",
        version: 1,
      },
    ],
    ...over,
  };
}

const TEMPLATE = "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee1";
const WARD_TEMPLATE = "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee2";
const templates = (items = true): Reply => ({
  body: {
    items: items
      ? [
          {
            id: TEMPLATE,
            orgUnitId: WARD_ID,
            orgUnitName: "Khu phố 3",
            name: "Mẫu 2025",
            createdAt: "2025-01-02T00:00:00Z",
            version: 1,
          },
          {
            id: WARD_TEMPLATE,
            orgUnitId: "ffffffff-ffff-4fff-8fff-ffffffffffff",
            orgUnitName: "Phường Bạc Liêu",
            name: "Mẫu của phường",
            createdAt: "2025-01-01T00:00:00Z",
            version: 1,
          },
        ]
      : [],
    can: { create: true },
  },
});

function open(h: HouseholdDetail, routes: Record<string, Reply> = {}, role: Role = "residential_area_cadre") {
  const calls = mockFetch({
    [`GET /households/${HOUSEHOLD_ID}`]: { body: h },
    "GET /commitment-templates": templates(),
    ...routes,
  });
  const r = renderWithProviders(<HouseholdPage />, {
    user: makeUser(role),
    route: { pattern: "/ho-gia-dinh/$id", path: `/ho-gia-dinh/${HOUSEHOLD_ID}` },
  });
  return { ...r, calls };
}

const box = (name: RegExp) => screen.getByRole("textbox", { name });
const submit = () => screen.getByRole("button", { name: "Ghi nhận cam kết" });
const expectIssue = (el: HTMLElement, message: string) =>
  expect(el).toHaveAccessibleDescription(expect.stringContaining(message));

describe("HouseholdPage", () => {
  it("lists the commitments, latest year first, in a named scroll region", async () => {
    open(household());
    expect(await screen.findByRole("heading", { level: 1, name: "Hộ ông/bà Võ Thị Hạnh" })).toBeVisible();
    // The section and the table's scroll box both carry the name; the scroll box is focusable.
    const regions = screen.getAllByRole("region", { name: "Cam kết đã ký" });
    const table = regions.find((r) => r.getAttribute("tabindex") === "0")!;
    expect(table).toBeDefined();
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["2024", "2023"]);
    expect(within(rows[0]!).getByText("15/02/2024")).toBeVisible();
    expect(within(rows[0]!).getByRole("link", { name: "Xem bản quét" })).toHaveAttribute(
      "href",
      `/api/v1/households/${HOUSEHOLD_ID}/commitments/2024/scan`,
    );
  });

  it.each([
    // 00:30 on 1 January 2026 in Vietnam: 31 December 2025 in UTC and in Honolulu.
    ["00:30 on 1 January", "2025-12-31T17:30:00Z", "2026", "01/01/2026"],
    // 23:30 on 31 December 2025 in Vietnam.
    ["23:30 on 31 December", "2025-12-31T16:30:00Z", "2025", "31/12/2025"],
  ])("defaults to this year and today in Vietnam at %s", async (_when, instant, year, today) => {
    setClock(instant);
    open(household());
    expect(await screen.findByRole("textbox", { name: /^Năm/ })).toHaveValue(year);
    expect(box(/^Ngày ký/)).toHaveValue(today);
  });

  it("shows display labels, not the form's: no “(không bắt buộc)” on the detail page", async () => {
    open(household({ code: "K1-007" }));
    expect(await screen.findByText("K1-007")).toBeVisible();
    expect(screen.getByText("Số hộ")).toBeVisible();
    expect(screen.queryByText(/không bắt buộc/)).toBeNull();
  });

  it("names each upload button by its visible words first, then the year", async () => {
    open(household());
    await screen.findByRole("heading", { level: 1 });
    const button = await screen.findByRole("button", { name: "Tải bản quét lên (cam kết năm 2023)" });
    expect(button).toHaveTextContent(/^Tải bản quét lên/);
  });

  it("records a commitment on a form picked from the unit's templates and says so", async () => {
    setClock("2025-03-10T03:00:00Z");
    const { user, calls } = open(household(), {
      [`POST /households/${HOUSEHOLD_ID}/commitments`]: {
        status: 201,
        body: { ...household().commitments[0], year: 2025 },
      },
    });
    const select = await screen.findByRole("combobox", { name: /^Mẫu cam kết/ });
    await waitFor(() => expect(select).toHaveValue(TEMPLATE));
    expect(
      within(select).getByRole("option", { name: "Mẫu của phường (Phường Bạc Liêu)" }),
    ).toBeInTheDocument();
    await user.selectOptions(select, WARD_TEMPLATE);
    await user.click(submit());
    expect(await screen.findByRole("status")).toHaveTextContent("Đã ghi nhận cam kết năm 2025.");
    expect(writes(calls)[0]!.body).toEqual({ year: 2025, signedOn: "2025-03-10", templateId: WARD_TEMPLATE });
  });

  it("checks the form before sending", async () => {
    const { user, calls } = open(household(), { "GET /commitment-templates": templates(false) });
    expect(
      await screen.findByText("Chưa có mẫu cam kết nào. Hãy thêm mẫu trước khi ghi nhận."),
    ).toBeVisible();
    await user.click(submit());
    await waitFor(() =>
      expectIssue(screen.getByRole("combobox", { name: /^Mẫu cam kết/ }), "Hãy chọn mẫu cam kết"),
    );
    await fill(user, await screen.findByRole("textbox", { name: /^Năm/ }), "hai nghìn");
    await user.click(submit());
    await waitFor(() => expectIssue(box(/^Năm/), "Giá trị không hợp lệ."));
    expect(writes(calls)).toEqual([]);
  });

  it("puts a second commitment for a year on the year field", async () => {
    const { user } = open(household(), {
      [`POST /households/${HOUSEHOLD_ID}/commitments`]: {
        status: 409,
        body: { error: { code: "conflict", message: "duplicate" } },
      },
    });
    await waitFor(() => expect(screen.getByRole("combobox", { name: /^Mẫu cam kết/ })).toHaveValue(TEMPLATE));
    await user.click(submit());
    await waitFor(() => expectIssue(box(/^Năm/), "Hộ đã có cam kết năm này."));
  });

  it("puts the server's issues on their fields", async () => {
    const { user } = open(household(), {
      [`POST /households/${HOUSEHOLD_ID}/commitments`]: validationFailed([
        { path: "signedOn", message: "Ngày ký không thuộc năm cam kết" },
      ]),
    });
    await waitFor(() => expect(screen.getByRole("combobox", { name: /^Mẫu cam kết/ })).toHaveValue(TEMPLATE));
    await user.click(submit());
    await waitFor(() => expectIssue(box(/^Ngày ký/), "Ngày ký không thuộc năm cam kết"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("offers no form for a household that moved out", async () => {
    open(household({ movedOutOn: "2025-01-05" }));
    expect(await screen.findByText("Đã chuyển đi ngày 05/01/2025")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Ghi nhận cam kết" })).toBeNull();
  });

  it("offers no form to someone who may only read", async () => {
    open(household(), {}, "viewer");
    expect(await screen.findByRole("heading", { level: 1, name: "Hộ ông/bà Võ Thị Hạnh" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Ghi nhận cam kết" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Tải bản quét/ })).toBeNull();
  });
});
