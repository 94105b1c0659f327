// The audit log line of each action (see summaries.ts): the retention module (counts only).
import { formatDate } from "../../lib/format";
import { n, type GroupSummaries } from "./summary-kit";

export const SUMMARIES_RETENTION: GroupSummaries<`retention.${string}`> = {
  "retention.applied": (v, x) =>
    x.t("audit.summaries.retention.applied", {
      rule: v.kind,
      done: n(v.done),
      due: n(v.due),
      cutoff: formatDate(v.cutoff),
      scheduled: v.scheduled ? x.t("audit.summaries.retention.scheduled") : "",
    }),
  "retention.rule_updated": (v, x) =>
    x.t("audit.summaries.retention.rule_updated", {
      rule: v.kind,
      months: n(v.periodMonths),
      state: x.t(v.enabled ? "audit.summaries.retention.on" : "audit.summaries.retention.off"),
    }),
};
