import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { downloadCsv, toCsv } from "./csv";

const BOM = "\uFEFF";

describe("toCsv", () => {
  it("starts with a byte-order mark and ends every line with CRLF", () => {
    expect(toCsv(["Đơn vị", "Số hộ"], [["Phường Bến Thành", "1.157"]])).toBe(
      `${BOM}Đơn vị,Số hộ\r\nPhường Bến Thành,1.157\r\n`,
    );
  });

  it("keeps Vietnamese text as it is", () => {
    const csv = toCsv(["Họ và tên"], [["Nguyễn Thị Ánh Tuyết"]]);
    expect(csv).toContain("Nguyễn Thị Ánh Tuyết");
  });

  it("quotes cells with commas, semicolons, quotes or line breaks and doubles inner quotes", () => {
    const csv = toCsv(
      ["a"],
      [["Tổ 1, khu phố 2"], ["x;y"], ['Mô hình "Camera an ninh"'], ["dòng 1\ndòng 2"], ["a\rb"]],
    );
    expect(csv.slice(1).split("\r\n")).toEqual([
      "a",
      '"Tổ 1, khu phố 2"',
      '"x;y"',
      '"Mô hình ""Camera an ninh"""',
      '"dòng 1\ndòng 2"',
      '"a\rb"',
      "",
    ]);
  });

  it("writes empty cells for null and undefined, and numbers as they are", () => {
    expect(toCsv(["a", "b", "c", "d"], [[null, undefined, 0, 12.5]])).toBe(`${BOM}a,b,c,d\r\n,,0,12.5\r\n`);
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(["Năm"], [])).toBe(`${BOM}Năm\r\n`);
  });
});

describe("downloadCsv", () => {
  let saved: { name: string; blob: Blob }[];
  let revoked: string[];

  beforeEach(() => {
    saved = [];
    revoked = [];
    vi.useFakeTimers();
    let n = 0;
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, b as Blob);
      return url;
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation((url) => void revoked.push(url));
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      // The link is in the page when it is clicked.
      expect(document.body.contains(this)).toBe(true);
      saved.push({ name: this.download, blob: blobs.get(this.href)! });
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves the rows as <name>.csv, UTF-8 with BOM, and leaves nothing behind", async () => {
    downloadCsv("thanh-vien", ["Họ và tên"], [["Trần Văn Bình"]]);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe("thanh-vien.csv");
    expect(saved[0]!.blob.type).toBe("text/csv;charset=utf-8");
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe("Họ và tên\r\nTrần Văn Bình\r\n");
    expect(document.querySelectorAll("a[download]")).toHaveLength(0);
    expect(revoked).toEqual([]);
    vi.runAllTimers();
    expect(revoked).toEqual(["blob:test/1"]);
  });

  it("does not add a second .csv", () => {
    downloadCsv("bao-cao.csv", ["a"], []);
    expect(saved[0]!.name).toBe("bao-cao.csv");
  });
});
