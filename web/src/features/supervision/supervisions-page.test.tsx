import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { SupervisionsPage } from "./supervisions-page";

const item = {
  id: "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bạc Liêu",
  title: "Giám sát việc giải quyết tin báo",
  subjectKind: "agency",
  subjectBodyId: null,
  subjectBodyName: "Công an phường",
  subjectPlanId: null,
  subjectPlanTitle: null,
  form: "documents",
  periodFrom: "2026-03-01",
  periodTo: "2026-03-31",
  decisionNumber: null,
  decisionDate: null,
  status: "closed",
  recommendations: 3,
  unanswered: 1,
};

const open = (create: boolean, role: "commune_front" | "commune_police") => {
  const calls = mockFetch({
    "GET /supervisions": { body: { items: [item], nextCursor: null, can: { create } } },
  });
  const r = renderWithProviders(<SupervisionsPage />, {
    user: makeUser(role),
    route: { pattern: "/giam-sat", path: "/giam-sat" },
  });
  return { ...r, calls };
};

describe("SupervisionsPage", () => {
  it("lists supervisions with status, form, period and recommendations; planning by the server's ability", async () => {
    open(true, "commune_front");
    expect(await screen.findByRole("link", { name: "Giám sát việc giải quyết tin báo" })).toBeVisible();
    const list = within(screen.getByRole("list", { name: "Danh sách cuộc giám sát" }));
    expect(list.getByText("Đã kết thúc")).toBeVisible();
    expect(list.getByText(/Nghiên cứu, xem xét văn bản/)).toBeVisible();
    expect(list.getByText(/01\/03\/2026 – 31\/03\/2026 · 3 kiến nghị, 1 chưa trả lời/)).toBeVisible();
    expect(screen.getByRole("button", { name: "Lập kế hoạch giám sát" })).toBeVisible();
  });

  it("hides planning when the server says the caller may not, and filters by year and status", async () => {
    const { user, calls } = open(false, "commune_police");
    await screen.findByRole("link", { name: "Giám sát việc giải quyết tin báo" });
    expect(screen.queryByRole("button", { name: "Lập kế hoạch giám sát" })).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: "Trạng thái" }), "ongoing");
    await expect
      .poll(() => calls.some((c) => c.path === "/supervisions" && c.query.get("status") === "ongoing"))
      .toBe(true);
  });
});
