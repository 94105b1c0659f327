import { screen, within } from "@testing-library/react";
import type { FieldErrors } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { renderWithProviders } from "../test/render";
import { ConfirmDialog } from "./confirm-dialog";
import { FormError } from "./form-error";

describe("ConfirmDialog", () => {
  const props = () => ({
    opened: true,
    onClose: vi.fn(),
    onConfirm: vi.fn(),
    title: "Xóa hoạt động",
    confirmLabel: "Xóa",
  });

  it("asks in a named dialog and confirms or cancels", async () => {
    const p = props();
    const { user } = renderWithProviders(
      <ConfirmDialog {...p} danger>
        Hoạt động sẽ bị xóa khỏi số liệu.
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole("dialog", { name: "Xóa hoạt động" });
    expect(within(dialog).getByText("Hoạt động sẽ bị xóa khỏi số liệu.")).toBeVisible();
    await user.click(within(dialog).getByRole("button", { name: "Xóa" }));
    expect(p.onConfirm).toHaveBeenCalledTimes(1);
    await user.click(within(dialog).getByRole("button", { name: "Hủy" }));
    expect(p.onClose).toHaveBeenCalledTimes(1);
    await user.click(within(dialog).getByRole("button", { name: "Đóng" }));
    expect(p.onClose).toHaveBeenCalledTimes(2);
  });

  it("closes on Escape", async () => {
    const p = props();
    const { user } = renderWithProviders(<ConfirmDialog {...p}>Chắc chắn?</ConfirmDialog>);
    await user.keyboard("{Escape}");
    expect(p.onClose).toHaveBeenCalled();
    expect(p.onConfirm).not.toHaveBeenCalled();
  });

  it("shows the last attempt's failure in words, and nothing when closed", () => {
    const p = props();
    const { rerender } = renderWithProviders(
      <ConfirmDialog {...p} error={new ApiError({ status: 409, code: "invalid_transition" })}>
        Chắc chắn?
      </ConfirmDialog>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Không thể chuyển sang trạng thái này.");
    rerender(
      <ConfirmDialog {...p} opened={false}>
        Chắc chắn?
      </ConfirmDialog>,
    );
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("FormError", () => {
  it("shows nothing without a failure", () => {
    renderWithProviders(<FormError error={null} />);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the failure when no field shows it", () => {
    renderWithProviders(
      <FormError error={new ApiError({ status: 0, code: "network_error" })} fieldErrors={{}} />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.",
    );
  });

  it("stays quiet when the fields already show the issues", () => {
    const fieldErrors: FieldErrors<{ title: string }> = { title: { type: "server", message: "Sai" } };
    renderWithProviders(
      <FormError
        error={
          new ApiError({
            status: 400,
            code: "validation_failed",
            issues: [{ path: "title", message: "Sai" }],
          })
        }
        fieldErrors={fieldErrors}
      />,
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
