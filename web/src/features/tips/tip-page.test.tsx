import type { TipDetail } from "@toandan/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { TipPage } from "./tip-page";

const TIP_ID = "66666666-6666-4666-8666-666666666666";

const tip: TipDetail = {
  id: TIP_ID,
  code: "T2345-6789",
  category: "drugs",
  channel: "web",
  status: "new",
  urgency: null,
  receivedHour: "2026-12-01T09",
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bến Thành",
  remote: false,
  duplicateOfCode: null,
  extensionLevel: 0,
  clocks: [],
  awaitingReply: false,
  description: "Có người bán ma túy ở đầu hẻm 12",
  place: null,
  occurredOn: null,
  occurredTime: null,
  contact: null,
  attachments: [],
  messages: [],
  outcome: null,
  casesSolved: 0,
  arrests: 0,
  peopleHandled: 0,
  outcomeNote: null,
  can: { readContent: true, triage: true, reply: true, recordOutcome: true, extend: true },
};

function renderTip() {
  const calls = mockFetch({
    [`GET /tips/${TIP_ID}`]: { body: tip },
    [`POST /tips/${TIP_ID}/outcome`]: { body: { ok: true } },
    [`POST /tips/${TIP_ID}/triage`]: { body: { ok: true } },
  });
  const r = renderWithProviders(<TipPage />, {
    user: makeUser("commune_police"),
    route: { pattern: "/tin-bao/$id", path: `/tin-bao/${TIP_ID}` },
  });
  return { ...r, calls };
}

describe("TipPage", () => {
  it("chooses no decision for the officer: urgency and outcome start empty and must be chosen", async () => {
    const { user, calls } = renderTip();
    const outcome = await screen.findByRole("combobox", { name: /Kết quả giải quyết/ });
    const urgency = screen.getByRole("combobox", { name: /Mức độ/ });
    expect(outcome).toHaveValue("");
    expect(urgency).toHaveValue("");
    await user.click(screen.getByRole("button", { name: "Ghi nhận" }));
    expect(await screen.findByText("Chọn kết quả giải quyết")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByText("Chọn mức độ: khẩn hoặc thường")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(writes(calls)).toEqual([]);
  });

  it("asks before recording the outcome, then says what was recorded", async () => {
    const { user, calls } = renderTip();
    const outcome = await screen.findByRole("combobox", { name: /Kết quả giải quyết/ });
    await user.selectOptions(outcome, "no_case");
    await user.click(screen.getByRole("button", { name: "Ghi nhận" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Ghi nhận kết quả “Không khởi tố” cho tin T2345-6789?");
    expect(writes(calls)).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Ghi nhận" }));
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Đã ghi nhận kết quả: Không khởi tố."),
    );
    expect(writes(calls)).toMatchObject([
      { method: "POST", path: `/tips/${TIP_ID}/outcome`, body: { outcome: "no_case", casesSolved: 0 } },
    ]);
  });
});
