// The audit log line of each action (see summaries.ts): tips, feedback and the remote communes of the tip rules.
import {
  FEEDBACK_ACCEPTANCE_LABELS,
  FEEDBACK_NOTICE_CHANNEL_LABELS,
  FEEDBACK_STATUS_LABELS,
  TIP_CHANNEL_LABELS,
  TIP_NOTICE_CHANNEL_LABELS,
  TIP_NOTICE_KIND_LABELS,
  TIP_NOTICE_RECIPIENT_LABELS,
  TIP_STATUS_LABELS,
} from "@toandan/contracts";
import { d, n, type GroupSummaries } from "./summary-kit";

export const SUMMARIES_CITIZENS: GroupSummaries<
  `tip.${string}` | `feedback.${string}` | `remote_commune.${string}`
> = {
  "tip.triaged": (v, x) =>
    x.t("audit.summaries.tip.triaged", {
      code: v.code,
      urgency: x.t(`audit.urgency.${v.urgency}`),
      duplicate: v.duplicateOfCode ? x.t("audit.summaries.tip.duplicate", { code: v.duplicateOfCode }) : "",
    }),
  "tip.message_sent": (v, x) => x.t("audit.summaries.tip.message_sent", { code: v.code, n: n(v.n) }),
  "tip.outcome_recorded": (v, x) =>
    x.t("audit.summaries.tip.outcome_recorded", {
      code: v.code,
      from: TIP_STATUS_LABELS[v.from][x.lang],
      to: TIP_STATUS_LABELS[v.outcome][x.lang],
    }),
  "tip.extended": (v, x) => x.t("audit.summaries.tip.extended", { code: v.code, level: v.level }),
  "tip.resumed": (v, x) => x.t("audit.summaries.tip.resumed", { code: v.code }),
  "tip.notice_recorded": (v, x) =>
    x.t("audit.summaries.tip.notice_recorded", {
      code: v.code,
      kind: TIP_NOTICE_KIND_LABELS[v.kind][x.lang],
      recipient: TIP_NOTICE_RECIPIENT_LABELS[v.recipient][x.lang],
      channel: TIP_NOTICE_CHANNEL_LABELS[v.channel][x.lang],
    }),
  "tip.content_read": (v, x) => x.t("audit.summaries.tip.content_read", { code: v.code }),
  "tip.intake_recorded": (v, x) =>
    x.t("audit.summaries.tip.intake_recorded", {
      code: v.code,
      channel: TIP_CHANNEL_LABELS[v.channel][x.lang],
      anonymous: v.anonymous ? x.t("audit.summaries.tip.anonymous") : "",
    }),

  "remote_commune.set": (v, x) =>
    x.t("audit.summaries.remote_commune.set", {
      number: v.basisNumber,
      date: d(v.basisDate),
      text: v.basisText,
    }),
  "remote_commune.unset": (v, x) =>
    x.t("audit.summaries.remote_commune.unset", { number: v.basisNumber, date: d(v.basisDate) }),

  "feedback.answered": (v, x) =>
    x.t("audit.summaries.feedback.answered", {
      code: v.code,
      from: FEEDBACK_STATUS_LABELS[v.from][x.lang],
      to: FEEDBACK_STATUS_LABELS[v.to][x.lang],
    }),
  "feedback.acceptance_recorded": (v, x) =>
    x.t("audit.summaries.feedback.acceptance_recorded", {
      code: v.code,
      decision: FEEDBACK_ACCEPTANCE_LABELS[v.decision][x.lang],
      date: d(v.noticedOn),
      channel: FEEDBACK_NOTICE_CHANNEL_LABELS[v.channel][x.lang],
    }),
};
