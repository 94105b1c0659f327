import { hasPermission, isInScope, type Actor } from "../../kernel/authz";

/**
 * The data-protection officer manages requests, breaches and consent texts at their units
 * (`privacy.manage`); administrators read the register, the request list and breaches
 * (`privacy.read`) but never a requester's identity, which only `privacy.manage` opens.
 */
export const mayManagePrivacy = (actor: Actor) => hasPermission(actor, "privacy.manage");
export const managesAt = (actor: Actor, rollupPath: string) => isInScope(actor, "privacy.manage", rollupPath);

export const requestAbilities = (
  actor: Actor,
  r: { rollupPath: string; status: string; executedAt: Date | string | null },
) => {
  const manage = managesAt(actor, r.rollupPath);
  const open = r.status === "received";
  return { search: manage, answer: manage && open, export: manage, execute: manage && open && !r.executedAt };
};

export const breachAbilities = (actor: Actor, b: { rollupPath: string; status: string }) => ({
  notify: managesAt(actor, b.rollupPath) && b.status === "open",
});

/** Additional data binding a sealed value to its request and field. */
export const requestAad = (id: string, field: "subject" | "details" | "answer") =>
  `privacy_request:${id}:${field}`;
