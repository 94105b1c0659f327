import type { GroupDetail, TeamEvaluations } from "@toandan/contracts";
import { setClock, TEAM_EVALUATION_RULES } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetch } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { GroupPage } from "./group-page";

const GROUP_ID = "77777777-7777-4777-8777-777777777777";
const M1 = "99999999-9999-4999-8999-999999999991";
const M2 = "99999999-9999-4999-8999-999999999992";
const M3 = "99999999-9999-4999-8999-999999999993";

const group: GroupDetail = {
  id: GROUP_ID,
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bến Thành",
  typeCode: "grassroots_security_team",
  typeName: "Tổ bảo vệ an ninh, trật tự ở cơ sở",
  category: "team",
  name: "Tổ bảo vệ ANTT khu phố 3",
  foundedOn: "2024-07-01",
  status: "active",
  dissolvedOn: null,
  replicatedFromId: null,
  managingBodyId: null,
  notes: null,
  createdAt: "2024-07-01T01:00:00Z",
  currentMembers: 3,
  replicaCount: 0,
  latestEvaluation: null,
  baselineSurvey: null,
  latestSurvey: null,
  can: { manage: true, moveTo: [] },
};

const person = (
  memberId: string,
  fullName: string,
  over: Partial<TeamEvaluations["members"][number]> = {},
) => ({
  memberId,
  fullName,
  role: "Tổ viên",
  joinedOn: "2024-07-01",
  leftOn: null,
  monthsServed: 11,
  ineligible: null,
  rating: null,
  evaluatedOn: null,
  ...over,
});

function year(record: boolean): TeamEvaluations {
  return {
    groupId: GROUP_ID,
    year: 2026,
    periodFrom: "2025-11-15",
    periodTo: "2026-11-14",
    asOf: "2026-11-10",
    team: { monthsServed: 11, ineligible: null, rating: null, evaluatedOn: null },
    members: [
      person(M1, "Lê Văn Một", { rating: "excellent", evaluatedOn: "2026-11-09" }),
      person(M2, "Lê Văn Hai"),
      person(M3, "Lê Văn Ba", { joinedOn: "2026-03-01", monthsServed: 8, ineligible: "too_short" }),
    ],
    rules: { ...TEAM_EVALUATION_RULES },
    // Elsewhere in the ward: 4 members rated good, none excellent.
    cap: {
      areaId: WARD_ID,
      areaName: "Phường Bến Thành",
      teams: { othersExcellent: 0, othersGood: 0, ownExcellent: 0, ownGood: 0 },
      members: { othersExcellent: 0, othersGood: 4, ownExcellent: 1, ownGood: 0 },
    },
    can: { record },
  };
}

function open(record: boolean) {
  setClock("2026-11-09T17:30:00Z"); // 10/11/2026 00:30 in Vietnam
  const calls = mockFetch({
    [`GET /groups/${GROUP_ID}`]: { body: group },
    [`GET /groups/${GROUP_ID}/members`]: { body: { items: [], nextCursor: null } },
    [`GET /groups/${GROUP_ID}/year-evaluations`]: { body: year(record) },
    [`POST /groups/${GROUP_ID}/year-evaluations`]: { body: year(record) },
    "GET /group-types": { body: { items: [] } },
  });
  const r = renderWithProviders(<GroupPage />, {
    user: makeUser(record ? "commune_front" : "viewer"),
    route: { pattern: "/to-mo-hinh/$id", path: `/to-mo-hinh/${GROUP_ID}` },
  });
  return { ...r, calls };
}

afterEach(() => setClock(null));

describe("the yearly evaluation of a grassroots team", () => {
  it("shows the year, months served, who is not yet due, the cap live and the basis; sends only changes", async () => {
    const { user, calls } = open(true);
    const region = await screen.findByRole("region", { name: "Đánh giá, xếp loại năm" });
    expect(await within(region).findByText("Năm đánh giá 2026 (15/11/2025 – 14/11/2026)")).toBeVisible();
    expect(within(region).getByText("Chưa đủ thời gian đánh giá (dưới 9 tháng)")).toBeVisible();
    expect(within(region).queryByRole("combobox", { name: "Xếp loại Lê Văn Ba" })).toBeNull();
    expect(
      within(region).getByText(/^Căn cứ: Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở số 30\/2023\/QH15/),
    ).toBeVisible();
    expect(
      within(region).getByText(
        "Thành viên: 1 Hoàn thành xuất sắc, 4 Hoàn thành tốt — tối đa 1 xuất sắc (20% số Hoàn thành tốt trở lên)",
      ),
    ).toBeVisible();

    await user.selectOptions(
      within(region).getByRole("combobox", { name: "Xếp loại Lê Văn Hai" }),
      "excellent",
    );
    expect(within(region).getByText(/^Vượt tỷ lệ: bớt 1 xếp loại xuất sắc/)).toBeVisible();
    await user.selectOptions(within(region).getByRole("combobox", { name: "Xếp loại Lê Văn Hai" }), "good");
    expect(within(region).queryByText(/^Vượt tỷ lệ/)).toBeNull();

    await user.click(within(region).getByRole("button", { name: "Lưu xếp loại" }));
    const post = calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({ year: 2026, members: [{ memberId: M2, rating: "good" }] });
  });

  it("offers no picker to a caller the server does not let record", async () => {
    open(false);
    const region = await screen.findByRole("region", { name: "Đánh giá, xếp loại năm" });
    expect(await within(region).findByText("Lê Văn Hai")).toBeVisible();
    expect(within(region).queryByRole("combobox", { name: /^Xếp loại/ })).toBeNull();
    expect(within(region).queryByRole("button", { name: "Lưu xếp loại" })).toBeNull();
    expect(within(region).getByText("Hoàn thành xuất sắc nhiệm vụ")).toBeVisible();
  });
});
