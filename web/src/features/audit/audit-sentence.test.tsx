import { AUDIT_ACTIONS } from "@toandan/contracts";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../test/render";
import { Details } from "./audit-page";
import { eventSentence, type SummaryContext } from "./audit-summary";
import { SAMPLES, eventOf, contextIn } from "./audit-samples";
import "../../locales/register-commendations";
import "../../locales/register-hotspots";

describe("audit event summaries: sentences and details", () => {
  it("reads each event as a sentence, with quarters as people write them and no raw ids", async () => {
    const vi = await contextIn("vi");
    const en = await contextIn("en");
    const sentence = (action: keyof typeof SAMPLES, x: SummaryContext) =>
      eventSentence(eventOf(action, SAMPLES[action]), x);
    expect(sentence("commitment.recorded", vi)).toBe(
      "Ghi nhận cam kết: Cam kết năm 2026, ký ngày 05/01/2026.",
    );
    expect(sentence("commitment.recorded", en)).toBe(
      "Recorded a commitment: 2026 commitment, signed on 05/01/2026.",
    );
    expect(sentence("auth.login", vi)).toMatch(/^[^:]+\.$/);
    const report = sentence("case.report_recorded", vi);
    expect(report).toContain("Quý ");
    expect(report).not.toMatch(/\d{4}-Q\d/);
    for (const action of AUDIT_ACTIONS) {
      if (action === "group.updated") continue;
      expect(sentence(action, vi), action).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|caseIds|basis:/);
    }
  });

  it("renders the summary with the stored data under it", async () => {
    renderWithProviders(<Details event={eventOf("commitment.recorded", SAMPLES["commitment.recorded"])} />, {
      route: { pattern: "/nhat-ky", path: "/nhat-ky" },
    });
    expect(
      await screen.findByText("Ghi nhận cam kết: Cam kết năm 2026, ký ngày 05/01/2026."),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Xem bản ghi: Cam kết của hộ" })).toHaveAttribute(
      "href",
      `/ho-gia-dinh/${SAMPLES["commitment.recorded"].householdId}`,
    );
    expect(screen.getByText("Dữ liệu gốc")).toBeInTheDocument();
    expect(screen.getByText(/formVersion: 2024/)).toBeInTheDocument();
  });
});
