import {
  FEEDBACK_STATUS_LABELS,
  TIP_CATEGORIES,
  TIP_CATEGORY_LABELS,
  TIP_STATUS_LABELS,
  type NewsItem,
  formatVnDate,
} from "@toandan/contracts";
import { emergency, esc, href, page } from "./html";
import { consentBox, type ShownConsent } from "./consent-box";
import { T, type Lang } from "./i18n";

type Unit = { id: string; name: string };

function newsCard(n: NewsItem, lang: Lang): string {
  const img = n.imageUrl
    ? `<img src="${esc(n.imageUrl)}" alt="${esc(n.imageAlt ?? "")}" width="96" height="64" loading="lazy" decoding="async">`
    : "";
  return `<article class="card${n.kind === "warning" ? " warn" : ""}">${img}
<h3><a href="${esc(href(`/tin-tuc/${n.slug}`, lang))}">${esc(n.title)}</a></h3>
<p class="meta">${esc(formatVnDate(n.publishedOn))} · ${esc(n.authorUnit)}</p>${n.summary ? `<p>${esc(n.summary)}</p>` : ""}</article>`;
}

export function homePage(lang: Lang, warnings: NewsItem[], news: NewsItem[], script: string | null): string {
  const s = T[lang];
  const list = (items: NewsItem[]) =>
    items.length
      ? `<div class="cards">${items.map((n) => newsCard(n, lang)).join("")}</div>`
      : `<p>${esc(s.noNews)}</p>`;
  const body = `<section class="hero"><div class="w"><h1>${esc(s.heroTitle)}</h1><p>${esc(s.heroLead)}</p>
<div class="cta"><a class="btn" href="${esc(href("/to-giac", lang))}">${esc(s.tipCta)}</a>
<a class="btn alt" href="${esc(href("/phan-anh", lang))}">${esc(s.feedbackCta)}</a>
<a class="btn alt" href="${esc(href("/tra-cuu", lang))}">${esc(s.lookupCta)}</a></div>
<p class="sos">${emergency(lang)}</p></div></section>
<div class="w"><section aria-labelledby="warn-h"><h2 id="warn-h">${esc(s.warnings)}</h2>${list(warnings)}</section>
<section aria-labelledby="news-h"><h2 id="news-h">${esc(s.news)}</h2>${list(news)}</section></div>`;
  return page({ lang, title: s.nav.home, path: "/", body, script });
}

export function newsPage(lang: Lang, n: NewsItem): string {
  const s = T[lang];
  const img = n.imageUrl
    ? `<p><img src="${esc(n.imageUrl)}" alt="${esc(n.imageAlt ?? "")}" style="max-width:100%;height:auto" loading="lazy"></p>`
    : "";
  const paras = n.body
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join("");
  const body = `<div class="w"><article><h1>${esc(n.title)}</h1>
<p class="meta">${esc(s.published)} ${esc(formatVnDate(n.publishedOn))} · ${esc(s.by)}: ${esc(n.authorUnit)}</p>${img}${paras}</article></div>`;
  return page({ lang, title: n.title, path: `/tin-tuc/${n.slug}`, body });
}

function options(units: Unit[], placeholder: string): string {
  return `<option value="">${esc(placeholder)}</option>${units
    .map((u) => `<option value="${esc(u.id)}">${esc(u.name)}</option>`)
    .join("")}`;
}

/** A required field's message when left empty (the portal script shows it under the field). */
const need = (msg: string) => ` required data-msg="${esc(msg)}"`;

/** The receipt: both codes in groups that never break inside, copy, save/print, then "done". */
function receiptBox(lang: Lang, title: string, extra = ""): string {
  const s = T[lang];
  return `<section id="receipt" class="box" hidden aria-live="polite" aria-labelledby="r-title" tabindex="-1"><h2 id="r-title">${esc(title)}</h2>
<p><strong>${esc(s.receiptKeep)}</strong></p>
<dl><dt>${esc(s.code)}</dt><dd class="codes" id="r-code"></dd><dt>${esc(s.secret)}</dt><dd class="codes" id="r-secret"></dd>
<dt>${esc(s.receiptPrintedOn)}</dt><dd id="r-received"></dd><dt>${esc(s.routedTo)}</dt><dd id="r-routed"></dd>${extra}</dl>
<div class="cta no-print"><button type="button" class="btn alt" id="r-copy">${esc(s.copy)}</button>
<button type="button" class="btn alt" id="r-print">${esc(s.print)}</button></div><p id="r-copied" class="hint no-print" role="status"></p>
<div class="no-print"><label class="check"><input type="checkbox" id="r-saved"> ${esc(s.savedConfirm)}</label>
<button type="button" class="btn" id="r-done" disabled>${esc(s.done)}</button></div></section>`;
}

