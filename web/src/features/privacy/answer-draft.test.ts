import type { RecordActionEntry } from "@toandan/contracts";
import { describe, expect, it } from "vitest";
import { draftAnswer } from "./answer-draft";

const entry = (over: Partial<RecordActionEntry>): RecordActionEntry => ({
  module: "tips",
  entityType: "tip",
  entityId: "0b7f3c2e-8a41-4c55-9d1e-1f2a3b4c5d6e",
  orgUnitName: "Phường Bạc Liêu",
  labelVi: "Tin báo TB-1234",
  action: "erase",
  outcome: "done",
  exception: null,
  reasonVi: null,
  actedAt: "2026-12-05T10:00:00Z",
  ...over,
});

describe("draftAnswer", () => {
  it("lists each record: done, or kept and why; records with nothing to do are left out", () => {
    const text = draftAnswer([
      entry({}),
      entry({
        labelVi: "Hồ sơ tái hòa nhập",
        outcome: "kept",
        reasonVi: "hồ sơ đang được quản lý theo luật",
      }),
      entry({ labelVi: "Hộ gia đình", outcome: "none", orgUnitName: null }),
    ]);
    expect(text).toBe(
      [
        "Kết quả thực hiện yêu cầu đối với từng hồ sơ:",
        "- Tin báo TB-1234 (Phường Bạc Liêu): đã thực hiện.",
        "- Hồ sơ tái hòa nhập (Phường Bạc Liêu): được giữ lại, căn cứ: hồ sơ đang được quản lý theo luật.",
      ].join("\n"),
    );
  });

  it("is empty before the request was carried out", () => {
    expect(draftAnswer([])).toBe("");
  });
});
