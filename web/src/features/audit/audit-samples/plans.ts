// Audit data samples (see index.ts): plans and their sources, reports and the period locks.
import { ID, type SamplesOf } from "./shared";

export const SAMPLES_PLANS = {
  "plan.created": { number: "279/KH-UBND", tasks: 5, targets: 3 },
  "plan.updated": {
    before: {
      number: "279/KH-UBND",
      title: "Kế hoạch",
      periodFrom: 2025,
      periodTo: 2026,
    },
    after: {
      number: "279/KH-UBND",
      title: "Kế hoạch năm",
      periodFrom: 2025,
      periodTo: 2027,
    },
    tasks: 5,
    milestones: 2,
    targets: 3,
  },
  "plan.deleted": { number: "279/KH-UBND", title: "Kế hoạch năm" },
  "plan.source_registered": { kind: "chuong_trinh", number: "20-CTr/TU", issuer: "Ban Thường vụ Thành ủy" },
  "plan.reviewed": { number: "20-CTr/TU", kind: "five_year", year: 2017, sourceNumber: "09-CT/TW" },
  "report.created": {
    template: "six_month",
    periodFrom: "2026-01-01",
    periodTo: "2026-06-30",
    symbol: "BC-MTTQ",
  },
  "report.updated": { fields: ["subject", "signerName", "somethingNew"] },
  "report.compiled": { children: 3, missing: 1 },
  "report.submitted": { from: "draft", to: "submitted" },
  "report.returned": {
    from: "submitted",
    to: "returned",
    comment: "Bổ sung số liệu",
  },
  "report.approved": { from: "submitted", to: "approved" },
  "period.unlocked": {
    reason: "Sửa số liệu",
    periodFrom: "2026-01-01",
    periodTo: "2026-06-30",
    locks: [ID],
  },
} satisfies SamplesOf<`plan.${string}` | `report.${string}` | `period.${string}`>;
