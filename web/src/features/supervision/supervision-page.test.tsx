import type { SupervisionDetail } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { parseMembers } from "./create-supervision-form";
import { SupervisionPage } from "./supervision-page";

const ID = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const REC = "dddddddd-dddd-4ddd-8ddd-ddddddddddd1";
const ANSWERED = "dddddddd-dddd-4ddd-8ddd-ddddddddddd2";

function supervision(over: Partial<SupervisionDetail> = {}, respond = false): SupervisionDetail {
  return {
    id: ID,
    orgUnitId: WARD_ID,
    orgUnitName: "Phường Bạc Liêu",
    title: "Giám sát phong trào toàn dân bảo vệ an ninh Tổ quốc",
    subjectKind: "movement",
    subjectBodyId: null,
    subjectBodyName: null,
    subjectPlanId: null,
    subjectPlanTitle: null,
    form: "delegation",
    periodFrom: "2026-05-01",
    periodTo: "2026-05-31",
    decisionNumber: "12/QĐ-MTTQ",
    decisionDate: "2026-04-20",
    status: "ongoing",
    recommendations: 2,
    unanswered: 1,
    content: "Việc triển khai phong trào tại các khóm",
    members: [{ name: "Nguyễn Văn A", position: "Chủ tịch Ủy ban MTTQ phường" }],
    result: null,
    summary: null,
    unansweredNote: null,
    closedOn: null,
    can: { recordFinding: false, addRecommendation: false, close: false },
    findings: [
      { id: "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee1", foundOn: "2026-05-10", content: "Khóm 3 chưa họp tổ" },
    ],
    recommendationList: [
      {
        id: REC,
        addresseeBodyId: null,
        addresseeName: "Công an phường Bạc Liêu",
        content: "Tăng cường tuần tra khóm 3",
        madeOn: "2026-05-20",
        dueOn: "2026-06-05",
        overdue: true,
        response: null,
        can: { respond },
      },
      {
        id: ANSWERED,
        addresseeBodyId: null,
        addresseeName: "UBND phường",
        content: "Bố trí kinh phí",
        madeOn: "2026-05-20",
        dueOn: "2026-06-05",
        overdue: false,
        response: { respondedOn: "2026-06-01", content: "Đã bố trí", action: "Cấp 20 triệu đồng" },
        can: { respond: false },
      },
    ],
    ...over,
  };
}

const open = (s: SupervisionDetail, role: "commune_front" | "commune_police" | "viewer") => {
  const calls = mockFetch({
    [`GET /supervisions/${ID}`]: { body: s },
    [`POST /supervisions/${ID}/recommendations/${REC}/response`]: { body: s },
    [`POST /supervisions/${ID}/close`]: { body: s },
  });
  const r = renderWithProviders(<SupervisionPage />, {
    user: makeUser(role),
    route: { pattern: "/giam-sat/$id", path: `/giam-sat/${ID}` },
  });
  return { ...r, calls };
};

describe("SupervisionPage", () => {
  it("shows the decision, findings, recommendations with their answers; no action without abilities", async () => {
    open(supervision(), "viewer");
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Giám sát phong trào toàn dân bảo vệ an ninh Tổ quốc",
      }),
    ).toBeVisible();
    expect(screen.getByText("Quyết định số 12/QĐ-MTTQ ngày 20/04/2026")).toBeVisible();
    expect(screen.getByText("Đang giám sát")).toBeVisible();
    expect(screen.getByText("Khóm 3 chưa họp tổ")).toBeVisible();
    expect(screen.getByText("Quá hạn trả lời")).toBeVisible();
    expect(screen.getByText("Đã trả lời ngày 01/06/2026")).toBeVisible();
    expect(screen.getByText("Biện pháp: Cấp 20 triệu đồng")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Ghi trả lời" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Kết thúc giám sát" })).toBeNull();
  });

  it("lets the addressee record its answer when the server says it may", async () => {
    const { user, calls } = open(supervision({}, true), "commune_police");
    await user.click(await screen.findByRole("button", { name: "Ghi trả lời" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Nội dung trả lời/ }), "Đã tăng tuần tra");
    await user.click(within(dialog).getByRole("button", { name: "Lưu" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({ content: "Đã tăng tuần tra" });
    expect((writes(calls)[0]!.body as { respondedOn: string }).respondedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("closes with a result, asking why when recommendations are unanswered", async () => {
    const { user, calls } = open(
      supervision({ can: { recordFinding: true, addRecommendation: true, close: true } }),
      "commune_front",
    );
    await user.click(await screen.findByRole("button", { name: "Kết thúc giám sát" }));
    const dialog = await screen.findByRole("dialog");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /Đánh giá chung/ }), "partly");
    await user.type(within(dialog).getByRole("textbox", { name: /Kết luận giám sát/ }), "Cơ bản đạt");
    await user.type(within(dialog).getByRole("textbox", { name: /Lý do kết thúc/ }), "Tiếp tục theo dõi");
    await user.click(within(dialog).getByRole("button", { name: "Kết thúc giám sát" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({
      result: "partly",
      summary: "Cơ bản đạt",
      unansweredNote: "Tiếp tục theo dõi",
    });
  });

  it("reads the delegation's members one per line", () => {
    expect(parseMembers("Nguyễn Văn A, Chủ tịch\n\nTrần Thị B")).toEqual([
      { name: "Nguyễn Văn A", position: "Chủ tịch" },
      { name: "Trần Thị B", position: "" },
    ]);
  });
});
