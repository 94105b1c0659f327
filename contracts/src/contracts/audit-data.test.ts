import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "./audit";
import { AUDIT_EVENT_DATA, parseAuditEvent } from "./audit-data";

const event = (action: (typeof AUDIT_ACTIONS)[number], data: unknown) => ({
  id: 1,
  occurredAt: "2026-03-02T01:00:00.000Z",
  actorId: null,
  actorUsername: null,
  action,
  entityType: "x",
  entityId: null,
  orgUnitId: null,
  data,
});

describe("audit event data", () => {
  it("has a schema for every action, and none for anything else", () => {
    expect(Object.keys(AUDIT_EVENT_DATA).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("parses a stored row with its action's schema, or says it does not fit", () => {
    const householdId = "3f2a9c1e-5b7d-4e2f-9a1b-0c4d6e8f1a2b";
    const data = { householdId, year: 2026, signedOn: "2026-01-05", formVersion: "2024" };
    expect(parseAuditEvent(event("commitment.recorded", data))?.data).toEqual(data);
    expect(parseAuditEvent(event("commitment.recorded", { i: 99 }))).toBeNull();
    expect(parseAuditEvent(event("auth.login", {}))?.data).toEqual({});
    expect(parseAuditEvent(event("auth.login", { ip: "203.0.113.9" }))).toBeNull();
    // Never written: no stored data reads as it.
    expect(parseAuditEvent(event("group.updated", {}))).toBeNull();
  });
});