export function tipFormPage(
  lang: Lang,
  provinces: Unit[],
  script: string | null,
  consent: ShownConsent | null = null,
): string {
  const s = T[lang];
  const cats = `<option value="">${esc(s.choose)}</option>${TIP_CATEGORIES.map(
    (c) => `<option value="${c}">${esc(TIP_CATEGORY_LABELS[c][lang])}</option>`,
  ).join("")}`;
  const body = `<div class="w"><h1>${esc(s.tipTitle)}</h1><p>${esc(s.tipIntro)}</p><p class="sos">${emergency(lang)}</p>
<noscript><p class="err">${esc(s.jsNeeded)}</p></noscript>
<form id="tip-form" novalidate>
<label for="category">${esc(s.category)} (${esc(s.required)})</label><select id="category" name="category"${need(s.msg.category)}>${cats}</select>
<label for="description">${esc(s.description)} (${esc(s.required)})</label><textarea id="description" name="description"${need(s.msg.description)} minlength="10" maxlength="5000"></textarea>
<label for="provinceId">${esc(s.province)} (${esc(s.required)})</label><select id="provinceId" name="provinceId"${need(s.msg.province)} data-communes="communeId">${options(provinces, s.choose)}</select>
<label for="communeId">${esc(s.commune)}</label><select id="communeId" name="communeId"><option value="">${esc(s.communeUnknown)}</option></select>
<label for="place">${esc(s.place)}</label><input id="place" name="place" maxlength="500">
<label for="occurredOn">${esc(s.occurredOn)}</label><input id="occurredOn" name="occurredOn" type="text" inputmode="numeric" autocomplete="off" placeholder="dd/mm/yyyy" maxlength="10" data-date data-msg="${esc(s.msg.date)}" aria-describedby="occurredOn-hint"><p class="hint" id="occurredOn-hint">${esc(s.dateHint)}</p>
<label for="occurredTime">${esc(s.occurredTime)}</label><input id="occurredTime" name="occurredTime" maxlength="100">
<label for="files">${esc(s.attachments)}</label><input id="files" name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf">
${consentBox(lang, consent, { name: "contactOptIn", reveal: "contact-fields", fallback: s.contactOptIn })}
<div id="contact-fields" hidden><label for="contactName">${esc(s.contactName)}</label><input id="contactName" name="contactName" autocomplete="name">
<label for="contactPhone">${esc(s.contactPhone)}</label><input id="contactPhone" name="contactPhone" type="tel" autocomplete="tel">
<label for="contactEmail">${esc(s.contactEmail)}</label><input id="contactEmail" name="contactEmail" type="email" autocomplete="email"></div>
<p id="form-error" class="err" role="alert"></p><button class="btn" type="submit">${esc(s.send)}</button></form>${receiptBox(lang, s.receiptTitle)}</div>`;
  return page({
    lang,
    title: s.tipTitle,
    path: "/to-giac",
    body,
    script,
    data: {
      sending: s.sending,
      networkError: s.networkError,
      serverError: s.serverError,
      lang,
      codeLabel: s.code,
      secretLabel: s.secret,
      copied: s.copied,
      copyFailed: s.copyFailed,
    },
  });
}

export function feedbackFormPage(
  lang: Lang,
  provinces: Unit[],
  script: string | null,
  consent: ShownConsent | null = null,
): string {
  const s = T[lang];
  const choose = `<option value="">${esc(s.choose)}</option>`;
  const kinds = `${choose}${(["phan_anh", "kien_nghi", "to_cao"] as const)
    .map((k) => `<option value="${k}">${esc(s.kinds[k])}</option>`)
    .join("")}`;
  const topics = `${choose}${(["security_order", "movement", "officials", "other"] as const)
    .map((k) => `<option value="${k}">${esc(s.topics[k])}</option>`)
    .join("")}`;
  const due = `<dt>${esc(s.dueOn)}</dt><dd id="r-due"></dd>`;
  const body = `<div class="w"><h1>${esc(s.feedbackTitle)}</h1><p>${esc(s.feedbackIntro)}</p>
<noscript><p class="err">${esc(s.jsNeeded)}</p></noscript>
<form id="feedback-form" novalidate>
<label for="kind">${esc(s.kind)} (${esc(s.required)})</label><select id="kind" name="kind"${need(s.msg.kind)}>${kinds}</select>
<label for="topic">${esc(s.topic)} (${esc(s.required)})</label><select id="topic" name="topic"${need(s.msg.topic)}>${topics}</select>
<label for="title">${esc(s.fbTitle)} (${esc(s.required)})</label><input id="title" name="title"${need(s.msg.title)} maxlength="200">
<label for="content">${esc(s.fbContent)} (${esc(s.required)})</label><textarea id="content" name="content"${need(s.msg.content)} minlength="10" maxlength="5000"></textarea>
<label for="fb-province">${esc(s.province)} (${esc(s.required)})</label><select id="fb-province" name="provinceId"${need(s.msg.province)} data-communes="fb-commune">${options(provinces, s.choose)}</select>
<label for="fb-commune">${esc(s.commune)}</label><select id="fb-commune" name="communeId"><option value="">${esc(s.communeUnknown)}</option></select>
${consentBox(lang, consent, { name: "identityOptIn", reveal: "identity-fields", fallback: s.identityOptIn })}
<div id="identity-fields" hidden><label for="identityName">${esc(s.identityName)}</label><input id="identityName" name="identityName"${need(s.msg.name)} autocomplete="name">
<label for="identityPhone">${esc(s.contactPhone)}</label><input id="identityPhone" name="identityPhone" type="tel" autocomplete="tel">
<label for="identityAddress">${esc(s.identityAddress)}</label><input id="identityAddress" name="identityAddress" autocomplete="street-address"></div>
<p id="form-error" class="err" role="alert"></p><button class="btn" type="submit">${esc(s.sendFeedback)}</button></form>${receiptBox(lang, s.receiptTitleFeedback, due)}</div>`;
  return page({
    lang,
    title: s.feedbackTitle,
    path: "/phan-anh",
    body,
    script,
    data: {
      sending: s.sending,
      networkError: s.networkError,
      serverError: s.serverError,
      lang,
      codeLabel: s.code,
      secretLabel: s.secret,
      copied: s.copied,
      copyFailed: s.copyFailed,
    },
  });
}

