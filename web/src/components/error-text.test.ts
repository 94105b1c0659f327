import { ERROR_CODES } from "@toandan/contracts";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { i18n } from "../app/i18n";
import { errorText } from "./error-text";

const tVi = i18n.getFixedT("vi");
const tEn = i18n.getFixedT("en");

describe("errorText", () => {
  it("words a known code in Vietnamese", () => {
    const e = new ApiError({ status: 409, code: "conflict", requestId: "r-1" });
    expect(errorText(tVi, e)).toBe("Dữ liệu bị trùng hoặc xung đột với dữ liệu đã có.");
    expect(errorText(tVi, new ApiError({ status: 403, code: "forbidden" }))).toBe(
      "Bạn không có quyền thực hiện thao tác này.",
    );
    expect(errorText(tVi, new ApiError({ status: 0, code: "network_error" }))).toBe(
      "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.",
    );
  });

  it("shows the server's own sentence for a conflict it explains, such as a locked period", () => {
    const message =
      "Kỳ báo cáo 01/01/2026–03/12/2026 đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.";
    const locked = new ApiError({
      status: 409,
      code: "period_locked",
      requestId: "r-2",
      serverMessage: message,
    });
    expect(errorText(tVi, locked)).toBe(message);
    expect(errorText(tVi, locked)).not.toContain("trùng hoặc xung đột");
    expect(errorText(tEn, locked)).toBe(
      `The report period is approved and its records are locked; the level above must unlock it first. (${message})`,
    );
    // A conflict the server explains (a document number in use) is in its words too.
    const used = "Số 7 đã được dùng cho một văn bản khác của Ủy ban MTTQ phường năm 2026; hãy chọn số khác.";
    expect(errorText(tVi, new ApiError({ status: 409, code: "conflict", serverMessage: used }))).toBe(used);
    // A bare conflict (a unique key, the server's default sentence) keeps the translated text.
    const bare = new ApiError({
      status: 409,
      code: "conflict",
      serverMessage: "Dữ liệu bị trùng hoặc xung đột.",
    });
    expect(errorText(tVi, bare)).toBe("Dữ liệu bị trùng hoặc xung đột với dữ liệu đã có.");
    // Other codes never show the server's raw text.
    const forbidden = new ApiError({ status: 403, code: "forbidden", serverMessage: "Chỉ cấp trên…" });
    expect(errorText(tVi, forbidden)).toBe("Bạn không có quyền thực hiện thao tác này.");
  });

  it("tells the cadre a write was refused because the record is restricted at the person's request", () => {
    const e = new ApiError({ status: 409, code: "record_restricted", serverMessage: "x" });
    expect(errorText(tVi, e)).toBe(
      "Hồ sơ này đang bị hạn chế xử lý theo yêu cầu của người có dữ liệu; không thể sửa hay bổ sung cho đến khi cán bộ bảo vệ dữ liệu cá nhân gỡ hạn chế.",
    );
    expect(errorText(tEn, e)).toMatch(
      /^Processing of this record is restricted at the data subject's request/,
    );
  });

  it("words it in English when asked", () => {
    expect(errorText(tEn, new ApiError({ status: 404, code: "not_found" }))).toBe(
      "Not found, or you may not see it.",
    );
  });

  it("shows the request id for an internal error so support can find it", () => {
    const e = new ApiError({ status: 500, code: "internal_error", requestId: "req-7f3a" });
    expect(errorText(tVi, e)).toBe("Đã có lỗi xảy ra (mã: req-7f3a)");
    expect(errorText(tEn, e)).toBe("Something went wrong (ref: req-7f3a)");
  });

  it("falls back to a plain sentence without a request id or for anything that is not an API error", () => {
    expect(errorText(tVi, new ApiError({ status: 500, code: "internal_error" }))).toBe("Đã có lỗi xảy ra.");
    expect(errorText(tVi, new Error("Cannot read properties of undefined"))).toBe("Đã có lỗi xảy ra.");
    expect(errorText(tVi, "chuỗi lạ")).toBe("Đã có lỗi xảy ra.");
    expect(errorText(tVi, null)).toBe("Đã có lỗi xảy ra.");
  });

  it("has its own text in both languages for every error code the server can send", () => {
    for (const code of [...ERROR_CODES, "network_error"] as const) {
      if (code === "internal_error") continue;
      const e = new ApiError({ status: 400, code, requestId: "r" });
      for (const t of [tVi, tEn]) {
        const text = errorText(t, e);
        expect(text, code).not.toMatch(/^errors\./);
        expect(text, code).not.toContain("(mã:");
        expect(text, code).not.toContain("(ref:");
      }
    }
  });
});
