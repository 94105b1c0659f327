import { describe, expect, it } from "vitest";
import { foldVietnamese } from "./text";

describe("foldVietnamese", () => {
  it.each([
    ["Bạc Liêu", "bac lieu"],
    ["Phường Đông Hòa", "phuong dong hoa"],
    ["  Xã   Ia Mơ ", "xa ia mo"],
    ["ĐẶC KHU CÔN ĐẢO", "dac khu con dao"],
    ["Thủy / Thuỷ", "thuy / thuy"],
  ])("%s → %s", (input, out) => {
    expect(foldVietnamese(input)).toBe(out);
  });
});
