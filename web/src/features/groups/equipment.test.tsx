import type { GroupDetail, GroupEquipment } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, validationFailed, writes } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { GroupPage } from "./group-page";

const ID = "77777777-7777-4777-8777-777777777777";
const CHANNEL = "77777777-7777-4777-8777-777777777778";

const group = (manage: boolean): GroupDetail => ({
  id: ID,
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bạc Liêu",
  typeCode: "security_camera",
  typeName: "Camera an ninh",
  category: "model",
  name: "Camera an ninh khóm 1",
  foundedOn: "2020-01-01",
  status: "active",
  dissolvedOn: null,
  replicatedFromId: null,
  managingBodyId: null,
  notes: null,
  createdAt: "2020-01-01T01:00:00Z",
  currentMembers: 0,
  replicaCount: 0,
  latestEvaluation: null,
  baselineSurvey: null,
  latestSurvey: null,
  can: { manage, moveTo: [] },
});

const equipment = (manage: boolean): GroupEquipment => ({
  on: "2026-03-01",
  counts: [
    { kind: "camera", count: 1157 },
    { kind: "street_light", count: 0 },
    { kind: "gate", count: 2 },
    { kind: "loudspeaker", count: 0 },
    { kind: "sign", count: 0 },
    { kind: "other", count: 0 },
  ],
  changes: [
    {
      id: "a1111111-1111-4111-8111-111111111111",
      kind: "camera",
      change: -3,
      on: "2025-06-01",
      fundedBy: null,
      note: "Hỏng",
    },
    {
      id: "a1111111-1111-4111-8111-111111111112",
      kind: "camera",
      change: 1160,
      on: "2024-01-10",
      fundedBy: "community",
      note: null,
    },
  ],
  channels: [
    {
      id: CHANNEL,
      platform: "zalo",
      name: "Zalo khóm 1 an toàn",
      members: 250,
      startedOn: "2023-05-01",
      closedOn: null,
      forPropaganda: true,
      forTips: true,
    },
  ],
  can: { manage },
});

function open(manage: boolean, routes: Parameters<typeof mockFetch>[0] = {}) {
  const calls = mockFetch({
    [`GET /groups/${ID}`]: { body: group(manage) },
    [`GET /groups/${ID}/members`]: { body: { items: [], nextCursor: null } },
    [`GET /groups/${ID}/equipment`]: { body: equipment(manage) },
    "GET /group-types": { body: { items: [] } },
    ...routes,
  });
  const r = renderWithProviders(<GroupPage />, {
    user: makeUser(manage ? "commune_front" : "viewer"),
    route: { pattern: "/to-mo-hinh/$id", path: `/to-mo-hinh/${ID}` },
  });
  return { ...r, calls };
}

describe("model equipment and online groups", () => {
  it("shows the counts, the ledger and the Zalo group in Vietnamese, with no changes for a reader", async () => {
    open(false);
    const section = (await screen.findAllByRole("region", { name: "Trang thiết bị của mô hình" }))[0]!;
    expect(await within(section).findByText("1.157")).toBeVisible();
    expect(within(section).getAllByText("Camera an ninh").length).toBeGreaterThan(0);
    expect(within(section).getByText("Cổng, rào an ninh")).toBeVisible();
    expect(within(section).getByText("+1.160")).toBeVisible();
    expect(within(section).getByText("−3")).toBeVisible();
    expect(within(section).getByText("Nhân dân đóng góp")).toBeVisible();
    const channels = screen.getAllByRole("region", { name: "Nhóm Zalo, mạng xã hội" })[0]!;
    expect(within(channels).getByText("Zalo khóm 1 an toàn (Zalo)")).toBeVisible();
    expect(within(channels).getByText("Tuyên truyền, Tiếp nhận thông tin")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Ghi nhận lắp đặt" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Ngừng hoạt động" })).toBeNull();
  });

  it("records an installation and puts the server's issue on the quantity", async () => {
    const { user, calls } = open(true, {
      [`POST /groups/${ID}/equipment/installations`]: validationFailed([
        { path: "quantity", message: "Số lượng ít nhất là 1" },
      ]),
    });
    await user.click(await screen.findByRole("button", { name: "Ghi nhận lắp đặt" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Số lượng/ }), "0");
    await user.click(within(dialog).getByRole("button", { name: "Lưu" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({ kind: "camera", quantity: 0, fundedBy: "state" });
    expect((writes(calls)[0]!.body as { on: string }).on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await within(dialog).findByText("Số lượng ít nhất là 1")).toBeVisible();
  });

  it("adds a group used only for receiving information", async () => {
    const { user, calls } = open(true, {
      [`POST /groups/${ID}/online-channels`]: { body: equipment(true) },
    });
    await user.click(await screen.findByRole("button", { name: "Thêm nhóm" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Tên nhóm/ }), "Facebook khóm 1");
    await user.type(within(dialog).getByRole("textbox", { name: /Số thành viên/ }), "120");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /Dùng để/ }), "tips");
    await user.click(within(dialog).getByRole("button", { name: "Lưu" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({
      platform: "zalo",
      name: "Facebook khóm 1",
      members: 120,
      forPropaganda: false,
      forTips: true,
    });
    expect(await screen.findByText("Đã thêm nhóm.")).toBeVisible();
  });
});
