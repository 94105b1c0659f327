// The audit log line of each action (see summaries.ts): households, safe families and their commitments.
import { d, fields, fileType, kb, n, orDash, type GroupSummaries } from "./summary-kit";

export const SUMMARIES_HOUSEHOLDS: GroupSummaries<
  `household.${string}` | `commitment.${string}` | `commitment_template.${string}`
> = {
  "household.created": (v, x) =>
    x.t("audit.summaries.household.created", {
      code: orDash(v.code),
      members: n(v.members),
    }),
  "household.updated": (v, x) => x.t("audit.summaries.changed", { fields: fields(v.fields, x) || "—" }),
  "household.imported": (v, x) => x.t("audit.summaries.household.imported", { n: n(v.created) }),
  "household.safe_family_recorded": (v, x) =>
    x.t("audit.summaries.household.safe_family_recorded", { year: v.year, date: d(v.decidedOn) }),
  "household.safe_family_withdrawn": (v, x) =>
    x.t("audit.summaries.household.safe_family_withdrawn", {
      year: v.year,
      date: d(v.withdrawnOn),
      reason: v.reason,
    }),

  "commitment.recorded": (v, x) =>
    x.t("audit.summaries.commitment.recorded", {
      year: v.year,
      signedOn: d(v.signedOn),
    }),
  "commitment.scan_attached": (v, x) =>
    x.t("audit.summaries.commitment.scan_attached", {
      year: v.year,
      type: fileType(v.type),
      size: kb(v.bytes),
    }),

  "commitment_template.created": (v, x) =>
    x.t("audit.summaries.commitment_template.created", { name: v.name }),
};
