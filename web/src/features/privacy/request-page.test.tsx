import type { SubjectRequestDetail } from "@toandan/contracts";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { makeUser } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { RequestPage } from "./request-page";

const ID = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const UNIT = "cccccccc-cccc-4ccc-8ccc-ccccccccccc2";

const request = (manage: boolean): SubjectRequestDetail => ({
  id: ID,
  orgUnitId: UNIT,
  orgUnitName: "Tỉnh Cà Mau",
  kind: "delete",
  channel: "in_person",
  receivedAt: "2027-03-01T16:30:00.000Z",
  dueAt: "2027-03-04T16:30:00.000Z",
  clockBasisVi: "Điều 16 Nghị định 13/2023/NĐ-CP: xóa dữ liệu trong 72 giờ",
  status: "received",
  overdue: true,
  answeredAt: null,
  answeredLate: false,
  outcome: null,
  identityCheckedBy: "Trần Văn Kiểm",
  createdByName: "Cán bộ bảo vệ dữ liệu",
  subject: manage ? { fullName: "Lê Thị Riêng Tư", birthYear: 1985 } : null,
  details: null,
  answer: null,
  exceptions: [],
  recordsFound: null,
  executedAt: null,
  actions: [],
  can: { search: manage, answer: manage, export: manage, execute: manage },
});

const open = (manage: boolean) => {
  const calls = mockFetch({
    [`GET /privacy/requests/${ID}`]: { body: request(manage) },
    [`POST /privacy/requests/${ID}/search`]: {
      body: {
        items: [
          {
            module: "cases",
            entityType: "case",
            entityId: UNIT,
            orgUnitId: UNIT,
            orgUnitName: "Phường Bạc Liêu",
            labelVi: "Hồ sơ quản lý tại xã, phường (nội dung niêm phong)",
            match: "identity",
            data: {},
            sealed: true,
            exception: "crime_prevention",
          },
        ],
      },
    },
    [`POST /privacy/requests/${ID}/answer`]: { body: { ...request(manage), status: "answered" } },
    [`POST /privacy/requests/${ID}/execute`]: {
      body: {
        ...request(manage),
        executedAt: "2027-03-02T03:00:00.000Z",
        can: { search: manage, answer: manage, export: manage, execute: false },
        actions: [
          {
            module: "households",
            entityType: "household",
            entityId: ID,
            orgUnitName: "Phường Bạc Liêu",
            labelVi: "Chủ hộ trong sổ hộ gia đình",
            action: "erase",
            outcome: "done",
            exception: null,
            reasonVi: null,
            actedAt: "2027-03-02T03:00:00.000Z",
          },
          {
            module: "cases",
            entityType: "case",
            entityId: UNIT,
            orgUnitName: "Phường Bạc Liêu",
            labelVi: "Hồ sơ quản lý tại xã, phường (nội dung niêm phong)",
            action: "erase",
            outcome: "kept",
            exception: "crime_prevention",
            reasonVi: null,
            actedAt: "2027-03-02T03:00:00.000Z",
          },
        ],
      },
    },
  });
  const r = renderWithProviders(<RequestPage />, {
    user: makeUser(manage ? "data_protection_officer" : "system_admin"),
    route: { pattern: "/du-lieu-ca-nhan/yeu-cau/$id", path: `/du-lieu-ca-nhan/yeu-cau/${ID}` },
  });
  return { ...r, calls };
};

describe("RequestPage", () => {
  it("shows the clock in Vietnam time and overdue; a reader sees neither the person nor actions", async () => {
    open(false);
    expect(await screen.findByText(/04\/03\/2027 23:30 — Quá hạn/)).toBeVisible();
    expect(
      screen.getByText("Thông tin người yêu cầu chỉ cán bộ bảo vệ dữ liệu cá nhân được xem."),
    ).toBeVisible();
    expect(screen.queryByRole("button", { name: "Tìm dữ liệu trên mọi phân hệ" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Trả lời yêu cầu" })).toBeNull();
  });

  it("searches every module, shows the ground a record stays on, and answers with it", async () => {
    const { user, calls } = open(true);
    expect(await screen.findByText("Lê Thị Riêng Tư")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Tìm dữ liệu trên mọi phân hệ" }));
    expect(await screen.findByText("Hồ sơ quản lý tại xã, phường (nội dung niêm phong)")).toBeVisible();
    expect(screen.getByText("Niêm phong")).toBeVisible();
    // The ground shown in the table as well as offered in the answer's choices.
    expect(screen.getAllByText(/phòng, chống tội phạm, bảo đảm an ninh, trật tự/).length).toBe(2);
    await user.selectOptions(screen.getByRole("combobox", { name: /Kết quả/ }), "exception");
    await user.selectOptions(screen.getByRole("combobox", { name: /Căn cứ giữ lại/ }), "crime_prevention");
    await user.type(
      screen.getByRole("textbox", { name: /Nội dung trả lời/ }),
      "Hồ sơ được giữ theo quy định.",
    );
    await user.click(screen.getByRole("button", { name: "Trả lời yêu cầu" }));
    await expect.poll(() => writes(calls).length).toBe(2);
    expect(writes(calls)[1]!.body).toEqual({
      outcome: "exception",
      exceptions: ["crime_prevention"],
      answer: "Hồ sơ được giữ theo quy định.",
    });
  });

  it("carries the deletion out only after the officer confirms, then shows each record's outcome", async () => {
    const { user, calls } = open(true);
    await user.click(await screen.findByRole("button", { name: "Thực hiện yêu cầu trên các bản ghi" }));
    expect(await screen.findByText(/Không thể hoàn tác/)).toBeVisible();
    expect(writes(calls)).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Xác nhận thực hiện" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toEqual({ confirm: true });
    expect(await screen.findByText("Giữ lại")).toBeVisible();
    expect(screen.getAllByText("Đã thực hiện").length).toBeGreaterThan(0);
    // The answer is prefilled from each record's outcome, for the officer to edit before sending.
    expect(screen.getByRole("textbox", { name: /Nội dung trả lời/ })).toHaveValue(
      [
        "Kết quả thực hiện yêu cầu đối với từng hồ sơ:",
        "- Chủ hộ trong sổ hộ gia đình (Phường Bạc Liêu): đã thực hiện.",
        "- Hồ sơ quản lý tại xã, phường (nội dung niêm phong) (Phường Bạc Liêu): được giữ lại, căn cứ: Cơ quan nhà nước xử lý để phòng, chống tội phạm, bảo đảm an ninh, trật tự (Điều 16.2, 17 Nghị định 13/2023/NĐ-CP).",
      ].join("\n"),
    );
    expect(screen.getByText(/Đã thực hiện lúc 02\/03\/2027 10:00/)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Thực hiện yêu cầu trên các bản ghi" })).toBeNull();
  });
});
