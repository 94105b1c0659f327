// Audit data samples (see index.ts): the retention module.
import type { SamplesOf } from "./shared";

export const SAMPLES_RETENTION = {
  "retention.applied": {
    kind: "group_member_left",
    cutoff: "2021-03-02",
    due: 12,
    done: 12,
    scheduled: true,
  },
  "retention.rule_updated": { kind: "tip_contact_closed", periodMonths: 24, enabled: true },
} satisfies SamplesOf<`retention.${string}`>;
