import {
  FEEDBACK_STATUS_LABELS,
  TIP_CATEGORIES,
  TIP_CATEGORY_LABELS,
  TIP_STATUS_LABELS,
  type NewsItem,
  type PublicStatistics,
} from "@toandan/contracts";
import { dmy, esc, href, page } from "./html";
import { T, type Lang } from "./i18n";

type Unit = { id: string; name: string };

function newsCard(n: NewsItem, lang: Lang): string {
  const img = n.imageUrl
    ? `<img src="${esc(n.imageUrl)}" alt="${esc(n.imageAlt ?? "")}" width="96" height="64" loading="lazy" decoding="async">`
    : "";
  return `<article class="card${n.kind === "warning" ? " warn" : ""}">${img}
<h3><a href="${esc(href(`/tin-tuc/${n.slug}`, lang))}">${esc(n.title)}</a></h3>
<p class="meta">${esc(dmy(n.publishedOn))} · ${esc(n.authorUnit)}</p>${n.summary ? `<p>${esc(n.summary)}</p>` : ""}</article>`;
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
<p class="sos">${esc(s.emergency)}</p></div></section>
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
<p class="meta">${esc(s.published)} ${esc(dmy(n.publishedOn))} · ${esc(s.by)}: ${esc(n.authorUnit)}</p>${img}${paras}</article></div>`;
  return page({ lang, title: n.title, path: `/tin-tuc/${n.slug}`, body });
}

function options(units: Unit[], placeholder: string): string {
  return `<option value="">${esc(placeholder)}</option>${units
    .map((u) => `<option value="${esc(u.id)}">${esc(u.name)}</option>`)
    .join("")}`;
}

function receiptBox(lang: Lang, extra = ""): string {
  const s = T[lang];
  return `<section id="receipt" class="box" hidden aria-live="polite" aria-labelledby="r-title" tabindex="-1"><h2 id="r-title">${esc(s.receiptTitle)}</h2>
<p><strong>${esc(s.receiptKeep)}</strong></p>
<dl><dt>${esc(s.code)}</dt><dd class="codes" id="r-code"></dd><dt>${esc(s.secret)}</dt><dd class="codes" id="r-secret"></dd>
<dt>${esc(s.routedTo)}</dt><dd id="r-routed"></dd>${extra}</dl>
<button type="button" class="btn alt" id="r-copy">${esc(s.copy)}</button>
<label class="check"><input type="checkbox" id="r-saved"> ${esc(s.savedConfirm)}</label>
<button type="button" class="btn" id="r-done" disabled>${esc(s.done)}</button></section>`;
}

export function tipFormPage(lang: Lang, provinces: Unit[], script: string | null): string {
  const s = T[lang];
  const cats = TIP_CATEGORIES.map(
    (c) => `<option value="${c}">${esc(TIP_CATEGORY_LABELS[c][lang])}</option>`,
  ).join("");
  const body = `<div class="w"><h1>${esc(s.tipTitle)}</h1><p>${esc(s.tipIntro)}</p><p class="sos">${esc(s.emergency)}</p>
<noscript><p class="err">${esc(s.jsNeeded)}</p></noscript>
<form id="tip-form" novalidate>
<label for="category">${esc(s.category)} (${esc(s.required)})</label><select id="category" name="category" required>${cats}</select>
<label for="description">${esc(s.description)} (${esc(s.required)})</label><textarea id="description" name="description" required minlength="10" maxlength="5000"></textarea>
<label for="provinceId">${esc(s.province)} (${esc(s.required)})</label><select id="provinceId" name="provinceId" required data-communes="communeId">${options(provinces, s.choose)}</select>
<label for="communeId">${esc(s.commune)}</label><select id="communeId" name="communeId"><option value="">${esc(s.communeUnknown)}</option></select>
<label for="place">${esc(s.place)}</label><input id="place" name="place" maxlength="500">
<label for="occurredOn">${esc(s.occurredOn)}</label><input id="occurredOn" name="occurredOn" type="date">
<label for="occurredTime">${esc(s.occurredTime)}</label><input id="occurredTime" name="occurredTime" maxlength="100">
<label for="files">${esc(s.attachments)}</label><input id="files" name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf">
<label class="check"><input type="checkbox" id="contactOptIn" name="contactOptIn" data-reveal="contact-fields"> ${esc(s.contactOptIn)}</label>
<div id="contact-fields" hidden><label for="contactName">${esc(s.contactName)}</label><input id="contactName" name="contactName" autocomplete="name">
<label for="contactPhone">${esc(s.contactPhone)}</label><input id="contactPhone" name="contactPhone" type="tel" autocomplete="tel">
<label for="contactEmail">${esc(s.contactEmail)}</label><input id="contactEmail" name="contactEmail" type="email" autocomplete="email"></div>
<p id="form-error" class="err" role="alert"></p><button class="btn" type="submit">${esc(s.send)}</button></form>${receiptBox(lang)}</div>`;
  return page({
    lang,
    title: s.tipTitle,
    path: "/to-giac",
    body,
    script,
    data: { sending: s.sending, lang },
  });
}

export function feedbackFormPage(lang: Lang, provinces: Unit[], script: string | null): string {
  const s = T[lang];
  const kinds = (["phan_anh", "kien_nghi"] as const)
    .map((k) => `<option value="${k}">${esc(s.kinds[k])}</option>`)
    .join("");
  const topics = (["security_order", "movement", "officials", "other"] as const)
    .map((k) => `<option value="${k}">${esc(s.topics[k])}</option>`)
    .join("");
  const due = `<dt>${esc(s.dueOn)}</dt><dd id="r-due"></dd>`;
  const body = `<div class="w"><h1>${esc(s.feedbackTitle)}</h1><p>${esc(s.feedbackIntro)}</p>
<noscript><p class="err">${esc(s.jsNeeded)}</p></noscript>
<form id="feedback-form" novalidate>
<label for="kind">${esc(s.kind)}</label><select id="kind" name="kind">${kinds}</select>
<label for="topic">${esc(s.topic)}</label><select id="topic" name="topic">${topics}</select>
<label for="title">${esc(s.fbTitle)} (${esc(s.required)})</label><input id="title" name="title" required maxlength="200">
<label for="content">${esc(s.fbContent)} (${esc(s.required)})</label><textarea id="content" name="content" required maxlength="5000"></textarea>
<label for="fb-province">${esc(s.province)} (${esc(s.required)})</label><select id="fb-province" name="provinceId" required data-communes="fb-commune">${options(provinces, s.choose)}</select>
<label for="fb-commune">${esc(s.commune)}</label><select id="fb-commune" name="communeId"><option value="">${esc(s.communeUnknown)}</option></select>
<label class="check"><input type="checkbox" id="identityOptIn" name="identityOptIn" data-reveal="identity-fields"> ${esc(s.identityOptIn)}</label>
<div id="identity-fields" hidden><label for="identityName">${esc(s.identityName)}</label><input id="identityName" name="identityName" autocomplete="name">
<label for="identityPhone">${esc(s.contactPhone)}</label><input id="identityPhone" name="identityPhone" type="tel" autocomplete="tel">
<label for="identityAddress">${esc(s.identityAddress)}</label><input id="identityAddress" name="identityAddress" autocomplete="street-address"></div>
<p id="form-error" class="err" role="alert"></p><button class="btn" type="submit">${esc(s.sendFeedback)}</button></form>${receiptBox(lang, due)}</div>`;
  return page({
    lang,
    title: s.feedbackTitle,
    path: "/phan-anh",
    body,
    script,
    data: { sending: s.sending, lang },
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
<label for="code">${esc(s.code)}</label><input id="code" name="code" required autocapitalize="characters" spellcheck="false">
<label for="secret">${esc(s.secret)}</label><input id="secret" name="secret" type="password" required autocapitalize="characters" spellcheck="false">
<p id="form-error" class="err" role="alert"></p><button class="btn" type="submit">${esc(s.lookup)}</button></form>
<section id="result" hidden aria-live="polite" aria-labelledby="res-title" tabindex="-1"><h2 id="res-title"></h2>
<p>${esc(s.status)}: <strong id="res-status"></strong> · ${esc(s.receivedOn)}: <span id="res-received"></span></p>
<div id="res-answer" hidden><h3>${esc(s.answer)}</h3><p id="res-answer-text"></p></div>
<div id="res-messages" hidden><h3>${esc(s.messages)}</h3><div id="res-list"></div>
<form id="reply-form" novalidate><label for="reply">${esc(s.reply)}</label><textarea id="reply" name="reply" maxlength="3000" required></textarea>
<p id="reply-error" class="err" role="alert"></p><button class="btn" type="submit">${esc(s.sendReply)}</button></form></div></section></div>`;
  return page({
    lang,
    title: s.lookupTitle,
    path: "/tra-cuu",
    body,
    script,
    data: {
      lang,
      statusLabels,
      fromPolice: s.fromPolice,
      fromYou: s.fromYou,
      noMessages: s.noMessages,
      notAnswered: s.notAnswered,
      code: s.code,
    },
  });
}

