import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  api,
  buildRestrictWorld,
  EVAL_YEAR,
  h,
  ids,
  m,
  NEIGHBOUR,
  ok,
  PERSON,
  PHONE,
  S,
  YEAR,
} from "./test-support";

/**
 * A new list cannot silently forget `notRestricted` (decision 0017, addendum): the table names every
 * GET operation of households, groups, tips and feedback (read from the OpenAPI document); each
 * ordinary list, search or export is fetched with the person's records restricted, and must leave
 * them out and show the neighbour. A new GET operation fails here until it is classified.
 */
beforeAll(buildRestrictWorld, 300_000);
afterAll(() => S.w.t.close());

/**
 * Every GET operation of these modules, and what it shows of a restricted record. `list`: an
 * ordinary list, search or export — fetched here, the restricted record (its id or its person's
 * name or phone) must be absent and the neighbour present. `detail`: one record's read (404, or the
 * contact masked). `none`: shows no record of a person (figures, options, a job), with why.
 */
type Check = { kind: "list"; url: () => string; absent: () => string[]; present: () => string[] };
const GET_ROUTES: Record<string, Check | { kind: "detail" | "none"; why: string }> = {
  listHouseholds: {
    kind: "list",
    url: () => `/households?orgUnitId=${S.w.area}&limit=100`,
    absent: () => [h.r, PERSON],
    present: () => [h.n, NEIGHBOUR],
  },
  "listHouseholds?q": {
    kind: "list",
    url: () => `/households?q=${encodeURIComponent("Đặng Thị")}&limit=100`,
    absent: () => [h.r, PERSON],
    present: () => [h.n],
  },
  exportHouseholds: {
    kind: "list",
    url: () => `/households/export/csv?orgUnitId=${S.w.area}`,
    absent: () => [PERSON],
    present: () => [NEIGHBOUR],
  },
  listSafeFamilies: {
    kind: "list",
    url: () => `/households/safe-families?orgUnitId=${S.w.area}&year=${YEAR}`,
    absent: () => [h.r, PERSON],
    present: () => [h.n],
  },
  listGroupMembers: {
    kind: "list",
    url: () => `/groups/${S.groupId}/members?limit=100`,
    absent: () => [m.r, PERSON],
    present: () => [m.n, NEIGHBOUR],
  },
  listGroupRosters: {
    kind: "list",
    url: () => `/groups/rosters?orgUnitId=${S.w.area}`,
    absent: () => [m.r, PERSON],
    present: () => [m.n],
  },
  listTeamEvaluations: {
    kind: "list",
    url: () => `/groups/${S.groupId}/year-evaluations?year=${EVAL_YEAR}`,
    absent: () => [m.r, PERSON],
    present: () => [m.n, NEIGHBOUR],
  },
  listTips: {
    kind: "list",
    url: () => `/tips?limit=100`,
    absent: () => [PHONE, PERSON],
    present: () => [ids.tip],
  },
  listFeedback: {
    kind: "list",
    url: () => `/feedback?limit=100`,
    absent: () => [PHONE, PERSON],
    present: () => [ids.feedback],
  },
  getHousehold: { kind: "detail", why: "404 for a restricted household (privacy-restrict.test)" },
  getCommitmentScan: { kind: "detail", why: "the household's read: 404 when restricted" },
  getTip: { kind: "detail", why: "contact masked, contactRestricted (privacy-restrict.test)" },
  getFeedback: { kind: "detail", why: "identity masked, identityRestricted (privacy-restrict.test)" },
  getTipAttachment: { kind: "detail", why: "the tip's content, not its contact" },
  getGroup: { kind: "none", why: "the group and its member count" },
  listDutyLogs: {
    kind: "none",
    why: "duty days with roster ids, no names; new days refuse a restricted member",
  },
  getCommitmentCoverage: { kind: "none", why: "figures (unchanged by restriction)" },
  getSafeFamilyTotals: { kind: "none", why: "figures" },
  getHouseholdImport: { kind: "none", why: "an import job's progress" },
  listCommitmentTemplates: { kind: "none", why: "form templates" },
  exportGroups: { kind: "none", why: "groups, no members" },
  listGroupTypes: { kind: "none", why: "the catalogue" },
  listGroups: { kind: "none", why: "groups and counts" },
  listStaleGroups: { kind: "none", why: "groups" },
  getGroupTotals: { kind: "none", why: "figures" },
  getEquipmentTotals: { kind: "none", why: "figures" },
  getGroupEquipment: { kind: "none", why: "equipment" },
  getTipIntakeOptions: { kind: "none", why: "form options" },
  getTipCounts: { kind: "none", why: "figures" },
  listPublicUnits: { kind: "none", why: "the public form's units" },
  listRemoteCommunes: { kind: "none", why: "units" },
};

describe("restricted records in lists", () => {
  it("names every GET operation of households, groups, tips and feedback in the table", () => {
    const doc = S.w.t.app.swagger() as {
      paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
    };
    const gets = Object.values(doc.paths)
      .map((p) => p.get)
      .filter((op) => op?.tags?.some((t) => ["households", "groups", "tips", "feedback"].includes(t)))
      .map((op) => op!.operationId!);
    const named = new Set(Object.keys(GET_ROUTES).map((k) => k.split("?")[0]!));
    expect(gets.filter((op) => !named.has(op)).sort(), "GET operations missing from GET_ROUTES").toEqual([]);
    expect(
      [...named].filter((op) => !gets.includes(op)).sort(),
      "GET_ROUTES names unknown operations",
    ).toEqual([]);
  });

  for (const [op, check] of Object.entries(GET_ROUTES)) {
    if (check.kind !== "list") continue;
    it(`${op}: leaves the restricted record out, shows the neighbour`, async () => {
      const s = op.startsWith("listTips") ? S.w.as.police : S.front;
      const res = await api(s, "GET", check.url());
      ok(res, 200);
      for (const v of check.absent()) expect(res.body, `${op} shows ${v}`).not.toContain(v);
      for (const v of check.present()) expect(res.body, `${op} hides ${v}`).toContain(v);
    });
  }
});
