import { AUDIT_ACTIONS, type AuditEventDataMap } from "@toandan/contracts";
import { describe, expect, it } from "vitest";
import { i18n } from "../../app/i18n";
import { describeEvent, SUMMARIES, type SummaryContext } from "./audit-summary";
import { SAMPLES, eventOf, contextIn } from "./audit-samples";
import "../../locales/register-commendations";
import "../../locales/register-hotspots";

describe("audit event summaries", () => {
  it("has a label in both languages and a summary for every action", async () => {
    for (const lang of ["vi", "en"] as const) {
      const x = await contextIn(lang);
      for (const action of AUDIT_ACTIONS) {
        expect(i18n.exists(`console:audit.actions.${action}`, { lng: lang }), `${lang} ${action}`).toBe(true);
        expect(typeof SUMMARIES[action], action).toBe("function");
        if (action === "group.updated") continue;
        const { summary, parsed } = describeEvent(eventOf(action, SAMPLES[action]), x);
        expect(parsed, `${action} parses`).toBe(true);
        expect(summary, `${lang} ${action}`).not.toMatch(/\{\{|undefined|NaN|audit\.|:\w+\./);
        if (Object.keys(SAMPLES[action]).length > 0) expect(summary, `${lang} ${action}`).not.toBe("");
      }
    }
  });

  it("says what happened in a short sentence", async () => {
    const vi = await contextIn("vi");
    const summary = (action: keyof typeof SAMPLES, x: SummaryContext) =>
      describeEvent(eventOf(action, SAMPLES[action]), x).summary;
    expect(summary("commitment.recorded", vi)).toBe("Cam kết năm 2026, ký ngày 05/01/2026");
    expect(summary("report.returned", vi)).toBe("Đã gửi, chờ duyệt → Bị trả lại — “Bổ sung số liệu”");
    expect(summary("case.closed", vi)).toBe(
      "Được xóa án tích (đương nhiên hoặc theo quyết định của Tòa án) ngày 06/03/2027",
    );
    expect(summary("account.updated", vi)).toBe("tên hiển thị “Nguyễn Văn A”; mở khóa; đặt lại mật khẩu");
    expect(summary("report.updated", vi)).toBe("Sửa: trích yếu, người ký, somethingNew");
    expect(summary("report.compiled", vi)).toBe("Tổng hợp 3 báo cáo cấp dưới đã duyệt; 1 đơn vị chưa có");
    expect(summary("tip.outcome_recorded", vi)).toBe("Tin báo TB-7KQ2M: Đang xác minh → Đã khởi tố vụ án");
    expect(
      describeEvent(eventOf("system.demo_seeded", { supervisions: 2, trainings: 1, trainees: 12 }), vi)
        .summary,
    ).toBe("2 cuộc giám sát mẫu, 1 lớp tập huấn với 12 học viên");
    const en = await contextIn("en");
    expect(summary("commitment.recorded", en)).toBe("2026 commitment, signed on 05/01/2026");
    expect(summary("hotspot.status_changed", en)).toMatch(/→/);
  });

  it("tells the demo seeding events apart by their data", async () => {
    const vi = await contextIn("vi");
    const seeded = (data: AuditEventDataMap["system.demo_seeded"]) =>
      describeEvent(eventOf("system.demo_seeded", data), vi).summary;
    expect(seeded({ cycles: 3, year: 2026 })).toBe("3 hồ sơ công nhận mẫu năm 2026");
    expect(seeded({ cases: 4, hotspots: 1, commendations: 2 })).toBe("4 hồ sơ mẫu, 1 địa bàn, 2 khen thưởng");
    expect(seeded({ activities: 1200, sources: ["seed 004"] })).toBe("1.200 hoạt động mẫu");
  });
});
