import type { CertificationCycleDetail } from "@toandan/contracts";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../test/render";
import { DossierSection } from "./dossier-section";

const cycle = (status: string, dossierComplete: boolean) =>
  ({
    id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
    status,
    dossierComplete,
    documents: [],
    can: { upload: false },
  }) as unknown as CertificationCycleDetail;

describe("DossierSection", () => {
  it("asks for the missing documents while the cycle is open", () => {
    renderWithProviders(<DossierSection cycle={cycle("appraised", false)} />);
    expect(screen.getByText("Hồ sơ chưa đủ.")).toBeVisible();
  });

  it.each(["recognised", "not_recognised"])("never says “Hồ sơ chưa đủ” once %s", (status) => {
    renderWithProviders(<DossierSection cycle={cycle(status, false)} />);
    expect(screen.queryByText(/chưa đủ/)).toBeNull();
    expect(screen.getByText("Đã có quyết định; các văn bản trên là hồ sơ lưu của kỳ xét.")).toBeVisible();
  });
});
