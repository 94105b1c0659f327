import { INDICATORS, setClock, type Plan, type PlanSource } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes, type Reply } from "../../test/fetch";
import { FRONT_BODY_ID, makeUser, WARD, WARD_ID } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { CreatePlanPage } from "./create-plan-page";
import { PlanPage } from "./plan-page";

const PLAN_ID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const DIRECTIVE = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1";
const PROGRAMME = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb2";

const source = (id: string, over: Partial<PlanSource> = {}): PlanSource => ({
  id,
  kind: "chi_thi",
  number: "09-CT/TW",
  issuedOn: "2011-12-01",
  issuer: "Ban Bí thư (khóa XI)",
  title: "Tăng cường sự lãnh đạo của Đảng đối với phong trào",
  level: "central",
  implements: null,
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bạc Liêu",
  planCount: 0,
  createdAt: "2026-01-01T00:00:00Z",
  ...over,
});

const base: Record<string, Reply> = {
  "GET /indicators": { body: { items: INDICATORS } },
  "GET /plans": { body: { items: [], nextCursor: null, can: { create: true } } },
  "GET /org-units": { body: { items: [], nextCursor: null } },
  [`GET /org-units/${WARD_ID}`]: { body: WARD },
  "GET /plan-sources": { body: { items: [source(DIRECTIVE)], nextCursor: null } },
};

describe("plan kind and source documents", () => {
  it("makes a coordination programme implementing a directive and a source registered on the spot", async () => {
    setClock("2026-03-03T02:00:00Z");
    const calls = mockFetch({
      ...base,
      "POST /plan-sources": {
        status: 201,
        body: source(PROGRAMME, { kind: "chuong_trinh", number: "20-CTr/TU", issuer: "Tỉnh ủy" }),
      },
      "POST /plans": { status: 201, body: { id: PLAN_ID } },
    });
    const { user } = renderWithProviders(<CreatePlanPage />, {
      user: makeUser("commune_front"),
      route: { pattern: "/ke-hoach/moi", path: "/ke-hoach/moi" },
    });
    await user.selectOptions(
      await screen.findByRole("combobox", { name: "Loại văn bản" }),
      "coordination_programme",
    );
    await fill(user, screen.getByRole("textbox", { name: /^Số hiệu/ }), "03/CTr-CA-HPN");
    await fill(user, screen.getByRole("textbox", { name: /^Trích yếu/ }), "Chương trình phối hợp năm 2026");
    await user.click(await screen.findByRole("checkbox", { name: "Ủy ban MTTQ Việt Nam phường" }));
    const sources = screen.getByRole("group", { name: "Thực hiện văn bản chỉ đạo" });
    await user.click(await within(sources).findByRole("checkbox", { name: /Chỉ thị 09-CT\/TW/ }));
    await user.click(screen.getByRole("button", { name: "Đăng ký văn bản chỉ đạo mới" }));
    const dialog = await screen.findByRole("dialog");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Loại văn bản" }), "chuong_trinh");
    await user.type(within(dialog).getByRole("textbox", { name: /^Số hiệu/ }), "20-CTr/TU");
    await user.type(within(dialog).getByRole("textbox", { name: /^Cơ quan ban hành/ }), "Tỉnh ủy");
    await user.type(within(dialog).getByRole("textbox", { name: /^Trích yếu/ }), "Chương trình hành động");
    await user.click(within(dialog).getByRole("button", { name: "Đăng ký văn bản" }));
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    await user.click(await screen.findByRole("button", { name: "Lưu kế hoạch" }));
    expect(await screen.findByTestId("location")).toHaveTextContent(`/ke-hoach/${PLAN_ID}`);
    const [registered, created] = writes(calls);
    expect(registered!.body).toMatchObject({
      kind: "chuong_trinh",
      number: "20-CTr/TU",
      issuer: "Tỉnh ủy",
      level: "central",
      orgUnitId: WARD_ID,
    });
    expect(created!.body).toMatchObject({
      kind: "coordination_programme",
      sourceIds: [DIRECTIVE, PROGRAMME],
    });
  });
});

describe("plan reviews", () => {
  const plan: Plan = {
    id: PLAN_ID,
    number: "279/KH-MTTQ-BCA",
    title: "Kế hoạch phối hợp",
    issuedOn: "2021-03-15",
    orgUnitId: WARD_ID,
    orgUnitName: "Phường Bạc Liêu",
    periodFrom: 2021,
    periodTo: 2030,
    kind: "plan",
    sources: [source(DIRECTIVE)],
    reviews: [],
    issuers: [{ id: FRONT_BODY_ID, kind: "front", name: "Ủy ban MTTQ Việt Nam phường" }],
    tasks: [],
    milestones: [],
    targets: [],
    createdAt: "2021-03-15T01:00:00Z",
    can: { update: true, delete: true, review: true },
  };
  const none = { update: false, delete: false, review: false };
  const open = (role: "commune_front" | "viewer", abilities: Plan["can"] = plan.can) => {
    const calls = mockFetch({
      ...base,
      [`GET /plans/${PLAN_ID}`]: { body: { ...plan, can: abilities } },
      [`GET /plans/${PLAN_ID}/progress`]: { body: { planId: PLAN_ID, asOf: "2026-03-03", targets: [] } },
      [`POST /plans/${PLAN_ID}/reviews`]: { status: 201, body: plan },
    });
    const r = renderWithProviders(<PlanPage />, {
      user: makeUser(role),
      route: { pattern: "/ke-hoach/$id", path: `/ke-hoach/${PLAN_ID}` },
    });
    return { ...r, calls };
  };

  it("records a five-year review against the directive the plan implements", async () => {
    setClock("2026-03-03T02:00:00Z");
    const { user, calls } = open("commune_front");
    await user.click(await screen.findByRole("button", { name: "Ghi nhận sơ kết, tổng kết" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("combobox", { name: "Sơ kết, tổng kết" })).toHaveValue("five_year");
    expect(within(dialog).getByRole("combobox", { name: "Đánh giá việc thực hiện văn bản" })).toHaveValue(
      DIRECTIVE,
    );
    await user.clear(within(dialog).getByRole("textbox", { name: /^Năm/ }));
    await user.type(within(dialog).getByRole("textbox", { name: /^Năm/ }), "2025");
    await user.type(within(dialog).getByRole("textbox", { name: /^Kết quả, đánh giá/ }), "Đạt 4/5 chỉ tiêu");
    await user.click(within(dialog).getByRole("button", { name: "Lưu" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toEqual({
      kind: "five_year",
      year: 2025,
      reviewedOn: "2026-03-03",
      sourceId: DIRECTIVE,
      findings: "Đạt 4/5 chỉ tiêu",
    });
  });

  it("offers no review to a reader", async () => {
    open("viewer", none);
    expect(await screen.findByRole("heading", { level: 1, name: /279\/KH-MTTQ-BCA/ })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Ghi nhận sơ kết, tổng kết" })).toBeNull();
  });

  it("follows the plan's abilities, not the role: a Front cadre reading a plan of the level above", async () => {
    open("commune_front", none);
    expect(await screen.findByRole("heading", { level: 1, name: /279\/KH-MTTQ-BCA/ })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Ghi nhận sơ kết, tổng kết" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Sửa" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Xóa kế hoạch" })).toBeNull();
  });

  it("offers only what the plan allows", async () => {
    open("commune_front", { update: true, delete: false, review: true });
    expect(await screen.findByRole("button", { name: "Ghi nhận sơ kết, tổng kết" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Xóa kế hoạch" })).toBeNull();
  });
});
