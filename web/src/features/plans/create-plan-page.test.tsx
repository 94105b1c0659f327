import { INDICATORS, type Plan, type Role } from "@toandan/contracts";
import { setClock } from "@toandan/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, validationFailed, writes, type Reply } from "../../test/fetch";
import { FRONT_BODY_ID, makeUser, POLICE_BODY_ID, WARD, WARD_ID } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { CreatePlanPage, EditPlanPage } from "./create-plan-page";

const PLAN_ID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const RATE = "households.commitment_rate";
const SOURCE_ID = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

const base: Record<string, Reply> = {
  "GET /indicators": { body: { items: INDICATORS } },
  "GET /plans": { body: { items: [], nextCursor: null, can: { create: true } } },
  "GET /org-units": { body: { items: [], nextCursor: null } },
  [`GET /org-units/${WARD_ID}`]: { body: WARD },
};

function openCreate(routes: Record<string, Reply> = {}, role: Role = "commune_front") {
  const calls = mockFetch({ ...base, ...routes });
  const r = renderWithProviders(<CreatePlanPage />, {
    user: makeUser(role),
    route: { pattern: "/ke-hoach/moi", path: "/ke-hoach/moi" },
  });
  return { ...r, calls };
}

const box = (name: RegExp | string) => screen.getByRole("textbox", { name });
const submit = () => screen.getByRole("button", { name: "Lưu kế hoạch" });
const expectIssue = (el: HTMLElement, message: string) =>
  expect(el).toHaveAccessibleDescription(expect.stringContaining(message));

describe("CreatePlanPage", () => {
  it("starts dated today in Vietnam, over five years from this year in Vietnam", async () => {
    // 00:30 on 1 January 2026 in Vietnam: still 2025 in UTC and in the browser's zone.
    setClock("2025-12-31T17:30:00Z");
    openCreate();
    expect(await screen.findByRole("heading", { level: 1, name: "Tạo kế hoạch" })).toBeVisible();
    expect(await screen.findByRole("textbox", { name: /^Ngày ban hành/ })).toHaveValue("01/01/2026");
    expect(box(/^Từ năm/)).toHaveValue("2026");
    expect(box(/^Đến năm/)).toHaveValue("2030");
  });

  it("is not offered when the server says the caller may not create a plan", async () => {
    openCreate({ "GET /plans": { body: { items: [], nextCursor: null, can: { create: false } } } }, "viewer");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy hoặc bạn không có quyền xem" }),
    ).toBeVisible();
  });

  it("checks the form against the contract before sending, in the form's words", async () => {
    const { user, calls } = openCreate();
    await fill(user, await screen.findByRole("textbox", { name: /^Số hiệu/ }), "279-KH");
    await user.clear(box(/^Đến năm/));
    await user.type(box(/^Đến năm/), "2000");
    await user.click(screen.getByRole("button", { name: "Thêm nhiệm vụ" }));
    await user.click(submit());
    expect(
      await screen.findByText("Số hiệu dạng số/ký hiệu, ví dụ 279/KH-MTTQ-BCA hoặc 20-CTr/TU."),
    ).toBeVisible();
    expectIssue(box(/^Số hiệu/), "Số hiệu dạng số/ký hiệu, ví dụ 279/KH-MTTQ-BCA hoặc 20-CTr/TU.");
    expectIssue(box(/^Đến năm/), "Năm kết thúc phải bằng hoặc sau năm bắt đầu.");
    expectIssue(box(/^Trích yếu/), "Vui lòng nhập thông tin này.");
    expectIssue(box(/^Nội dung nhiệm vụ 1/), "Vui lòng nhập thông tin này.");
    expectIssue(
      screen.getByRole("group", { name: /^Cơ quan ban hành/ }),
      "Cần ít nhất một cơ quan ban hành.",
    );
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Dữ liệu không hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.",
    );
    expect(writes(calls)).toEqual([]);
  });

  it("sends tasks, milestones and targets, a rate as a fraction, then opens the new plan", async () => {
    setClock("2025-12-03T02:00:00Z");
    const { user, calls } = openCreate({
      "POST /plans": { status: 201, body: { id: PLAN_ID } },
    });
    await fill(user, await screen.findByRole("textbox", { name: /^Số hiệu/ }), "12/KH-MTTQ");
    await fill(user, box(/^Trích yếu/), "Kế hoạch thực hiện phong trào năm 2026");
    const issuers = screen.getByRole("group", { name: /^Cơ quan ban hành/ });
    await user.click(await within(issuers).findByRole("checkbox", { name: "Công an phường" }));
    await user.click(screen.getByRole("button", { name: "Thêm nhiệm vụ" }));
    await fill(user, box(/^Nội dung nhiệm vụ 1/), "Tuyên truyền");
    await user.click(screen.getByRole("button", { name: "Thêm mốc" }));
    await user.clear(box(/^Năm của mốc 1/));
    await user.type(box(/^Năm của mốc 1/), "2026");
    await fill(user, box(/^Nội dung mốc 1/), "Sơ kết");
    await user.click(screen.getByRole("button", { name: "Thêm chỉ tiêu" }));
    await user.selectOptions(screen.getByRole("combobox", { name: /^Chỉ số/ }), RATE);
    // A rate is typed as a percentage.
    await user.type(await screen.findByRole("textbox", { name: /^Giá trị \(%\)/ }), "80,5");
    await user.click(submit());
    expect(await screen.findByTestId("location")).toHaveTextContent(`/ke-hoach/${PLAN_ID}`);
    expect(writes(calls)).toHaveLength(1);
    expect(writes(calls)[0]!.body).toEqual({
      number: "12/KH-MTTQ",
      kind: "plan",
      sourceIds: [],
      title: "Kế hoạch thực hiện phong trào năm 2026",
      issuedOn: "2025-12-03",
      orgUnitId: WARD_ID,
      periodFrom: 2025,
      periodTo: 2029,
      issuerBodyIds: [POLICE_BODY_ID],
      tasks: [{ title: "Tuyên truyền", bodyKinds: [] }],
      milestones: [{ year: 2026, text: "Sơ kết" }],
      targets: [{ indicator: RATE, comparator: "gte", value: 0.805, year: 2025 }],
    });
  });

  it("puts a duplicate number on the number field", async () => {
    const { user } = openCreate({
      "POST /plans": { status: 409, body: { error: { code: "conflict", message: "Trùng số hiệu" } } },
    });
    await fill(user, await screen.findByRole("textbox", { name: /^Số hiệu/ }), "279/KH-MTTQ-BCA");
    await fill(user, box(/^Trích yếu/), "Kế hoạch");
    await user.click(await screen.findByRole("checkbox", { name: "Ủy ban MTTQ Việt Nam phường" }));
    await user.click(submit());
    await waitFor(() => expectIssue(box(/^Số hiệu/), "Đã có kế hoạch với số hiệu này."));
    expect(screen.queryByText("Trùng số hiệu")).toBeNull();
  });

  it("lists the server's validation issues under the general error", async () => {
    const { user } = openCreate({
      "POST /plans": validationFailed([{ path: "issuerBodyIds.0", message: "Cơ quan không thuộc đơn vị" }]),
    });
    await user.type(await screen.findByRole("textbox", { name: /^Số hiệu/ }), "1/KH");
    await fill(user, box(/^Trích yếu/), "Kế hoạch");
    await user.click(await screen.findByRole("checkbox", { name: "Ủy ban MTTQ Việt Nam phường" }));
    await user.click(submit());
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Dữ liệu không hợp lệ. Vui lòng kiểm tra các ô được đánh dấu. Cơ quan không thuộc đơn vị",
    );
  });
});

