import { FEEDBACK_TRANSITIONS, isFinal, permissionsOf, type FeedbackAbilities } from "@toandan/contracts";
import type { Actor } from "../../kernel/authz";

/** The body responsible holds feedback.handle over the feedback's unit (as feedbackInScope in SQL). */
export function handlesFeedback(actor: Actor, f: { unitPath: string; bodyKind: string }): boolean {
  return actor.roles.some(
    (r) =>
      permissionsOf([r.role]).has("feedback.handle") &&
      r.body === f.bodyKind &&
      f.unitPath.startsWith(r.orgUnitPath),
  );
}

/** What the actor may do with the feedback now: the same rules answerFeedback enforces. */
export function feedbackAbilities(
  actor: Actor,
  f: { unitPath: string; bodyKind: string; status: string; acceptance: string | null },
): FeedbackAbilities {
  const open = handlesFeedback(actor, f) && !isFinal(FEEDBACK_TRANSITIONS, f.status);
  return { answer: open, recordAcceptance: open && f.acceptance === null };
}
