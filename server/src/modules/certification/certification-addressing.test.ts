import { describe, expect, it } from "vitest";
import { addressingOf } from "./certification.addressing";

const caMau = { kind: "province", name: "Cà Mau", fullName: "Tỉnh Cà Mau" };
const bacLieu = { kind: "commune", name: "Bạc Liêu", fullName: "Phường Bạc Liêu" };
const country = { kind: "country", name: "Việt Nam", fullName: "Việt Nam" };

describe("addressing of a dossier document", () => {
  it("names a residential area with its ward, dates it at the ward, addresses the ward's chairman", () => {
    const a = addressingOf(
      { kind: "residential_area", name: "Khóm 1", fullName: "Khóm 1", unitType: "residential_area" },
      [country, caMau, bacLieu],
      "Chủ tịch Ủy ban nhân dân cấp xã",
    );
    expect(a).toEqual({
      issuer: "Khóm 1, Phường Bạc Liêu",
      unitName: "Khóm 1, phường Bạc Liêu",
      place: "Bạc Liêu",
      addressee: "Chủ tịch Ủy ban nhân dân phường Bạc Liêu",
    });
  });

  it("a ward is issued by its People's Committee and addressed to the province, without remarks", () => {
    const a = addressingOf(
      { ...bacLieu, unitType: "commune" },
      [country, caMau],
      "Chủ tịch Ủy ban nhân dân cấp tỉnh (chưa xác minh sau 01/7/2025)",
    );
    expect(a).toEqual({
      issuer: "Ủy ban nhân dân Phường Bạc Liêu",
      unitName: "Phường Bạc Liêu",
      place: "Bạc Liêu",
      addressee: "Chủ tịch Ủy ban nhân dân tỉnh Cà Mau",
    });
  });

  it("keeps the kind in the place when the commune is named by a number", () => {
    const a = addressingOf(
      { kind: "school", name: "Trường THCS Lê Lợi", fullName: "Trường THCS Lê Lợi", unitType: "school" },
      [country, caMau, { kind: "commune", name: "1", fullName: "Phường 1" }],
      "Chủ tịch Ủy ban nhân dân cấp xã (đơn vị do xã quản lý)",
    );
    expect(a.place).toBe("Phường 1");
    expect(a.addressee).toBe("Chủ tịch Ủy ban nhân dân phường 1");
  });
});
