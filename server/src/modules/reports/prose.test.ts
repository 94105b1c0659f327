import { INDICATORS } from "@toandan/contracts";
import { describe, expect, it } from "vitest";
import { figuresFrom } from "./compose";
import { defaultSections } from "./prose";

const UNIT = "Phường An Xuyên";
const CUT_OFF = "2026-12-03";

/** Every registry figure at `value`, then the given ones. */
function raw(value: number | null, set: Record<string, number | null> = {}) {
  return { ...Object.fromEntries(INDICATORS.map((i) => [i.code, value])), ...set };
}

function prose(values: Record<string, number | null>, exactTips: boolean) {
  const sections = defaultSections(
    { template: "yearly" },
    UNIT,
    figuresFrom(values, exactTips),
    { from: "2026-01-01", to: "2026-12-31" },
    CUT_OFF,
  );
  return Object.fromEntries(sections.map((s) => [s.key, s.text]));
}

const FULL = raw(null, {
  "activities.count": 12,
  "activities.attendees": 1157,
  "activities.households": 420,
  "activities.students": 300,
  "activities.leaflets": 2500,
  "activities.panels": 4,
  "activities.slogans": 15,
  "activities.broadcast_items": 36,
  "activities.broadcast_hours": 10.5,
  "groups.count": 8,
  "groups.teams": 5,
  "groups.models": 3,
  "groups.members": 96,
  "households.count": 121,
  "households.signed": 96,
  "households.commitment_rate": 96 / 121,
  "households.member_commitment_rate": 0.9,
  "tips.received": 17,
  "tips.solved": 6,
  "tips.arrests": 9,
  "certification.residential_area_rate": 0.85,
  "certification.commune_rate": 1,
  "certification.agency_rate": 0.5,
});

/** "0 pa nô", "0 lượt người"…: a zero written into a sentence. */
const ZERO_PHRASE = /(^|[\s(/;,])0(,0+)?%?\s/;

describe("report prose", () => {
  it("writes every figure that happened into whole sentences, with the cut-off", () => {
    const p = prose(FULL, false);
    expect(p.situation).toBe(
      "Đánh giá chung tình hình an ninh, trật tự trên địa bàn trong năm 2026. " +
        "Số liệu trong báo cáo tính đến ngày 03/12/2026.",
    );
    expect(p.propaganda).toBe(
      "Trong kỳ, Phường An Xuyên đã tổ chức 12 buổi tuyên truyền, sinh hoạt, hoạt động với 1.157 lượt người " +
        "và 420 lượt hộ tham dự; tuyên truyền cho 300 lượt học sinh, sinh viên; phát hành 2.500 tờ rơi; " +
        "thực hiện 4 pa nô và 15 khẩu hiệu; đưa 36 tin, bài với 10,5 giờ phát thanh.",
    );
    expect(p.models).toBe(
      "Toàn địa bàn hiện có 8 tổ, mô hình tự phòng, tự quản (5 tổ, 3 mô hình) với 96 thành viên. " +
        "Có 96/121 hộ gia đình ký cam kết, đạt tỷ lệ 79,34%; tỷ lệ hộ hội viên, đoàn viên ký cam kết đạt 90%.",
    );
    expect(p.security).toBe(
      "Qua phong trào, Nhân dân đã cung cấp 17 tin báo, tố giác tội phạm; giúp cơ quan chức năng giải quyết " +
        "6 vụ việc và bắt giữ 9 đối tượng. Tỷ lệ đạt tiêu chuẩn “An toàn về an ninh, trật tự”: khu dân cư đạt " +
        "85%; xã, phường đạt 100%; cơ quan, doanh nghiệp, nhà trường đạt 50%.",
    );
  });

  it("leaves out what did not happen and never writes a zero or a broken sentence", () => {
    const p = prose(
      {
        ...FULL,
        "activities.panels": 0,
        "activities.slogans": 0,
        "activities.households": 0,
        "tips.arrests": 0,
      },
      false,
    );
    expect(p.propaganda).toContain("với 1.157 lượt người tham dự;");
    expect(p.propaganda).not.toContain("pa nô");
    expect(p.propaganda).not.toContain("khẩu hiệu");
    expect(p.security).toContain("giúp cơ quan chức năng giải quyết 6 vụ việc.");
    for (const text of Object.values(p)) expect(text).not.toMatch(ZERO_PHRASE);
  });

  it("says plainly that nothing was recorded when every figure is zero", () => {
    const p = prose(raw(0), false);
    for (const text of Object.values(p)) {
      expect(text).not.toMatch(ZERO_PHRASE);
      expect(text).not.toContain("chưa có số liệu tin báo");
    }
    expect(p.propaganda).toBe("Trong kỳ chưa ghi nhận buổi tuyên truyền, sinh hoạt, hoạt động nào.");
    expect(p.models).toBe(
      "Trên địa bàn chưa ghi nhận tổ, mô hình tự phòng, tự quản nào. Chưa có số liệu về hộ gia đình ký cam kết.",
    );
    expect(p.security).toBe(
      "Trong kỳ chưa ghi nhận tin báo, tố giác tội phạm của Nhân dân qua hệ thống. " +
        "Chưa có kết quả công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong kỳ.",
    );
  });

  it("says “chưa có số liệu” only where nothing was recorded at all", () => {
    const p = prose(raw(null), false);
    expect(p.propaganda).toBe("Chưa có số liệu về công tác tuyên truyền, vận động trong kỳ.");
    expect(p.security).toContain("Chưa có số liệu về tin báo, tố giác tội phạm của Nhân dân trong kỳ.");
    expect(prose(FULL, false).propaganda).not.toContain("chưa có số liệu");
  });

  it("writes a small tip count as “dưới 5” for a reader outside the police, exactly for the police", () => {
    const small = { ...FULL, "tips.received": 3, "tips.solved": 1, "tips.arrests": 0 };
    const front = prose(small, false);
    expect(front.security).toContain(
      "Qua phong trào, Nhân dân đã cung cấp dưới 5 tin báo, tố giác tội phạm; giúp cơ quan chức năng giải quyết dưới 5 vụ việc.",
    );
    expect(front.security).not.toMatch(/\b[1-4] (tin báo|vụ việc)/);
    const police = prose(small, true);
    expect(police.security).toContain(
      "Qua phong trào, Nhân dân đã cung cấp 3 tin báo, tố giác tội phạm; giúp cơ quan chức năng giải quyết 1 vụ việc.",
    );
    expect(police.security).not.toContain("dưới 5");
  });

  it("marks a suppressed tip figure so the tables can say “dưới 5”, never “chưa có số liệu”", () => {
    const figures = figuresFrom(raw(null, { "tips.received": 2, "tips.solved": 7 }), false);
    expect(figures.find((f) => f.code === "tips.received")).toMatchObject({ value: null, suppressed: true });
    expect(figures.find((f) => f.code === "tips.solved")).toMatchObject({ value: 7 });
    expect(figures.find((f) => f.code === "tips.arrests")).not.toHaveProperty("suppressed");
    expect(
      figuresFrom(raw(null, { "tips.received": 2 }), true).find((f) => f.code === "tips.received"),
    ).toEqual(expect.objectContaining({ value: 2 }));
  });
});
