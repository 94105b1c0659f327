import { describe, expect, it } from "vitest";
import { findUnsafeText, foldVietnamese, UNSAFE_TEXT_MESSAGE } from "./text";

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

describe("findUnsafeText", () => {
  it("accepts Vietnamese, emoji and surrogate pairs", () => {
    expect(findUnsafeText({ a: "Bạc Liêu 😀", b: ["x", { c: "𠀀" }], n: 1, z: null })).toBeNull();
  });
  it.each(["x\u0000y", "a\ud800b", "a\ud800", "\udc00z"])("refuses %j", (s) => {
    expect(findUnsafeText(s, "query.q")).toEqual({ path: "query.q", message: UNSAFE_TEXT_MESSAGE });
  });
  it("names the first offending field by its path", () => {
    expect(findUnsafeText({ ok: "a", tasks: [{ title: "b" }, { title: "c\u0000" }] })?.path).toBe(
      "tasks.1.title",
    );
    expect(findUnsafeText({ notes: "\u0000" }, "body")?.path).toBe("body.notes");
    expect(findUnsafeText({ "k\u0000": "v" }, "body")?.path).toBe("body.k?");
  });
  it("ignores binary buffers", () => {
    expect(findUnsafeText({ file: new Uint8Array([0, 0]) })).toBeNull();
  });
});