type Movement = PublicStatistics["totals"]["movement"];

function movementCells(m: Movement, lang: Lang): string {
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  const n = (x: number) => x.toLocaleString(locale);
  const pct = (x: number | null) =>
    x === null ? "–" : `${(Math.round(x * 1000) / 10).toLocaleString(locale)}%`;
  return [
    n(m.activities),
    n(m.attendees),
    n(m.householdsSigned),
    pct(m.commitmentRate),
    n(m.groups),
    pct(m.areaCertificationRate),
  ]
    .map((v) => `<td class="n">${esc(v)}</td>`)
    .join("");
}

export function statsPage(lang: Lang, st: PublicStatistics): string {
  const s = T[lang];
  const movementHead = [
    s.statsActivities,
    s.statsAttendees,
    s.statsHouseholdsSigned,
    s.statsCommitmentRate,
    s.statsGroups,
    s.statsAreaRate,
  ]
    .map((h) => `<th scope="col" class="n">${esc(h)}</th>`)
    .join("");
  const movementRows = st.provinces
    .map((p) => `<tr><th scope="row">${esc(p.name)}</th>${movementCells(p.movement, lang)}</tr>`)
    .join("");
  const movement = `<h2>${esc(`${s.statsMovementTitle} ${st.year}`)}</h2><p>${esc(s.statsMovementIntro)}</p>
<div class="scroll" tabindex="0" role="region" aria-label="${esc(`${s.statsMovementTitle} ${st.year}`)}"><table><caption class="hint">${esc(`${s.statsMovementTitle} ${st.year}`)}</caption><thead><tr><th scope="col">${esc(s.statsProvince)}</th>${movementHead}</tr></thead>
<tbody>${movementRows}</tbody><tfoot><tr><th scope="row">${esc(s.total)}</th>${movementCells(st.totals.movement, lang)}</tr></tfoot></table></div>`;
  const secondary = st.provinces.some((p) =>
    [p.tips, p.feedback, p.feedbackAnswered].some((c) => c.display === "*"),
  );
  const rows = st.provinces
    .map(
      (p) =>
        `<tr><th scope="row">${esc(p.name)}</th><td class="n">${esc(p.tips.display)}</td><td class="n">${esc(p.feedback.display)}</td><td class="n">${esc(p.feedbackAnswered.display)}</td></tr>`,
    )
    .join("");
  const body = `<div class="w"><h1>${esc(s.statsTitle)}</h1>${movement}<h2>${esc(s.statsCitizenTitle)}</h2><p>${esc(s.statsIntro)}</p>
<table><caption class="hint">${esc(s.statsTitle)}</caption><thead><tr><th scope="col">${esc(s.statsProvince)}</th><th scope="col" class="n">${esc(s.statsTips)}</th><th scope="col" class="n">${esc(s.statsFeedback)}</th><th scope="col" class="n">${esc(s.statsAnswered)}</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th scope="row">${esc(s.total)}</th><td class="n">${esc(st.totals.tips.display)}</td><td class="n">${esc(st.totals.feedback.display)}</td><td class="n">${esc(st.totals.feedbackAnswered.display)}</td></tr></tfoot></table>${secondary ? `<p class="hint">${esc(s.statsSecondary)}</p>` : ""}</div>`;
  return page({ lang, title: s.statsTitle, path: "/thong-ke", body });
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
