import { describe, expect, it } from "vitest";
import { describeEvent, readableData, recordPage } from "./audit-summary";
import { ID, eventOf, contextIn } from "./audit-samples";
import "../../locales/register-commendations";
import "../../locales/register-hotspots";

describe("audit event summaries: stored data and record pages", () => {
  it("shows the stored data of a row its action's schema does not read", async () => {
    const vi = await contextIn("vi");
    expect(describeEvent(eventOf("commitment.recorded", { i: 99, tên: "Khóm" }), vi)).toEqual({
      summary: "i: 99; tên: Khóm",
      parsed: false,
    });
    expect(describeEvent(eventOf("group.updated", { name: "x" }), vi).parsed).toBe(false);
  });

  it("words data no summary reads: known fields by name, ids shortened or counted, numbers as 1.157", async () => {
    const vi = await contextIn("vi");
    expect(readableData({ headName: "x", caseIds: [ID, ID], total: 1157, moved: true, who: ID }, vi)).toBe(
      `họ tên chủ hộ: x; caseIds: 2 hồ sơ; total: 1.157; moved: Có; who: ${ID.slice(0, 8)}…`,
    );
  });

  it("links an event to its record's page, a commitment to its household", () => {
    expect(recordPage({ entityType: "case", entityId: ID, data: {} })).toEqual({
      to: "/ho-so/$id",
      id: ID,
    });
    expect(
      recordPage({
        entityType: "household_commitment",
        entityId: "x",
        data: { householdId: ID },
      }),
    ).toEqual({
      to: "/ho-gia-dinh/$id",
      id: ID,
    });
    expect(recordPage({ entityType: "system", entityId: null, data: {} })).toBeNull();
  });
});
