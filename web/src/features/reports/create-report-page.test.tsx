import { setClock } from "@toandan/contracts";
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetch, writes, type Call } from "../../test/fetch";
import { makeUser, WARD, WARD_ID } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { CreateReportPage } from "./create-report-page";

afterEach(() => setClock(null));

function open(post: (call: Call) => { status?: number; body?: unknown }) {
  const calls = mockFetch({
    "GET /org-units": { body: { items: [], nextCursor: null } },
    [`GET /org-units/${WARD_ID}`]: { body: WARD },
    "GET /reports/next-number": (call) => ({
      body: { number: call.query.get("year") === "2026" ? "13" : "1" },
    }),
    "GET /indicators": {
      body: {
        items: [
          {
            code: "activities.count",
            vi: "Số buổi, hoạt động",
            en: "Activities",
            unit: "count",
            aggregation: "sum",
            source: "activities",
            bodySplit: true,
          },
        ],
      },
    },
    "POST /reports": post,
  });
  const r = renderWithProviders(<CreateReportPage />, {
    user: makeUser("commune_front"),
    route: { pattern: "/bao-cao/moi", path: "/bao-cao/moi" },
  });
  return { ...r, calls };
}

const box = (name: RegExp) => screen.getByRole("textbox", { name });
const numberBox = () => screen.getByRole("textbox", { name: "Số" });

describe("CreateReportPage", () => {
  it("pre-fills the issuing body's next number, names the default cut-off, and sends a chosen cut-off", async () => {
    // 00:30 on 04/12/2026 in Vietnam: still 03/12 in UTC.
    setClock("2026-12-03T17:30:00Z");
    const { user, calls } = open(() => ({ status: 201, body: { id: "r1" } }));
    await waitFor(() => expect(numberBox()).toHaveValue("13"));
    const query = calls.find((c) => c.path === "/reports/next-number")!.query;
    expect(query.get("orgUnitId")).toBe(WARD_ID);
    expect(query.get("issuingBody")).toBe("Ủy ban MTTQ Việt Nam Phường Bến Thành");
    // The second half of 2026 has not ended: the figures count up to today in Vietnam.
    expect(
      screen.getByText(
        "Để trống: tính đến ngày 04/12/2026 (ngày cuối kỳ, hoặc hôm nay nếu kỳ chưa kết thúc).",
      ),
    ).toBeVisible();
    await fill(user, box(/^Số liệu tính đến ngày/), "30/11/2026");
    await fill(user, numberBox(), "7");
    await fill(user, box(/^Địa danh/), "Thành phố Hồ Chí Minh");
    await fill(user, box(/^Chức vụ người ký/), "TM. Ban Thường trực — Chủ tịch");
    await fill(user, box(/^Họ và tên người ký/), "Nguyễn Văn An");
    await user.click(screen.getByRole("button", { name: "Tạo báo cáo" }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toMatchObject({ cutOff: "2026-11-30", number: "7", half: 2, year: 2026 });
  });

  it("shows the server's message for a number already used", async () => {
    setClock("2026-12-03T05:00:00Z");
    const used =
      "Số 13 đã được dùng cho một văn bản khác của Ủy ban MTTQ Việt Nam Phường Bến Thành năm 2026; hãy chọn số khác.";
    const { user } = open(() => ({
      status: 409,
      body: { error: { code: "conflict", message: used, requestId: "r" } },
    }));
    await waitFor(() => expect(numberBox()).toHaveValue("13"));
    await fill(user, box(/^Địa danh/), "Thành phố Hồ Chí Minh");
    await fill(user, box(/^Chức vụ người ký/), "TM. Ban Thường trực — Chủ tịch");
    await fill(user, box(/^Họ và tên người ký/), "Nguyễn Văn An");
    await user.click(screen.getByRole("button", { name: "Tạo báo cáo" }));
    expect(await screen.findByText(used)).toBeVisible();
  });

  it("sends the chosen map indicator and shows the server's refusal on the map field", async () => {
    setClock("2026-12-03T05:00:00Z");
    const refused =
      "Báo cáo của đơn vị này không có bản đồ: chỉ báo cáo toàn quốc và cấp tỉnh có bản đồ các đơn vị trực thuộc";
    const { user, calls } = open(() => ({
      status: 400,
      body: {
        error: {
          code: "validation_failed",
          message: "Dữ liệu không hợp lệ",
          issues: [{ path: "mapIndicator", message: refused }],
          requestId: "r",
        },
      },
    }));
    await waitFor(() => expect(numberBox()).toHaveValue("13"));
    const map = screen.getByRole("combobox", { name: "Bản đồ trong bản in (DOCX, PDF)" });
    expect(map).toHaveValue("");
    await screen.findByRole("option", { name: "Số buổi, hoạt động" });
    await user.selectOptions(map, "activities.count");
    await fill(user, box(/^Địa danh/), "Thành phố Hồ Chí Minh");
    await fill(user, box(/^Chức vụ người ký/), "TM. Ban Thường trực — Chủ tịch");
    await fill(user, box(/^Họ và tên người ký/), "Nguyễn Văn An");
    await user.click(screen.getByRole("button", { name: "Tạo báo cáo" }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toMatchObject({ mapIndicator: "activities.count" });
    expect(await screen.findByText(refused)).toBeVisible();
    expect(map).toHaveAttribute("aria-invalid", "true");
  });
});
