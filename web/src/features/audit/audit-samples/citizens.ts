// Audit data samples (see index.ts): tips, feedback and the remote communes of the tip rules.
import { type SamplesOf } from "./shared";

export const SAMPLES_CITIZENS = {
  "tip.triaged": { code: "TB-7KQ2M", urgency: "urgent", duplicateOfCode: null },
  "tip.message_sent": { code: "TB-7KQ2M", n: 2 },
  "tip.outcome_recorded": {
    code: "TB-7KQ2M",
    from: "triaged",
    outcome: "case_opened",
    casesSolved: 1,
    arrests: 2,
    peopleHandled: 2,
  },
  "tip.extended": { code: "TB-7KQ2M", level: 1 },
  "tip.resumed": { code: "TB-7KQ2M", ground: "expert_pending" },
  "tip.notice_recorded": {
    code: "TB-7KQ2M",
    kind: "suspension",
    recipient: "procuracy",
    channel: "dispatch",
    sentAt: "2026-03-22T03:00:00.000Z",
  },
  "tip.content_read": { code: "TB-7KQ2M" },
  "tip.intake_recorded": { code: "TB-7KQ2M", channel: "phone", anonymous: true, signedRecord: false },
  "remote_commune.set": {
    basisNumber: "861/QĐ-TTg",
    basisDate: "2017-06-04",
    basisText: "Quyết định của Thủ tướng Chính phủ",
    previous: null,
  },
  "remote_commune.unset": { basisNumber: "861/QĐ-TTg", basisDate: "2017-06-04" },
  "feedback.answered": { code: "PA-9XK3", from: "received", to: "answered" },
  "feedback.acceptance_recorded": {
    code: "PA-9XK3",
    decision: "accepted",
    noticedOn: "2026-03-02",
    channel: "in_writing",
  },
} satisfies SamplesOf<`tip.${string}` | `feedback.${string}` | `remote_commune.${string}`>;