export function lookupPage(lang: Lang, script: string | null): string {
  const s = T[lang];
  const statusLabels: Record<string, string> = Object.fromEntries([
    ...Object.entries(TIP_STATUS_LABELS).map(([k, v]): [string, string] => [`T:${k}`, v[lang]]),
    ...Object.entries(FEEDBACK_STATUS_LABELS).map(([k, v]): [string, string] => [`P:${k}`, v[lang]]),
  ]);
  const body = `<div class="w"><h1>${esc(s.lookupTitle)}</h1><p>${esc(s.lookupIntro)}</p>
<noscript><p class="err">${esc(s.jsNeeded)}</p></noscript>
<form id="lookup-form" novalidate autocomplete="off">
<label for="code">${esc(s.code)}</label><input id="code" name="code"${need(s.msg.code)} autocapitalize="characters" spellcheck="false">
<label for="secret">${esc(s.secret)}</label><input id="secret" name="secret" type="password"${need(s.msg.secret)} autocapitalize="characters" spellcheck="false">
<p id="form-error" class="err" role="alert"></p><button class="btn" type="submit">${esc(s.lookup)}</button></form>
<section id="result" hidden aria-live="polite" aria-labelledby="res-title" tabindex="-1"><h2 id="res-title"></h2>
<p>${esc(s.status)}: <strong id="res-status"></strong> · ${esc(s.receivedOn)}: <span id="res-received"></span></p>
<p id="res-clocks" hidden>${esc(s.acceptance)}: <strong id="res-acceptance"></strong> · ${esc(s.acceptanceDueOn)}: <span id="res-acc-due"></span> · ${esc(s.dueOn)}: <span id="res-due"></span></p>
<div id="res-answer" hidden><h3>${esc(s.answer)}</h3><p id="res-answer-text"></p></div>
<div id="res-messages" hidden><h3>${esc(s.messages)}</h3><div id="res-list"></div>
<form id="reply-form" novalidate><label for="reply">${esc(s.reply)}</label><textarea id="reply" name="reply" maxlength="3000" required></textarea>
<p id="reply-error" class="err" role="alert"></p><button class="btn" type="submit">${esc(s.sendReply)}</button></form></div>
<div id="res-consent" hidden tabindex="-1"><h3>${esc(s.consentTitle)}</h3><p id="res-consent-state"></p>
<p id="res-consent-consequence"><strong>${esc(s.consentConsequence)}</strong> <span id="res-consent-text" lang="vi"></span></p>
<p id="consent-error" class="err" role="alert"></p><button class="btn alt" type="button" id="consent-withdraw">${esc(s.consentWithdraw)}</button></div></section></div>`;
  return page({
    lang,
    title: s.lookupTitle,
    path: "/tra-cuu",
    body,
    script,
    data: {
      lang,
      networkError: s.networkError,
      serverError: s.serverError,
      statusLabels,
      fromPolice: s.fromPolice,
      fromYou: s.fromYou,
      noMessages: s.noMessages,
      notAnswered: s.notAnswered,
      code: s.code,
      consentGiven: s.consentGiven,
      consentWithdrawn: s.consentWithdrawn,
      consentConfirm: s.consentConfirm,
    },
  });
}

export function notFoundPage(lang: Lang): string {
  const s = T[lang];
  return page({
    lang,
    title: s.notFound,
    path: "",
    body: `<div class="w"><h1>${esc(s.notFound)}</h1></div>`,
  });
}
