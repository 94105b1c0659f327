import type { MediaPartnershipDetail, MediaPartnershipPage } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, validationFailed, writes } from "../../test/fetch";
import { makeUser, WARD_ID } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { MediaPage } from "./media-page";

const ID = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const partnership = {
  id: ID,
  orgUnitId: WARD_ID,
  orgUnitName: "Phường Bạc Liêu",
  ownerBodyId: "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
  ownerBodyName: "Ủy ban MTTQ Việt Nam phường Bạc Liêu",
  ownerBodyKind: "front",
  partnerName: "Báo Cà Mau",
  partnerKind: "print" as const,
  agreementNumber: "05/CTPH-MTTQ-BCM",
  agreementDate: "2025-01-10",
  periodFrom: "2025-01-01",
  periodTo: "2026-12-31",
  notes: null,
  items: 1157,
  version: 1,
};
const page = (create: boolean): MediaPartnershipPage => ({
  items: [partnership],
  nextCursor: null,
  can: { create },
});
const detail = (addItem: boolean): MediaPartnershipDetail => ({
  ...partnership,
  itemList: [
    {
      id: "dddddddd-dddd-4ddd-8ddd-dddddddddddd",
      publishedOn: "2025-08-19",
      title: "Sôi nổi Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
      kind: "report",
      link: "https://baocamau.vn/a",
      topic: "law",
    },
  ],
  can: { edit: addItem, addItem },
});

const open = (writer: boolean, routes: Parameters<typeof mockFetch>[0] = {}) => {
  const calls = mockFetch({
    "GET /media-partnerships": { body: page(writer) },
    [`GET /media-partnerships/${ID}`]: { body: detail(writer) },
    ...routes,
  });
  const r = renderWithProviders(<MediaPage />, {
    user: makeUser(writer ? "commune_front" : "viewer"),
    route: { pattern: "/bao-chi", path: "/bao-chi" },
  });
  return { ...r, calls };
};

describe("MediaPage", () => {
  it("lists partnerships and their items in Vietnamese; a reader gets no forms", async () => {
    const { user } = open(false);
    expect(await screen.findByText("Báo Cà Mau · Báo in")).toBeVisible();
    expect(screen.getByText(/01\/01\/2025 – 31\/12\/2026/)).toBeVisible();
    expect(screen.getByText(/1\.157/)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Thêm chương trình phối hợp" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Mở" }));
    expect(await screen.findByRole("link", { name: /Sôi nổi Ngày hội/ })).toBeVisible();
    expect(screen.getByText(/19\/08\/2025 · Phóng sự/)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Thêm tin, bài" })).toBeNull();
  });

  it("adds an item with a dd/mm/yyyy date and shows the server's issue on the link", async () => {
    const { user, calls } = open(true, {
      [`POST /media-partnerships/${ID}/items`]: validationFailed([
        { path: "link", message: "Đường dẫn phải bắt đầu bằng http:// hoặc https://" },
      ]),
    });
    await user.click(await screen.findByRole("button", { name: "Mở" }));
    await user.click(await screen.findByRole("button", { name: "Thêm tin, bài" }));
    const dialog = await screen.findByRole("dialog");
    const date = within(dialog).getByRole("textbox", { name: /Ngày đăng, phát/ });
    await user.clear(date);
    await user.type(date, "26/03/2026");
    await user.type(within(dialog).getByRole("textbox", { name: /Tiêu đề/ }), "Tọa đàm phòng chống ma túy");
    await user.type(within(dialog).getByRole("textbox", { name: /Đường dẫn/ }), "baocamau");
    await user.click(within(dialog).getByRole("button", { name: "Lưu" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({
      publishedOn: "2026-03-26",
      title: "Tọa đàm phòng chống ma túy",
      kind: "article",
      link: "baocamau",
    });
    expect(await within(dialog).findByText(/Đường dẫn phải bắt đầu/)).toBeVisible();
  });
});
