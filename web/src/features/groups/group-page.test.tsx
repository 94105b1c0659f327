import type { GroupDetail, GroupMember, Role } from "@toandan/contracts";
import { setClock } from "@toandan/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, validationFailed, writes, type Reply } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { GroupPage } from "./group-page";

const GROUP_ID = "77777777-7777-4777-8777-777777777777";

function group(over: Partial<GroupDetail> = {}): GroupDetail {
  return {
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
    currentMembers: 1157,
    replicaCount: 2,
    latestEvaluation: {
      id: "88888888-8888-4888-8888-888888888881",
      evaluatedOn: "2025-12-20",
      periodFrom: "2025-01-01",
      periodTo: "2025-12-15",
      rating: "good",
      reasons: ["Tuần tra đều đặn"],
    },
    baselineSurvey: {
      id: "88888888-8888-4888-8888-888888888882",
      surveyedOn: "2024-07-01",
      crimes: 12,
      drugUsers: 3,
      gangs: 1,
      socialEvils: 4,
      notes: null,
    },
    latestSurvey: null,
    can: { manage: true, moveTo: ["dissolved"] },
    ...over,
  };
}

const member: GroupMember = {
  id: "99999999-9999-4999-8999-999999999991",
  groupId: GROUP_ID,
  fullName: "Lê Văn Cường",
  birthDate: "1980-05-02",
  role: "Tổ trưởng",
  joinedOn: "2024-07-01",
  leftOn: null,
  disciplined: false,
  ageException: null,
  ethnicity: "Khmer",
  religion: "Phật giáo Nam tông",
  notes: null,
  deidentified: false,
  version: 1,
};

function open(g: GroupDetail, routes: Record<string, Reply> = {}, role: Role = "commune_front") {
  const calls = mockFetch({
    [`GET /groups/${GROUP_ID}`]: { body: g },
    [`GET /groups/${GROUP_ID}/members`]: { body: { items: [member], nextCursor: null } },
    "GET /group-types": { body: { items: [] } },
    ...routes,
  });
  const r = renderWithProviders(<GroupPage />, {
    user: makeUser(role),
    route: { pattern: "/to-mo-hinh/$id", path: `/to-mo-hinh/${GROUP_ID}` },
  });
  return { ...r, calls };
}

const section = (name: string) => screen.getByRole("region", { name });
const field = (name: RegExp) => screen.getByRole("textbox", { name });
const expectIssue = (el: HTMLElement, message: string) =>
  expect(el).toHaveAccessibleDescription(expect.stringContaining(message));

