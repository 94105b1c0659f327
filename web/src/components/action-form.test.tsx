import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../test/render";
import { ActionForm, type Field } from "./action-form";

const fields: Field[] = [
  { name: "text", label: "Nội dung kiến nghị", kind: "textarea", required: true },
  { name: "dueOn", label: "Hạn trả lời (dd/mm/yyyy)", kind: "date", required: true, initial: "" },
  { name: "note", label: "Ghi chú" },
];

describe("ActionForm", () => {
  it("marks blank required fields and a malformed date without sending, then sends the fixed form", async () => {
    const onSubmit = vi.fn(() => Promise.resolve({}));
    const { user } = renderWithProviders(
      <ActionForm fields={fields} submitLabel="Ghi kiến nghị" onSubmit={onSubmit} />,
    );
    await user.click(screen.getByRole("button", { name: "Ghi kiến nghị" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText("Cần nhập mục này.")).toHaveLength(2);

    await user.type(screen.getByLabelText(/Nội dung kiến nghị/), "Bổ sung camera ở ngã ba");
    await user.type(screen.getByLabelText(/Hạn trả lời/), "ngày mai");
    await user.click(screen.getByRole("button", { name: "Ghi kiến nghị" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText("Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.")).toBeVisible();
    expect(screen.queryByText("Cần nhập mục này.")).toBeNull();

    await user.clear(screen.getByLabelText(/Hạn trả lời/));
    await user.type(screen.getByLabelText(/Hạn trả lời/), "15/01/2027");
    await user.click(screen.getByRole("button", { name: "Ghi kiến nghị" }));
    expect(onSubmit).toHaveBeenCalledWith({ text: "Bổ sung camera ở ngã ba", dueOn: "2027-01-15" });
  });
});
