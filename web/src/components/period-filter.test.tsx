import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../test/render";
import { PeriodFilter } from "./period-filter";

type Period = { from?: string; to?: string };

function Harness({ initial, onChange }: { initial: Period; onChange: (p: Period) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <PeriodFilter
      value={value}
      onChange={(p) => {
        setValue(p);
        onChange(p);
      }}
    />
  );
}

const from = () => screen.getByRole("textbox", { name: "Từ ngày" });
const to = () => screen.getByRole("textbox", { name: "Đến ngày" });

describe("PeriodFilter", () => {
  it("shows the period as dd/mm/yyyy in two date boxes made for typing", () => {
    renderWithProviders(<Harness initial={{ from: "2025-01-01", to: "2025-06-30" }} onChange={() => {}} />);
    expect(from()).toHaveValue("01/01/2025");
    expect(to()).toHaveValue("30/06/2025");
    for (const box of [from(), to()]) {
      expect(box).toHaveAttribute("placeholder", "dd/mm/yyyy");
      expect(box).toHaveAttribute("inputmode", "numeric");
      expect(box).toHaveAttribute("maxlength", "10");
      expect(box).toHaveAttribute("autocomplete", "off");
    }
  });

  it("applies a date as soon as it is complete and valid, not before", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<Harness initial={{ to: "2025-06-30" }} onChange={onChange} />);
    await user.type(from(), "1/3/202");
    expect(onChange).not.toHaveBeenCalled();
    await user.type(from(), "5");
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith({ from: "2025-03-01", to: "2025-06-30" });
  });

  it("says a date is wrong only when the box is left, and keeps the applied one", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<Harness initial={{ from: "2025-01-01" }} onChange={onChange} />);
    await user.clear(from());
    onChange.mockClear();
    await user.type(from(), "31/02/2025");
    expect(from()).not.toHaveAttribute("aria-invalid", "true");
    await user.tab();
    expect(from()).toHaveAccessibleDescription("Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.");
    expect(onChange).not.toHaveBeenCalled();
    await user.clear(from());
    await user.type(from(), "28/02/2025");
    expect(from()).not.toHaveAccessibleDescription("Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.");
    expect(onChange).toHaveBeenLastCalledWith({ from: "2025-02-28" });
  });

  it("clears a date when its box is emptied", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(
      <Harness initial={{ from: "2025-01-01", to: "2025-06-30" }} onChange={onChange} />,
    );
    await user.clear(to());
    expect(onChange).toHaveBeenLastCalledWith({ from: "2025-01-01", to: undefined });
  });
});
