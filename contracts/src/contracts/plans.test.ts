import { describe, expect, it } from "vitest";
import { CreatePlanSourceBodySchema, DocumentNumberSchema } from "./plans";

describe("document numbers (số, ký hiệu)", () => {
  // The numbers the seed articles cite, as written.
  it.each([
    "20-CTr/TU", // Chương trình của Ban Thường vụ Thành ủy Bạc Liêu, 28/12/2012
    "09-CT/TW", // Chỉ thị của Ban Bí thư (khóa XI), 01/12/2011
    "01-138", // Đề án 01-138
    "156/KH-MTTQ", // Ban Thường trực UBMTTQ tỉnh, 06/3/2019
    "279/KH-MTTQ-BCA", // the Front–Ministry of Public Security plan
    "165", // "Kế hoạch số 165" cited by number alone
    "05/2020/NĐ-CP",
    "30/2020/NĐ-CP",
    "12/CT-TTg",
    "35-NQ/TW",
    "01/KH-BCĐ138",
  ])("accepts %s", (n) => {
    expect(DocumentNumberSchema.safeParse(n).success).toBe(true);
  });

  it.each([
    "",
    "abc",
    "KH-MTTQ",
    "/KH-MTTQ",
    "156/",
    "156/kh-mttq",
    "156 /KH-MTTQ",
    "20-CTr/",
    "20-/TU",
    "156/KH--MTTQ",
    "156/KH-MTTQ/",
    "279-KH",
    "1234567/KH",
    "20-CTr/TU; drop table plans",
    "số 20-CTr/TU",
  ])("rejects %j", (n) => {
    expect(DocumentNumberSchema.safeParse(n).success).toBe(false);
  });

  it("a source document carries its number through the same rule", () => {
    const base = {
      kind: "chuong_trinh",
      issuedOn: "2012-12-28",
      issuer: "Ban Thường vụ Thành ủy",
      title:
        "Tăng cường sự lãnh đạo của Đảng đối với công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
      level: "district",
      orgUnitId: "00000000-0000-4000-8000-000000000001",
    };
    expect(CreatePlanSourceBodySchema.safeParse({ ...base, number: "20-CTr/TU" }).success).toBe(true);
    expect(CreatePlanSourceBodySchema.safeParse({ ...base, number: "CTr 20" }).success).toBe(false);
  });
});
