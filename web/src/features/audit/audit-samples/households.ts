// Audit data samples (see index.ts): households, safe families and their commitments.
import { ID, type SamplesOf } from "./shared";

export const SAMPLES_HOUSEHOLDS = {
  "household.created": { members: 4, memberOrgs: ["women"], code: "12" },
  "household.updated": { fields: ["headName", "members"], members: 5 },
  "household.imported": { created: 120 },
  "household.safe_family_recorded": {
    householdId: ID,
    year: 2025,
    decidedLevel: "commune",
    decidedOn: "2025-11-15",
    decisionNumber: "45/QĐ-UBND",
  },
  "household.safe_family_withdrawn": {
    householdId: ID,
    year: 2025,
    withdrawnOn: "2026-02-01",
    reason: "Vi phạm",
  },
  "commitment.recorded": {
    householdId: ID,
    year: 2026,
    signedOn: "2026-01-05",
    formVersion: "2024",
  },
  "commitment.scan_attached": {
    year: 2026,
    type: "application/pdf",
    bytes: 204_800,
  },
  "commitment_template.created": { name: "Mẫu cam kết 2026" },
} satisfies SamplesOf<`household.${string}` | `commitment.${string}` | `commitment_template.${string}`>;
