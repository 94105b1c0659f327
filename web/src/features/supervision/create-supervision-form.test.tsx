import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { mockFetch, validationFailed, writes } from "../../test/fetch";
import { makeUser, POLICE_BODY_ID, WARD, WARD_ID } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { CreateSupervisionForm } from "./create-supervision-form";

const ID = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

describe("CreateSupervisionForm", () => {
  it("plans the supervision of an agency of the unit, with the delegation and its decision", async () => {
    const calls = mockFetch({
      "GET /org-units": { body: { items: [], nextCursor: null } },
      [`GET /org-units/${WARD_ID}`]: { body: WARD },
      "POST /supervisions": { status: 201, body: { id: ID } },
    });
    const onDone = vi.fn();
    const { user } = renderWithProviders(<CreateSupervisionForm onDone={onDone} />, {
      user: makeUser("commune_front"),
    });
    await user.selectOptions(screen.getByRole("combobox", { name: "Đối tượng giám sát" }), "agency");
    const agency = await screen.findByRole("combobox", { name: /Cơ quan, tổ chức được giám sát/ });
    await screen.findByRole("option", { name: /Công an phường/ });
    await user.selectOptions(agency, POLICE_BODY_ID);
    await fill(
      user,
      screen.getByRole("textbox", { name: /Tên cuộc giám sát/ }),
      "Giám sát việc giải quyết tin báo",
    );
    await fill(
      user,
      screen.getByRole("textbox", { name: /Nội dung giám sát/ }),
      "Tiếp nhận, phân loại tin báo",
    );
    await fill(user, screen.getByRole("textbox", { name: /Số quyết định thành lập đoàn/ }), "12/QĐ-MTTQ");
    await fill(
      user,
      screen.getByRole("textbox", { name: /Thành viên đoàn giám sát/ }),
      "Nguyễn Văn A, Chủ tịch Ủy ban MTTQ phường",
    );
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    await expect.poll(() => onDone.mock.calls.length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({
      orgUnitId: WARD_ID,
      subjectKind: "agency",
      subjectBodyId: POLICE_BODY_ID,
      form: "delegation",
      decisionNumber: "12/QĐ-MTTQ",
      members: [{ name: "Nguyễn Văn A", position: "Chủ tịch Ủy ban MTTQ phường" }],
    });
    expect(writes(calls)[0]!.body).not.toHaveProperty("decisionDate");
  });

  it("puts the server's issue on the decision number", async () => {
    mockFetch({
      "GET /org-units": { body: { items: [], nextCursor: null } },
      [`GET /org-units/${WARD_ID}`]: { body: WARD },
      "POST /supervisions": validationFailed([
        { path: "decisionNumber", message: "Số hiệu dạng số/ký hiệu, ví dụ 279/KH-MTTQ-BCA hoặc 20-CTr/TU" },
      ]),
    });
    const { user } = renderWithProviders(<CreateSupervisionForm onDone={() => {}} />, {
      user: makeUser("commune_front"),
    });
    await fill(
      user,
      screen.getByRole("textbox", { name: /Tên cuộc giám sát/ }),
      "Giám sát việc giải quyết tin báo",
    );
    await fill(user, screen.getByRole("textbox", { name: /Nội dung giám sát/ }), "Tiếp nhận tin báo");
    await fill(user, screen.getByRole("textbox", { name: /Số quyết định thành lập đoàn/ }), "quyết định");
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    expect(
      await screen.findByRole("textbox", { name: /Số quyết định thành lập đoàn/ }),
    ).toHaveAccessibleDescription(expect.stringContaining("Số hiệu dạng số/ký hiệu"));
  });
});
