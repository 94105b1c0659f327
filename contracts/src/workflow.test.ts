import { describe, expect, it } from "vitest";
import { CASE_TRANSITIONS } from "./contracts/cases";
import { CERTIFICATION_STEPS, CERTIFICATION_TRANSITIONS } from "./contracts/certification";
import { COMMENDATION_TRANSITIONS } from "./contracts/commendations";
import { FEEDBACK_TRANSITIONS } from "./contracts/feedback";
import { GROUP_TRANSITIONS } from "./contracts/groups";
import { HOTSPOT_TRANSITIONS } from "./contracts/hotspots";
import { REPORT_TRANSITIONS } from "./contracts/reports";
import { TIP_TRANSITIONS } from "./contracts/tips";
import {
  canTransition,
  isFinal,
  isStatusOf,
  nextStatuses,
  transitionPairs,
  type Transitions,
} from "./workflow";

const TABLES: [string, Transitions<string>][] = [
  ["cases", CASE_TRANSITIONS],
  ["certification", CERTIFICATION_TRANSITIONS],
  ["commendations", COMMENDATION_TRANSITIONS],
  ["feedback", FEEDBACK_TRANSITIONS],
  ["groups", GROUP_TRANSITIONS],
  ["hotspots", HOTSPOT_TRANSITIONS],
  ["reports", REPORT_TRANSITIONS],
  ["tips", TIP_TRANSITIONS],
];

describe("workflow helpers", () => {
  it("answers from the table, and an unknown or inherited status has no moves", () => {
    expect(canTransition(REPORT_TRANSITIONS, "draft", "submitted")).toBe(true);
    expect(canTransition(REPORT_TRANSITIONS, "draft", "approved")).toBe(false);
    expect(canTransition(REPORT_TRANSITIONS, "archived", "submitted")).toBe(false);
    expect(canTransition(REPORT_TRANSITIONS, "constructor", "submitted")).toBe(false);
    expect(nextStatuses(REPORT_TRANSITIONS, "submitted")).toEqual(["returned", "approved"]);
    expect(nextStatuses(REPORT_TRANSITIONS, "toString")).toEqual([]);
    expect(isFinal(REPORT_TRANSITIONS, "approved")).toBe(true);
    expect(isFinal(REPORT_TRANSITIONS, "returned")).toBe(false);
    expect(isStatusOf(REPORT_TRANSITIONS, "returned")).toBe(true);
    expect(isStatusOf(REPORT_TRANSITIONS, "hasOwnProperty")).toBe(false);
  });

  it.each(TABLES)("%s: every move leads to a status of the table, and some status is final", (_, table) => {
    const statuses = new Set(Object.keys(table));
    for (const [, to] of transitionPairs(table)) expect(statuses.has(to)).toBe(true);
    expect([...statuses].some((s) => isFinal(table, s))).toBe(true);
  });

  it("certification: the steps take exactly the moves of the lifecycle", () => {
    const stepMoves = CERTIFICATION_STEPS.flatMap((s) => s.from.flatMap((f) => s.to.map((t) => `${f}>${t}`)));
    const tableMoves = transitionPairs(CERTIFICATION_TRANSITIONS).map(([f, t]) => `${f}>${t}`);
    expect(new Set(stepMoves)).toEqual(new Set(tableMoves));
  });
});
