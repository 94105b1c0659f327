import type { CurrentConsentText } from "../../privacy";
import { esc } from "./html";
import { T, type Lang } from "./i18n";

/** The current version of a purpose's consent text (privacy's currentConsentText), as the form shows it. */
export type ShownConsent = CurrentConsentText;

/**
 * The consent box of a citizen form (Decree 13/2023 Art. 11–12; Decree 356/2025: never pre-ticked):
 * an unticked box whose words are the versioned consent text, the version and what withdrawing it
 * means; ticking it reveals the contact fields (`reveal`). The form sends the version's id. In
 * English the Vietnamese text (the one agreed to) follows a translation of the box's gist.
 */
export function consentBox(
  lang: Lang,
  c: ShownConsent | null,
  o: { name: string; reveal: string; fallback: string },
): string {
  const s = T[lang];
  const label = lang === "vi" && c ? c.textVi : o.fallback;
  if (!c) {
    return `<label class="check"><input type="checkbox" id="${o.name}" name="${o.name}" data-reveal="${o.reveal}"> ${esc(label)}</label>`;
  }
  const hintId = `${o.name}-hint`;
  const original =
    lang === "vi" ? "" : `<span lang="vi">${esc(s.consentOriginal)}: “${esc(c.textVi)}”</span> `;
  return `<div class="consent"><label class="check"><input type="checkbox" id="${o.name}" name="${o.name}" data-reveal="${o.reveal}" aria-describedby="${hintId}"> ${esc(label)}</label>
<input type="hidden" name="${o.name}Version" value="${esc(c.id)}">
<p class="hint" id="${hintId}">${original}${esc(s.consentVersion)} ${c.version}. ${esc(s.consentWithdrawHint)} <span lang="vi">${esc(c.withdrawalConsequenceVi)}</span></p></div>`;
}