describe("EditPlanPage", () => {
  const plan: Plan = {
    id: PLAN_ID,
    number: "279/KH-MTTQ-BCA",
    title: "Kế hoạch phối hợp",
    issuedOn: "2021-03-15",
    orgUnitId: WARD_ID,
    orgUnitName: "Phường Bến Thành",
    periodFrom: 2021,
    periodTo: 2025,
    kind: "plan",
    sources: [
      {
        id: SOURCE_ID,
        kind: "chi_thi",
        number: "09-CT/TW",
        issuedOn: "2011-12-01",
        issuer: "Ban Bí thư (khóa XI)",
        title: "Tăng cường sự lãnh đạo của Đảng",
      },
    ],
    reviews: [],
    issuers: [{ id: FRONT_BODY_ID, kind: "front", name: "Ủy ban MTTQ Việt Nam phường" }],
    tasks: [
      { id: "t1", ordinal: 1, title: "Tuyên truyền", description: null, bodyKinds: ["front"] },
    ] as unknown as Plan["tasks"],
    milestones: [],
    targets: [
      {
        id: "x1",
        indicator: RATE,
        comparator: "gte",
        value: 0.95,
        year: 2025,
        bodyKind: null,
        orgUnitId: null,
        orgUnitName: null,
        label: null,
      },
    ] as unknown as Plan["targets"],
    createdAt: "2021-03-15T01:00:00Z",
    can: { update: true, delete: true, review: true },
  };

  it("shows the plan as it is, a rate as a percentage, and saves its content without the unit", async () => {
    const calls = mockFetch({
      ...base,
      [`GET /plans/${PLAN_ID}`]: { body: plan },
      [`PUT /plans/${PLAN_ID}`]: { body: plan },
    });
    const { user } = renderWithProviders(<EditPlanPage />, {
      route: { pattern: "/ke-hoach/$id/sua", path: `/ke-hoach/${PLAN_ID}/sua` },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Sửa kế hoạch" })).toBeVisible();
    expect(await screen.findByRole("textbox", { name: /^Số hiệu/ })).toHaveValue("279/KH-MTTQ-BCA");
    expect(box(/^Ngày ban hành/)).toHaveValue("15/03/2021");
    expect(box("Đơn vị ban hành")).toHaveAttribute("readonly");
    expect(box(/^Giá trị \(%\)/)).toHaveValue("95");
    await user.clear(box(/^Trích yếu/));
    await fill(user, box(/^Trích yếu/), "Kế hoạch phối hợp (sửa)");
    await user.click(screen.getByRole("button", { name: "Lưu thay đổi" }));
    expect(await screen.findByTestId("location")).toHaveTextContent(`/ke-hoach/${PLAN_ID}`);
    const [put] = writes(calls);
    expect(put).toMatchObject({
      method: "PUT",
      body: {
        title: "Kế hoạch phối hợp (sửa)",
        kind: "plan",
        sourceIds: [SOURCE_ID],
        issuedOn: "2021-03-15",
        issuerBodyIds: [FRONT_BODY_ID],
        tasks: [{ title: "Tuyên truyền", bodyKinds: ["front"] }],
        targets: [{ indicator: RATE, comparator: "gte", value: 0.95, year: 2025 }],
      },
    });
    expect(put!.body).not.toHaveProperty("orgUnitId");
  });
});
