import {
  FEEDBACK_ACCEPTANCE_LABELS,
  FEEDBACK_STATUS_LABELS,
  todayInVietnam,
  type FeedbackKind,
  type FeedbackStatus,
} from "@toandan/contracts";
import type { Actor } from "../../kernel/authz";
import type { Envelope } from "../../kernel/envelope";
import { acceptanceDueOf, clocksOf } from "./feedback.clocks";
import { feedbackAbilities } from "./feedback.policy";
import type { FeedbackRow } from "./feedback.queries";

function daysFromToday(dueOn: string): number {
  return Math.round((Date.parse(dueOn) - Date.parse(todayInVietnam())) / 86_400_000);
}

export function presentFeedbackSummary(env: Envelope, r: FeedbackRow) {
  const open = r.answeredOn === null;
  const daysLeft = open ? daysFromToday(r.dueOn) : null;
  return {
    id: r.id,
    code: r.code,
    title: env.openText(r.title, `feedback:${r.id}:title`),
    kind: r.kind as FeedbackKind,
    topic: r.topic as "security_order" | "movement" | "officials" | "other",
    status: r.status as FeedbackStatus,
    orgUnitName: r.orgUnitName,
    bodyKind: r.bodyKind,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    daysLeft,
    overdue: open ? daysLeft! < 0 : r.answeredOn! > r.dueOn,
    acceptance: r.acceptance as "accepted" | "not_accepted" | null,
    clocks: clocksOf(r),
  };
}

/** One item with its content, the sender's identity if given, and what the caller may do. */
export function presentFeedbackDetail(env: Envelope, actor: Actor, r: FeedbackRow) {
  // An identity restricted at the sender's request is not opened for the staff's display.
  const identity =
    r.identity && !r.identityRestricted
      ? (JSON.parse(env.openText(r.identity, `feedback:${r.id}:identity`)) as {
          name: string;
          phone?: string;
          address?: string;
        })
      : null;
  return {
    ...presentFeedbackSummary(env, r),
    content: env.openText(r.content, `feedback:${r.id}:content`),
    identity: identity
      ? { name: identity.name, phone: identity.phone ?? null, address: identity.address ?? null }
      : null,
    identityWithdrawnOn: r.identityWithdrawnOn,
    identityRestricted: Boolean(r.identity) && r.identityRestricted,
    answer: env.openOptionalText(r.answer, `feedback:${r.id}:answer`),
    answeredOn: r.answeredOn,
    acceptanceNotice:
      r.acceptance && r.acceptanceNoticedOn
        ? {
            decision: r.acceptance as "accepted" | "not_accepted",
            reason: r.acceptanceReason,
            noticedOn: r.acceptanceNoticedOn,
            channel: r.acceptanceChannel as "direct" | "in_writing" | "electronic",
          }
        : null,
    can: feedbackAbilities(actor, r),
  };
}

/** What the sender reads by code and secret: status and dates, never the officer's reasons or names. */
export function presentFeedbackStatus(env: Envelope, item: FeedbackRow) {
  const status = item.status as FeedbackStatus;
  const acceptance = (item.acceptance ?? "pending") as keyof typeof FEEDBACK_ACCEPTANCE_LABELS;
  return {
    code: item.code,
    status,
    statusLabel: FEEDBACK_STATUS_LABELS[status].vi,
    receivedOn: item.receivedOn,
    dueOn: item.dueOn,
    acceptance,
    acceptanceLabel: FEEDBACK_ACCEPTANCE_LABELS[acceptance].vi,
    acceptanceDueOn: item.acceptanceDueOn ?? acceptanceDueOf(item.receivedOn),
    acceptanceNoticedOn: item.acceptanceNoticedOn,
    answer: env.openOptionalText(item.answer, `feedback:${item.id}:answer`),
    answeredOn: item.answeredOn,
  };
}
