import type { PilotDetail } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { PilotPage } from "./pilot-page";

const ID = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const AREA = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb2";

const pilot = (manage: boolean): PilotDetail => ({
  id: ID,
  orgUnitId: WARD_ID,
  orgUnitName: "Khóm 1, Phường Bạc Liêu",
  groupId: null,
  groupName: null,
  typeCode: "crime_drug_free_area",
  typeName: "Khu dân cư phòng, chống tội phạm và ma túy",
  topic: "Khu dân cư phòng, chống tội phạm và ma túy",
  decisionNumber: "15/QĐ-MTTQ",
  decisionIssuer: "Ủy ban MTTQ Việt Nam phường",
  decisionOn: "2024-03-01",
  note: null,
  stage: "replicated",
  latestResult: "replicable",
  replications: 1,
  evaluations: [
    {
      id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb3",
      evaluatedOn: "2024-09-15",
      result: "replicable",
      findings: "Nhân dân cung cấp 12 nguồn tin",
    },
  ],
  replicationList: [
    {
      id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb4",
      orgUnitId: AREA,
      orgUnitName: "Khóm 2, Phường Bạc Liêu",
      replicatedOn: "2024-10-01",
      groupId: null,
      groupName: null,
      note: null,
    },
  ],
  can: { manage },
});

const open = (manage: boolean) => {
  const calls = mockFetch({
    [`GET /pilots/${ID}`]: { body: pilot(manage) },
    [`POST /pilots/${ID}/evaluations`]: { body: pilot(manage) },
  });
  const r = renderWithProviders(<PilotPage />, {
    user: makeUser(manage ? "commune_front" : "viewer"),
    route: { pattern: "/xay-dung-diem/$id", path: `/xay-dung-diem/${ID}` },
  });
  return { ...r, calls };
};

describe("PilotPage", () => {
  it("shows the decision, the stage, evaluations and replications in Vietnamese; a reader gets no buttons", async () => {
    open(false);
    expect(await screen.findByText(/Quyết định số 15\/QĐ-MTTQ ngày 01\/03\/2024/)).toBeVisible();
    expect(screen.getByText("Đã nhân rộng")).toBeVisible();
    expect(screen.getAllByText("Hiệu quả, đủ điều kiện nhân rộng").length).toBeGreaterThan(0);
    expect(screen.getByText("Nhân dân cung cấp 12 nguồn tin")).toBeVisible();
    expect(screen.getByText("Khóm 2, Phường Bạc Liêu")).toBeVisible();
    expect(screen.getByText("01/10/2024")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Đánh giá điểm" })).toBeNull();
  });

  it("records an evaluation with its result and findings", async () => {
    const { user, calls } = open(true);
    await user.click(await screen.findByRole("button", { name: "Đánh giá điểm" }));
    const dialog = await screen.findByRole("dialog");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /Kết quả/ }), "needs_improvement");
    await user.type(within(dialog).getByRole("textbox", { name: /Nhận xét/ }), "Cần thêm camera");
    await user.click(within(dialog).getByRole("button", { name: "Lưu" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({
      result: "needs_improvement",
      findings: "Cần thêm camera",
    });
    expect((writes(calls)[0]!.body as { evaluatedOn: string }).evaluatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByText("Đã ghi nhận đánh giá.")).toBeVisible();
  });
});
