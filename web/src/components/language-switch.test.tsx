import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { i18n } from "../app/i18n";
import { renderWithProviders } from "../test/render";
import { LanguageSwitch } from "./language-switch";

describe("LanguageSwitch", () => {
  it("shows Vietnamese first, with a label for screen readers", () => {
    renderWithProviders(<LanguageSwitch />);
    const select = screen.getByRole("combobox", { name: "Ngôn ngữ" });
    expect(select).toHaveValue("vi");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Tiếng Việt", "English"]);
  });

  it("switches to English, remembers the choice and sets <html lang>", async () => {
    const { user } = renderWithProviders(<LanguageSwitch />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Ngôn ngữ" }), "en");
    await waitFor(() => expect(i18n.language).toBe("en"));
    expect(localStorage.getItem("toandan.lang")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    // The component follows the language: its own label is now English.
    expect(await screen.findByRole("combobox", { name: "Language" })).toHaveValue("en");
  });

  it("switches back to Vietnamese", async () => {
    await i18n.changeLanguage("en");
    const { user } = renderWithProviders(<LanguageSwitch />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "vi");
    expect(await screen.findByRole("combobox", { name: "Ngôn ngữ" })).toHaveValue("vi");
    expect(localStorage.getItem("toandan.lang")).toBe("vi");
    expect(document.documentElement.lang).toBe("vi");
  });
});