describe("GroupPage", () => {
  it("shows the group, its figures, members, surveys and latest evaluation", async () => {
    open(group());
    expect(await screen.findByRole("heading", { level: 1, name: "Tổ bảo vệ ANTT khu phố 3" })).toBeVisible();
    expect(screen.getByText("Đang hoạt động")).toBeVisible();
    expect(screen.getByText("1.157")).toBeVisible();
    expect(screen.getByText("01/07/2024")).toBeVisible();
    expect(await within(section("Thành viên")).findByText("Lê Văn Cường")).toBeVisible();
    expect(
      within(section("Thành viên")).getByText("Vào ngày 01/07/2024 · sinh ngày 02/05/1980"),
    ).toBeVisible();
    expect(within(section("Khảo sát tình hình")).getByText("Khảo sát ban đầu — 01/07/2024")).toBeVisible();
    const evaluation = section("Đánh giá");
    expect(within(evaluation).getByText("Đánh giá gần nhất (kỳ 01/01/2025 – 15/12/2025)")).toBeVisible();
    expect(within(evaluation).getByText("Hoàn thành tốt nhiệm vụ")).toBeVisible();
    expect(within(evaluation).getByText("Tuần tra đều đặn")).toBeVisible();
  });

  it("shows not found for an id that is not a UUID, without asking the server", async () => {
    const calls = mockFetch({});
    renderWithProviders(<GroupPage />, { route: { pattern: "/to-mo-hinh/$id", path: "/to-mo-hinh/abc" } });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy hoặc bạn không có quyền xem" }),
    ).toBeVisible();
    expect(calls.filter((c) => c.path.startsWith("/groups"))).toEqual([]);
  });

  it("offers no changes to someone who may only read", async () => {
    open(group({ can: { manage: false, moveTo: [] } }), {}, "viewer");
    expect(await screen.findByText("Lê Văn Cường")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Thêm thành viên" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Rời tổ — Lê Văn Cường" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Giải thể" })).toBeNull();
  });

  it("offers only what the server says the caller may do with this group, whatever the role", async () => {
    open(group({ can: { manage: false, moveTo: [] } }), {}, "commune_front");
    expect(await screen.findByText("Lê Văn Cường")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Thêm thành viên" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Rời tổ — Lê Văn Cường" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Ghi nhận khảo sát" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Giải thể" })).toBeNull();
  });

  it("adds a member dated today in Vietnam and puts the server's issues on the right fields", async () => {
    setClock("2025-12-02T17:30:00Z"); // 00:30 on 3 December in Vietnam
    const { user, calls } = open(group(), {
      [`POST /groups/${GROUP_ID}/members`]: validationFailed([
        { path: "birthDate", message: "Thành viên phải từ đủ 18 đến 70 tuổi" },
        { path: "ageException", message: "Người trên 70 tuổi cần quyết định của Chủ tịch UBND" },
      ]),
    });
    await user.click(await screen.findByRole("button", { name: "Thêm thành viên" }));
    expect(field(/^Ngày vào \(dd\/mm\/yyyy\)/)).toHaveValue("03/12/2025");
    expect(field(/^Ngày sinh/)).toHaveAccessibleDescription(
      "Thành viên tổ bảo vệ an ninh, trật tự ở cơ sở phải từ đủ 18 đến 70 tuổi.",
    );
    await fill(user, field(/^Họ tên/), "Phạm Thị Dung");
    await fill(user, field(/^Ngày sinh/), "01/01/1950");
    await user.click(screen.getByRole("button", { name: "Thêm thành viên" }));
    expect(await screen.findByText("Thành viên phải từ đủ 18 đến 70 tuổi")).toBeVisible();
    expectIssue(field(/^Ngày sinh/), "Thành viên phải từ đủ 18 đến 70 tuổi");
    expectIssue(field(/^Số quyết định/), "Người trên 70 tuổi cần quyết định của Chủ tịch UBND");
    expect(writes(calls)).toEqual([
      expect.objectContaining({
        path: `/groups/${GROUP_ID}/members`,
        body: {
          fullName: "Phạm Thị Dung",
          birthDate: "1950-01-01",
          joinedOn: "2025-12-03",
          disciplined: false,
        },
      }),
    ]);
  });

  it("records a member leaving, and shows the server's reason when it refuses", async () => {
    setClock("2025-12-03T16:30:00Z"); // 23:30 on 3 December in Vietnam
    const { user, calls } = open(group(), {
      [`POST /groups/${GROUP_ID}/members/${member.id}/leave`]: validationFailed([
        { path: "leftOn", message: "Ngày rời tổ trước ngày vào tổ" },
      ]),
    });
    await user.click(await screen.findByRole("button", { name: "Rời tổ — Lê Văn Cường" }));
    const dialog = screen.getByRole("dialog", { name: "Ghi nhận Lê Văn Cường rời tổ" });
    const date = within(dialog).getByRole("textbox", { name: /^Ngày rời/ });
    expect(date).toHaveValue("03/12/2025");
    await user.clear(date);
    await fill(user, date, "30/02/2025");
    expect(within(dialog).getByRole("button", { name: "Rời tổ" })).toBeDisabled();
    expectIssue(date, "Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.");
    await user.clear(date);
    await fill(user, date, "01/06/2024");
    await user.click(within(dialog).getByRole("button", { name: "Rời tổ" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Ngày rời tổ trước ngày vào tổ");
    expect(writes(calls)).toEqual([expect.objectContaining({ body: { leftOn: "2024-06-01" } })]);
  });

  it("dissolves a group on a date and says so", async () => {
    const { user, calls } = open(group(), {
      [`POST /groups/${GROUP_ID}/status`]: { body: {} },
    });
    await user.click(await screen.findByRole("button", { name: "Giải thể" }));
    const dialog = screen.getByRole("dialog", { name: "Giải thể" });
    const date = within(dialog).getByRole("textbox", { name: /^Ngày \(dd\/mm\/yyyy\)/ });
    await user.clear(date);
    await fill(user, date, "15/12/2025");
    await user.type(within(dialog).getByRole("textbox", { name: "Lý do (không bắt buộc)" }), "  ");
    await user.click(within(dialog).getByRole("button", { name: "Xác nhận" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã chuyển trạng thái sang “Đã giải thể”.");
    expect(writes(calls)).toEqual([
      expect.objectContaining({
        path: `/groups/${GROUP_ID}/status`,
        body: { status: "dissolved", date: "2025-12-15" },
      }),
    ]);
  });

  it("offers the moves a pilot can make", async () => {
    open(group({ status: "pilot", can: { manage: true, moveTo: ["active", "dissolved"] } }));
    expect(await screen.findByRole("button", { name: "Công nhận hoạt động chính thức" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Dừng thí điểm" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Giải thể" })).toBeNull();
  });

  it("records a survey and puts the server's issue on its figure", async () => {
    const { user, calls } = open(group(), {
      [`POST /groups/${GROUP_ID}/surveys`]: validationFailed([
        { path: "gangs", message: "Số băng, nhóm phải là số nguyên không âm" },
      ]),
    });
    await user.click(await screen.findByRole("button", { name: "Ghi nhận khảo sát" }));
    await fill(user, field(/^Số vụ phạm tội/), "1.157");
    await user.click(screen.getByRole("button", { name: "Lưu khảo sát" }));
    await waitFor(() => expectIssue(field(/^Số băng, nhóm/), "Số băng, nhóm phải là số nguyên không âm"));
    expect(writes(calls)[0]!.body).toMatchObject({ crimes: 1157 });
  });

  it("asks for a reason before sending an 'on paper' rating of a model", async () => {
    setClock("2025-12-03T03:00:00Z");
    const { user, calls } = open(group({ category: "model", typeCode: "camera", latestEvaluation: null }), {
      [`POST /groups/${GROUP_ID}/evaluations`]: { body: {} },
    });
    await user.click(await screen.findByRole("button", { name: "Ghi nhận đánh giá" }));
    expect(field(/^Kỳ đánh giá từ ngày/)).toHaveValue("01/01/2025");
    expect(field(/^Đến ngày/)).toHaveValue("03/12/2025");
    await user.click(screen.getByRole("radio", { name: "Hoạt động hình thức" }));
    await user.click(screen.getByRole("button", { name: "Lưu đánh giá" }));
    expect(
      await screen.findByText("Cần nêu ít nhất một lý do khi đánh giá mô hình hoạt động hình thức."),
    ).toBeVisible();
    expect(writes(calls)).toEqual([]);
    await fill(user, field(/^Lý do, nhận xét/), "Không họp định kỳ\n\nKhông có sổ sách");
    await user.click(screen.getByRole("button", { name: "Lưu đánh giá" }));
    expect(await screen.findByText("Đã ghi nhận đánh giá.")).toBeVisible();
    expect(writes(calls)[0]!.body).toEqual({
      evaluatedOn: "2025-12-03",
      periodFrom: "2025-01-01",
      periodTo: "2025-12-03",
      rating: "on_paper",
      reasons: ["Không họp định kỳ", "Không có sổ sách"],
    });
  });
});
