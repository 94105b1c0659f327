/**
 * The capture hub and the activity form as plain HTML for a first visit (issue 18), rendered from
 * dist/capture-first.json: the fields, choices and labels the web build takes from the React form's
 * own sources (web/src/features/capture/first-visit-form.ts). This file only lays them out, with
 * the account's area and bodies, and the values and issues of a refused submit.
 */
import type { FirstVisitForm } from "@toandan/contracts";

export type OrganizerLevel = { orgUnitName: string; bodies: { id: string; name: string }[] };

export type FormState = {
  values: Map<string, string[]>;
  issues: Map<string, string>;
  /** A refusal not tied to one field. */
  error: string | null;
};

export type PageData = {
  unitName: string | null;
  levels: OrganizerLevel[];
  csrfToken: string;
  clientId: string;
  today: string;
  sent: boolean;
  state: FormState | null;
};

function esc(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

// Small, inline, system fonts: nothing but the page itself stands before the first paint.
const CSS = `
.fv{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;max-width:560px;margin:0 auto;padding:0 12px 32px}
.fv-skip{position:absolute;left:-999px}.fv-skip:focus{left:8px;top:8px;background:#fff;padding:8px}
.fv-head{display:flex;align-items:center;height:56px;font-weight:700;font-size:1.15rem;color:#8c1d18}
.fv h1{font-size:1.6rem;margin:8px 0}
.fv p{margin:8px 0}
.fv-tile{display:block;border:1px solid #d0d0d7;border-radius:8px;padding:14px;margin:10px 0;color:inherit;text-decoration:none;background:#fff}
.fv-tile b{display:block;color:#8c1d18;font-size:1.1rem}.fv-tile span{color:#5c5c66;font-size:.9rem}
.fv summary{cursor:pointer;list-style:none;min-height:44px}.fv summary::-webkit-details-marker{display:none}
.fv form{margin-top:12px}
.fv label.fv-f{display:block;margin:12px 0;font-weight:500}
.fv input[type=text],.fv select{display:block;box-sizing:border-box;width:100%;min-height:44px;font:inherit;padding:6px 10px;margin-top:4px;border:1px solid #8e8e99;border-radius:6px;background:#fff}
.fv fieldset{border:0;margin:12px 0;padding:0}.fv legend{font-weight:500;padding:0}
.fv-check{display:flex;gap:10px;align-items:center;min-height:44px}
.fv-check input{width:22px;height:22px;margin:0}
.fv-grid{display:grid;grid-template-columns:1fr 1fr;gap:0 12px}
.fv-err{color:#b3261e;font-size:.9rem;display:block}
.fv-alert{border-radius:8px;padding:10px 12px;margin:12px 0}
.fv-ok{background:#e6f4ea;border:1px solid #2e7d32}.fv-bad{background:#fdecea;border:1px solid #b3261e}
.fv button{display:block;width:100%;min-height:50px;font:inherit;font-weight:600;color:#fff;background:#b3261e;border:0;border-radius:8px;margin-top:16px}
.fv-sub{font-weight:500;color:#8c1d18}
`;

type Field = { name: string; label: string; decimal: boolean };

function renderForm(f: FirstVisitForm, d: PageData): string {
  const st = d.state;
  const value = (name: string, fallback = "") => st?.values.get(name)?.[0] ?? fallback;
  const checked = (name: string, v: string) => (st?.values.get(name) ?? []).includes(v);
  const issue = (name: string) => {
    const m = st?.issues.get(name);
    return m ? `<span class="fv-err" id="err-${name}">${esc(m)}</span>` : "";
  };
  const described = (name: string) =>
    st?.issues.has(name) ? ` aria-describedby="err-${name}" aria-invalid="true"` : "";
  const text = (name: string, label: string, extra: string, fallback = "") =>
    `<label class="fv-f">${esc(label)}<input type="text" name="${name}" value="${esc(value(name, fallback))}"${extra}${described(name)}>${issue(name)}</label>`;
  const check = (name: string, v: string, label: string) =>
    `<label class="fv-check"><input type="checkbox" name="${name}" value="${esc(v)}"${checked(name, v) ? " checked" : ""}>${esc(label)}</label>`;
  const figure = (x: Field) =>
    text(x.name, x.label, ` inputmode="${x.decimal ? "decimal" : "numeric"}" autocomplete="off"`);
  const kind = value("kind", f.defaultKind);
  const [own, ...upper] = d.levels;
  const levelBoxes = (l: OrganizerLevel) =>
    `<p class="fv-sub">${esc(l.orgUnitName)}</p>${l.bodies.map((b) => check("organizerBodyIds", b.id, b.name)).join("")}`;
  const upperTicked = upper.some((l) => l.bodies.some((b) => checked("organizerBodyIds", b.id)));
  const moreFilled = f.moreFigures.some((x) => value(x.name) !== "");
  return `<form id="td-first-capture" method="post" action="/thu-thap/hoat-dong" novalidate>
<input type="hidden" name="_csrf" value="${esc(d.csrfToken)}"><input type="hidden" name="clientId" value="${esc(d.clientId)}">
${st?.error ? `<div class="fv-alert fv-bad" role="alert"><b>${esc(f.form.notSent)}</b><br>${esc(st.error)}</div>` : ""}
<label class="fv-f">${esc(f.form.kind)}<select name="kind" required>${f.kinds
    .map(
      (k) => `<option value="${esc(k.value)}"${k.value === kind ? " selected" : ""}>${esc(k.label)}</option>`,
    )
    .join("")}</select>${issue("kind")}</label>
${text("date", f.form.date, ' inputmode="numeric" autocomplete="off" placeholder="dd/mm/yyyy" required', d.today)}
<fieldset${described("organizerBodyIds")}><legend>${esc(f.form.organizers)} *</legend>${own ? levelBoxes(own) : ""}
${upper.length > 0 ? `<details${upperTicked ? " open" : ""}><summary class="fv-sub">+ ${esc(f.form.upperOrganizers)}</summary>${upper.map(levelBoxes).join("")}</details>` : ""}${issue("organizerBodyIds")}</fieldset>
<fieldset><legend>${esc(f.form.topics)}</legend>${f.topics.map((t) => check("topics", t.value, t.label)).join("")}</fieldset>
${text("title", f.form.title, ' maxlength="300"')}
<fieldset><legend>${esc(f.form.figures)}</legend><div class="fv-grid">${f.mainFigures.map(figure).join("")}</div>
<details${moreFilled ? " open" : ""}><summary class="fv-sub">+ ${esc(f.form.moreFigures)}</summary><div class="fv-grid">${f.moreFigures.map(figure).join("")}</div></details></fieldset>
<button type="submit">${esc(f.form.save)}</button>
</form>`;
}

/** The hub, the activity form opened under its tile, the other tiles as links to the app's screens. */
export function firstVisitMarkup(f: FirstVisitForm, d: PageData): string {
  const hub = f.hub;
  const area = d.unitName ? hub.area.replace("{{name}}", d.unitName) : hub.noUnit;
  const tile = (t: { href: string; title: string; hint: string }) =>
    `<a class="fv-tile" href="${esc(t.href)}"><b>${esc(t.title)}</b><span>${esc(t.hint)}</span></a>`;
  return `<style>${CSS}</style><div class="fv"><a class="fv-skip" href="#main">${esc(f.skipToContent)}</a>
<header class="fv-head">${esc(f.appName)}</header>
<main id="main"><h1>${esc(hub.title)}</h1>
${d.sent ? `<div class="fv-alert fv-ok" role="status">${esc(f.form.sent)}</div>` : ""}
<p><b>${esc(area)}</b></p><p>${esc(hub.intro)}</p>
${d.unitName ? `<details class="fv-tile" id="fv-activity"${d.state ? " open" : ""}><summary><b>${esc(hub.activity.title)}</b><span>${esc(hub.activity.hint)}</span></summary>${renderForm(f, d)}</details>` : ""}
${hub.tiles.map(tile).join("")}
<p><a class="fv-sub" href="/thu-thap/tren-may">${esc(hub.outbox)} →</a></p></main></div>`;
}
