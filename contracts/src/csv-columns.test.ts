import { describe, expect, it } from "vitest";
import { HOUSEHOLD_CSV_COLUMNS, HOUSEHOLD_CSV_SAMPLE } from "./contracts/households";
import { foldHeader, matchCsvHeader, parseCsvDate, parseYesNo } from "./csv-columns";

describe("CSV headers", () => {
  it("folds accents, case, spaces and underscores", () => {
    expect(foldHeader("  Số  nhân khẩu ")).toBe("so nhan khau");
    expect(foldHeader("HEAD_NAME")).toBe("head name");
    expect(foldHeader("Hội viên, đoàn viên của")).toBe("hoi vien doan vien cua");
  });

  it("matches Vietnamese and English headers, accented or not, and names what is wrong", () => {
    const m = matchCsvHeader(
      ["CHỦ HỘ", "dia chi", "Số nhân khẩu", "Phu nu", "members", "CCCD"],
      HOUSEHOLD_CSV_COLUMNS,
    );
    expect(m.headers).toMatchObject({ headName: "CHỦ HỘ", address: "dia chi", members: "Số nhân khẩu" });
    expect(m.headers["org:women"]).toBe("Phu nu");
    expect(m.repeated).toEqual(["members"]);
    expect(m.unknown).toEqual(["CCCD"]);
    expect(matchCsvHeader(["Địa chỉ"], HOUSEHOLD_CSV_COLUMNS).missing).toEqual(["Chủ hộ", "Số nhân khẩu"]);
  });

  it("reads the sample file's header row completely", () => {
    const header = HOUSEHOLD_CSV_SAMPLE.split("\r\n")[0]!.split(",");
    const m = matchCsvHeader(header, HOUSEHOLD_CSV_COLUMNS);
    expect(m.unknown).toEqual([]);
    expect(m.missing).toEqual([]);
  });
});

describe("CSV values", () => {
  it.each([
    ["Có", true],
    ["co", true],
    ["X", true],
    ["yes", true],
    ["1", true],
    ["Không", false],
    ["khong", false],
    ["", false],
    ["0", false],
    ["có thể", null],
  ])("yes/no %j → %j", (v, out) => {
    expect(parseYesNo(v)).toBe(out);
  });

  it.each([
    ["05/10/2026", "2026-10-05"],
    ["5/1/2026", "2026-01-05"],
    ["29.02.2024", "2024-02-29"],
    ["2026-03-01", "2026-03-01"],
    ["29/02/2026", null],
    ["31/04/2026", null],
    ["10/13/2026", null],
    ["2026/03/01", null],
    ["hôm qua", null],
  ])("date %j → %j", (v, out) => {
    expect(parseCsvDate(v)).toBe(out);
  });
});
