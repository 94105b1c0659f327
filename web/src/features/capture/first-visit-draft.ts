import type { ActivityFormValues } from "./activity-fields";

/**
 * A first visit's hand-over (issue 18). On a slow line the server sends /thu-thap with the hub and
 * the activity form as plain HTML (server/src/modules/capture), usable seconds before the scripts
 * arrive. Sent before then, that form is an ordinary POST the server takes through the activity
 * route. When the scripts do arrive, `takeOverFirstVisit` runs before React replaces the page: the
 * styles held back so they would not block the first paint are applied, and if the cadre has
 * started filling the form, its values become the React activity form's draft (saved on the phone
 * like any other record) and the page opens on that form, so nothing typed is lost.
 */

export const FIRST_VISIT_FORM_ID = "td-first-capture";

let draft: ActivityFormValues | null = null;

function changed(el: Element): boolean {
  if (el instanceof HTMLInputElement) {
    if (el.type === "hidden") return false;
    if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
    return el.value !== el.defaultValue;
  }
  if (el instanceof HTMLSelectElement) return [...el.options].some((o) => o.selected !== o.defaultSelected);
  if (el instanceof HTMLTextAreaElement) return el.value !== el.defaultValue;
  return false;
}

/** Inputs of the server-rendered form that are not the activity's values. */
const NOT_VALUES = new Set(["_csrf", "clientId"]);
const LISTS = new Set(["organizerBodyIds", "topics"]);

/** The server-rendered form's values, in the React form's shape (its inputs carry the same names). */
function valuesOf(form: HTMLFormElement): ActivityFormValues {
  const values: Record<string, string | string[]> = { organizerBodyIds: [], topics: [] };
  for (const [name, value] of new FormData(form)) {
    if (NOT_VALUES.has(name) || typeof value !== "string") continue;
    if (LISTS.has(name)) (values[name] as string[]).push(value);
    else values[name] = value;
  }
  return values as ActivityFormValues;
}

/** Runs once, before React renders. */
export function takeOverFirstVisit(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>("link[data-td-deferred]")) {
    link.media = "all";
  }
  const form = document.getElementById(FIRST_VISIT_FORM_ID);
  if (!(form instanceof HTMLFormElement)) return;
  if (![...form.elements].some(changed)) return;
  draft = valuesOf(form);
  history.replaceState(null, "", "/thu-thap/hoat-dong");
}

/** The values typed into the server-rendered form before the scripts arrived, once. */
export function takeFirstVisitDraft(): ActivityFormValues | null {
  const d = draft;
  draft = null;
  return d;
}
