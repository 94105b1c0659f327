import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render";
import { ScrollRegion } from "./scroll-region";

describe("ScrollRegion", () => {
  it("is a named region that keyboard users can reach and scroll", async () => {
    const { user } = renderWithProviders(
      <>
        <button type="button">Trước</button>
        <ScrollRegion label="Bảng tiến độ thực hiện chỉ tiêu">
          <table>
            <tbody>
              <tr>
                <td>1.157</td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      </>,
    );
    const region = screen.getByRole("region", { name: "Bảng tiến độ thực hiện chỉ tiêu" });
    expect(region).toHaveAttribute("tabindex", "0");
    expect(region).toHaveStyle({ overflowX: "auto", maxWidth: "100%" });
    expect(region).toContainElement(screen.getByRole("cell", { name: "1.157" }));
    await user.click(screen.getByRole("button", { name: "Trước" }));
    await user.tab();
    expect(region).toHaveFocus();
  });
});
