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
  status: "triaged",
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
  outcomeGround: null,
  suspendedAt: null,
  resumedAt: null,
  notices: [],
  // The provincial investigation agency: it may open a case, not open one, or transfer.
  can: {
    readContent: true,
    triage: true,
    reply: true,
    recordOutcome: true,
    outcomes: ["case_opened", "no_case", "transferred"],
    extend: true,
    nextExtension: 1,
    resume: false,
    recordNotice: false,
    investigationAgency: true,
  },
};

/** Commune police: receive, check and transfer only (CPC Art. 146.3). */
const communeTip: TipDetail = {
  ...tip,
  can: {
    ...tip.can,
    outcomes: ["transferred"],
    extend: false,
    nextExtension: null,
    investigationAgency: false,
  },
};

function renderTip(body: TipDetail = tip) {
  const calls = mockFetch({
    [`GET /tips/${TIP_ID}`]: { body },
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
    // Not opening a case needs its Art. 157 ground.
    await user.click(screen.getByRole("button", { name: "Ghi nhận" }));
    expect(await screen.findByText("Chọn căn cứ theo Bộ luật Tố tụng hình sự")).toBeInTheDocument();
    expect(screen.getByText(/Căn cứ: Điều 157 BLTTHS 2015/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: /^Căn cứ/ }), "not_a_crime");
    await user.click(screen.getByRole("button", { name: "Ghi nhận" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent(
      "Ghi nhận kết quả “Không khởi tố — Hành vi không cấu thành tội phạm (khoản 2 Điều 157 BLTTHS 2015)” cho tin T2345-6789?",
    );
    expect(writes(calls)).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Ghi nhận" }));
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent(
        "Đã ghi nhận kết quả: Không khởi tố — Hành vi không cấu thành tội phạm (khoản 2 Điều 157 BLTTHS 2015).",
      ),
    );
    expect(writes(calls)).toMatchObject([
      {
        method: "POST",
        path: `/tips/${TIP_ID}/outcome`,
        body: { outcome: "no_case", ground: "not_a_crime", casesSolved: 0 },
      },
    ]);
  });

  it("offers commune police only the transfer, and says why with its basis", async () => {
    renderTip(communeTip);
    const outcome = await screen.findByRole("combobox", { name: /Kết quả giải quyết/ });
    const options = within(outcome)
      .getAllByRole("option")
      .map((o) => o.getAttribute("value"));
    expect(options).toEqual(["", "transferred"]);
    expect(screen.getByText(/Công an cấp xã tiếp nhận, kiểm tra, xác minh sơ bộ/)).toHaveTextContent(
      "Căn cứ: khoản 3 Điều 146",
    );
    expect(screen.queryByRole("button", { name: /Gia hạn/ })).not.toBeInTheDocument();
  });
});
