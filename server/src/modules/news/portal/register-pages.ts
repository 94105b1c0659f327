import { formatVnDate } from "@toandan/contracts";
import type { Certificate, Exemplar } from "@toandan/contracts";
import { esc, href, page } from "./html";
import { T, type Lang } from "./i18n";

/** /nguoi-tot-viec-tot: the consented, published commendations, a page at a time (no script). */
export function exemplarsPage(lang: Lang, items: Exemplar[], nextPage: number | null): string {
  const s = T[lang];
  const cards = items
    .map(
      (e) => `<li class="card"><h2>${esc(e.name)}</h2>
<p class="meta">${esc(s.exKinds[e.nomineeKind])} · ${esc(e.unitName)} · ${esc(e.year)}</p><p>${esc(e.deed)}</p></li>`,
    )
    .join("");
  const more = nextPage
    ? `<p><a class="btn alt" href="${esc(href(`/nguoi-tot-viec-tot?trang=${nextPage}`, lang))}">${esc(s.more)}</a></p>`
    : "";
  const body = `<div class="w"><h1>${esc(s.nav.exemplars)}</h1><p>${esc(s.exIntro)}</p>
${items.length ? `<ul class="cards">${cards}</ul>${more}` : `<p>${esc(s.exNone)}</p>`}</div>`;
  return page({ lang, title: s.nav.exemplars, path: "/nguoi-tot-viec-tot", body });
}

function verifyForm(lang: Lang, label: string): string {
  const s = T[lang];
  const langField = lang === "en" ? '<input type="hidden" name="lang" value="en">' : "";
  return `<form method="get" action="/verify" class="no-print"><label for="code">${esc(label)}</label>
<input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="XXXX-XXXX-XXXX-XXXX" maxlength="40">${langField}
<p><button class="btn" type="submit">${esc(s.lookup)}</button></p></form>`;
}

/** /verify/<code>: a valid certificate names its unit with its ward and province. */
export function certificatePage(lang: Lang, c: Certificate & { place: string }, path: string): string {
  const s = T[lang];
  const body = `<div class="w"><h1>${esc(s.verifyValid)}</h1><section class="card ok" aria-labelledby="v-r">
<p id="v-r"><strong>${esc(c.place)}</strong> ${esc(s.verifyValidText)} ${esc(c.year)}.</p>
<dl><dt>${esc(s.verifyCode)}</dt><dd><code>${esc(c.code)}</code></dd>
<dt>${esc(s.verifyUnitType)}</dt><dd>${esc(s.unitTypes[c.unitType])}</dd>
<dt>${esc(s.verifyDecision)}</dt><dd>${esc(s.verifyDecisionText(c.decisionNumber, formatVnDate(c.decisionDate)))}</dd>
<dt>${esc(s.verifyAuthority)}</dt><dd>${esc(c.recognisingAuthority)}</dd></dl></section>
${verifyForm(lang, s.verifyOther)}</div>`;
  return page({ lang, title: `${s.verifyValid} ${c.code}`, path, body });
}

export function certificateNotFoundPage(lang: Lang, path: string): string {
  const s = T[lang];
  const body = `<div class="w"><h1>${esc(s.verifyNotFound)}</h1><section class="card bad"><p>${esc(s.verifyNotFoundText)}</p></section>
${verifyForm(lang, s.verifyOther)}</div>`;
  return page({ lang, title: s.verifyNotFound, path, body });
}

export function verifyPage(lang: Lang): string {
  const s = T[lang];
  const body = `<div class="w"><h1>${esc(s.verifyTitle)}</h1><p>${esc(s.verifyIntro)}</p>${verifyForm(lang, s.verifyCode)}</div>`;
  return page({ lang, title: s.verifyTitle, path: "/verify", body });
}
