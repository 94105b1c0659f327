import type { SteeringCommitteeDetail } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { CommitteePage } from "./committee-page";

const ID = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const HEAD = "dddddddd-dddd-4ddd-8ddd-ddddddddddd1";
const MEMBER = "dddddddd-dddd-4ddd-8ddd-ddddddddddd2";

function committee(manage: boolean): SteeringCommitteeDetail {
  return {
    id: ID,
    orgUnitId: WARD_ID,
    orgUnitName: "Phường Bạc Liêu",
    name: "Ban Chỉ đạo 138 phường",
    decisionKind: "consolidated",
    decisionNumber: "12/QĐ-UBND",
    decisionOn: "2026-01-05",
    decisionIssuer: "UBND phường",
    activeMembers: 2,
    can: { manage },
    members: [
      {
        id: HEAD,
        fullName: "Nguyễn Văn Trưởng",
        position: "Chủ tịch",
        organisation: "UBND phường",
        role: "head",
        area: "Phụ trách chung",
        joinedOn: "2026-01-05",
        leftOn: null,
        leftReason: null,
      },
      {
        id: MEMBER,
        fullName: "Lê Thị Ủy Viên",
        position: "Chủ tịch Hội",
        organisation: "Hội Phụ nữ",
        role: "member",
        area: null,
        joinedOn: "2026-01-05",
        leftOn: null,
        leftReason: null,
      },
    ],
    meetings: [
      {
        id: "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee1",
        heldOn: "2026-03-31",
        kind: "interim_review",
        attendeeIds: [HEAD, MEMBER],
        agenda: "Sơ kết quý I",
        conclusions: null,
      },
    ],
    assignments: [
      {
        id: "ffffffff-ffff-4fff-8fff-fffffffffff1",
        title: "Rà soát tổ tự quản",
        responsibleMemberId: MEMBER,
        responsibleMemberName: "Lê Thị Ủy Viên",
        dueOn: "2026-06-30",
        meetingId: null,
        doneOn: null,
      },
    ],
  };
}

const open = (manage: boolean) => {
  const calls = mockFetch({
    [`GET /committees/${ID}`]: { body: committee(manage) },
    [`POST /committees/${ID}/members/${MEMBER}/removal`]: { body: committee(manage) },
  });
  const r = renderWithProviders(<CommitteePage />, {
    user: makeUser(manage ? "commune_police" : "viewer"),
    route: { pattern: "/ban-chi-dao/$id", path: `/ban-chi-dao/${ID}` },
  });
  return { ...r, calls };
};

describe("CommitteePage", () => {
  it("shows the decision, members with their role, meetings and assignments in Vietnamese", async () => {
    open(false);
    expect(await screen.findByRole("heading", { level: 1, name: "Ban Chỉ đạo 138 phường" })).toBeVisible();
    expect(screen.getByText(/Quyết định kiện toàn số 12\/QĐ-UBND ngày 05\/01\/2026/)).toBeVisible();
    expect(screen.getByText("Trưởng ban")).toBeVisible();
    expect(screen.getByText("Sơ kết")).toBeVisible();
    expect(screen.getByText("Đang thực hiện")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Bổ sung thành viên" })).toBeNull();
  });

  it("lets a manager remove a member with the date and reason", async () => {
    const { user, calls } = open(true);
    await screen.findByRole("heading", { level: 1 });
    const row = screen.getAllByText("Lê Thị Ủy Viên")[0]!.closest("tr")!;
    await user.click(within(row).getByRole("button", { name: "Cho thôi" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Lý do thôi/ }), "Chuyển công tác");
    await user.click(within(dialog).getByRole("button", { name: "Cho thôi" }));
    await screen.findByRole("heading", { level: 1 });
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({ reason: "Chuyển công tác" });
    expect((writes(calls)[0]!.body as { leftOn: string }).leftOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
