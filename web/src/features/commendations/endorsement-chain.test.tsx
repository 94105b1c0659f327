import type { Commendation } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../test/render";
import "../../locales/register-commendations";
import { EndorsementChain } from "./endorsement-chain";

const base: Commendation = {
  id: "11111111-1111-4111-8111-111111111111",
  orgUnitId: "22222222-2222-4222-8222-222222222222",
  orgUnitName: "Khóm 1",
  nomineeKind: "collective",
  nomineeName: "Tổ an ninh nhân dân khóm 1",
  achievements: "…",
  evidence: [],
  nominatedOn: "2026-08-01",
  status: "endorsed",
  endorsements: [
    {
      level: "commune",
      approve: true,
      endorsedOn: "2026-08-05",
      opinion: null,
      byUnitName: "Phường Bạc Liêu",
    },
    { level: "province", approve: true, endorsedOn: "2026-08-20", opinion: null, byUnitName: "Tỉnh Cà Mau" },
    {
      level: "ministry",
      approve: true,
      endorsedOn: "2026-09-10",
      opinion: "Công văn 12",
      byUnitName: "Việt Nam",
    },
  ],
  decision: null,
  consent: null,
  published: false,
};

describe("EndorsementChain", () => {
  it("shows every level up to the central council and the decision, with each opinion", async () => {
    renderWithProviders(<EndorsementChain c={base} />);
    const list = await screen.findByRole("list", { name: "Các cấp xét duyệt" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(5);
    expect(items[0]).toHaveTextContent("Cấp xã — Đã đồng ý");
    expect(items[2]).toHaveTextContent("Cấp bộ, ngành trung ương — Đã đồng ý");
    expect(items[2]).toHaveTextContent("Việt Nam, ngày 10/09/2026");
    expect(items[3]).toHaveTextContent("Hội đồng Thi đua – Khen thưởng Trung ương — Chưa có ý kiến");
    expect(items[3]).toHaveTextContent("Chỉ khi đề nghị Bằng khen của Thủ tướng Chính phủ hoặc Huân chương");
    expect(items[4]).toHaveTextContent("Quyết định khen thưởng");
  });

  it("ends a decided commune award at the commune, without the levels never asked", async () => {
    const decided: Commendation = {
      ...base,
      status: "decided",
      endorsements: [base.endorsements[0]!],
      decision: {
        awardForm: "giay_khen",
        issuer: "Chủ tịch UBND phường Bạc Liêu",
        decisionNumber: "45/QĐ-UBND",
        decidedOn: "2026-08-25",
      },
    };
    renderWithProviders(<EndorsementChain c={decided} />);
    const list = await screen.findByRole("list", { name: "Các cấp xét duyệt" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Cấp xã — Đã đồng ý");
    expect(items[1]).toHaveTextContent("Quyết định khen thưởng — Giấy khen");
    expect(list).not.toHaveTextContent("Chưa có ý kiến");
  });
});
