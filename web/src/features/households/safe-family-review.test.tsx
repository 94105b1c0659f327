import { setClock } from "@toandan/contracts";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser, WARD, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { SafeFamilyReview } from "./safe-family-review";

const AREA_ID = "55555555-5555-4555-8555-555555555555";
const AREA = { ...WARD, id: AREA_ID, kind: "residential_area" as const, name: "Khóm 1" };
const H1 = "11111111-1111-4111-8111-111111111111";
const H2 = "22222222-2222-4222-8222-222222222222";
const H3 = "33333333-3333-4333-8333-333333333333";

const review = {
  orgUnitId: AREA_ID,
  year: 2025,
  items: [
    { householdId: H1, code: "K1-001", headName: "Nguyễn Văn An", address: "3 Trần Phú", recognition: null },
    { householdId: H2, code: "K1-002", headName: "Trần Thị Bình", address: "6 Lê Lợi", recognition: null },
    {
      householdId: H3,
      code: "K1-003",
      headName: "Lê Văn Cường",
      address: "9 Hòa Bình",
      recognition: {
        id: "44444444-4444-4444-8444-444444444444",
        householdId: H3,
        year: 2025,
        decidedLevel: "commune",
        decidedBy: "UBND phường Bạc Liêu",
        decidedOn: "2025-11-15",
        decisionNumber: null,
        note: null,
        withdrawnOn: null,
        withdrawnReason: null,
        createdAt: "2025-11-15T00:00:00Z",
      },
    },
  ],
};

afterEach(() => setClock(null));

describe("SafeFamilyReview", () => {
  it("shows the year's rate, ticks households with large checkboxes and records them in one call", async () => {
    setClock("2026-02-10T03:00:00Z");
    const calls = mockFetch({
      [`GET /org-units/${AREA_ID}`]: { body: AREA },
      "GET /households/safe-families": { body: review },
      "POST /households/safe-families/review": { body: { recorded: 2, alreadyRecognised: 0 } },
    });
    renderWithProviders(<SafeFamilyReview unitId={AREA_ID} year={2025} canManage />, {
      user: makeUser("residential_area_cadre"),
    });
    expect(await screen.findByText(/^1\/3 hộ được công nhận \(33/)).toBeVisible();
    expect(screen.getByRole("checkbox", { name: "Lê Văn Cường" })).toBeDisabled();
    fireEvent.click(screen.getByRole("checkbox", { name: "Chọn tất cả hộ chưa công nhận" }));
    fireEvent.change(screen.getByRole("textbox", { name: /Cơ quan, tổ chức công nhận/ }), {
      target: { value: "UBND phường Bạc Liêu" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Ghi nhận 2 hộ" }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toEqual({
      orgUnitId: AREA_ID,
      year: 2025,
      decidedLevel: "commune",
      decidedBy: "UBND phường Bạc Liêu",
      decidedOn: "2026-02-10",
      householdIds: [H1, H2],
    });
    expect(await screen.findByRole("status")).toHaveTextContent("Đã ghi nhận 2 hộ");
  });

  it("asks for a residential area when the unit chosen is not one, without asking the server", async () => {
    const calls = mockFetch({ [`GET /org-units/${WARD_ID}`]: { body: WARD } });
    renderWithProviders(<SafeFamilyReview unitId={WARD_ID} year={2025} canManage />, {
      user: makeUser("commune_front"),
    });
    expect(await screen.findByText(/Chọn một khu dân cư ở bộ lọc/)).toBeVisible();
    expect(calls.filter((c) => c.path.startsWith("/households")).map((c) => c.path)).toEqual([]);
  });
});
