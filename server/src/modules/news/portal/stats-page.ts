import type { PublicStatistics } from "@toandan/contracts";
import { esc, page } from "./html";
import { T, type Lang } from "./i18n";
import { statsMap } from "./stats-map";

type Movement = PublicStatistics["totals"]["movement"];
type Province = PublicStatistics["provinces"][number];

const localeOf = (lang: Lang) => (lang === "vi" ? "vi-VN" : "en-GB");

/** A count as read: "1.157"; a zero reads "–" (nothing recorded). */
function count(x: number, lang: Lang): string {
  return x === 0 ? "–" : x.toLocaleString(localeOf(lang));
}

function rate(x: number | null, lang: Lang): string {
  return x === null ? "–" : `${(Math.round(x * 1000) / 10).toLocaleString(localeOf(lang))}%`;
}

function movementValues(m: Movement, lang: Lang): string[] {
  return [
    count(m.activities, lang),
    count(m.attendees, lang),
    count(m.householdsSigned, lang),
    rate(m.commitmentRate, lang),
    count(m.groups, lang),
    rate(m.areaCertificationRate, lang),
  ];
}

const hasMovement = (m: Movement) =>
  m.activities + m.attendees + m.householdsSigned + m.groups > 0 ||
  m.commitmentRate !== null ||
  m.areaCertificationRate !== null;

/**
 * The year's sessions and activities by province as a bar chart drawn with CSS (no script): the
 * provinces that recorded any, largest first; the others counted in one line.
 */
function chart(lang: Lang, st: PublicStatistics): string {
  const s = T[lang];
  const rows = st.provinces.filter((p) => p.movement.activities > 0);
  rows.sort((a, b) => b.movement.activities - a.movement.activities || a.name.localeCompare(b.name, "vi"));
  const max = Math.max(1, ...rows.map((p) => p.movement.activities));
  const others = st.provinces.length - rows.length;
  const bars = rows
    .map((p) => {
      const pct = Math.max(1, Math.round((p.movement.activities / max) * 100));
      return `<li><span>${esc(p.name)}</span><span class="bar" style="width:${pct}%" aria-hidden="true"></span><span class="v">${esc(count(p.movement.activities, lang))}</span></li>`;
    })
    .join("");
  return `<h3 id="chart-h">${esc(`${s.statsChartTitle} ${st.year}`)}</h3>${
    rows.length
      ? `<ol class="bars" aria-labelledby="chart-h">${bars}</ol>`
      : `<p>${esc(s.statsChartNone)}</p>`
  }${rows.length && others > 0 ? `<p class="hint">${esc(`${others} ${s.statsNoData}`)}</p>` : ""}`;
}

function tiles(lang: Lang, m: Movement): string {
  const s = T[lang];
  const labels = [
    s.statsActivities,
    s.statsAttendees,
    s.statsHouseholdsSigned,
    s.statsCommitmentRate,
    s.statsGroups,
    s.statsAreaRate,
  ];
  const values = movementValues(m, lang);
  return `<dl class="tiles">${labels
    .map((l, i) => `<div><dt>${esc(l)}</dt><dd>${esc(values[i])}</dd></div>`)
    .join("")}</dl>`;
}

/** The full table on demand: only the provinces with figures; zeros read "–". */
function movementTable(lang: Lang, st: PublicStatistics): string {
  const s = T[lang];
  const withData = st.provinces.filter((p) => hasMovement(p.movement));
  const head = [
    s.statsActivities,
    s.statsAttendees,
    s.statsHouseholdsSigned,
    s.statsCommitmentRate,
    s.statsGroups,
    s.statsAreaRate,
  ]
    .map((h) => `<th scope="col" class="n">${esc(h)}</th>`)
    .join("");
  const cells = (m: Movement) =>
    movementValues(m, lang)
      .map((v) => `<td class="n">${esc(v)}</td>`)
      .join("");
  const rows = withData
    .map((p) => `<tr><th scope="row">${esc(p.name)}</th>${cells(p.movement)}</tr>`)
    .join("");
  const caption = `${s.statsMovementTitle} ${st.year}`;
  const others = st.provinces.length - withData.length;
  return `<details><summary>${esc(s.statsFullTable)}</summary>
<div class="scroll" tabindex="0" role="region" aria-label="${esc(s.statsTableLabel)}"><table><caption class="hint">${esc(caption)}</caption>
<thead><tr><th scope="col">${esc(s.statsProvince)}</th>${head}</tr></thead><tbody>${rows}</tbody>
<tfoot><tr><th scope="row">${esc(s.total)}</th>${cells(st.totals.movement)}</tr></tfoot></table></div>
<p class="hint">${esc(s.statsDash)}${others > 0 ? ` ${esc(`${others} ${s.statsNoData}`)}` : ""}</p></details>`;
}

/** Tips and feedback by province: the provinces that received any, small counts shown as "<5". */
function citizenTable(lang: Lang, st: PublicStatistics): string {
  const s = T[lang];
  const shown = (p: Pick<Province, "tips" | "feedback" | "feedbackAnswered">) =>
    [p.tips, p.feedback, p.feedbackAnswered].map((c) =>
      c.suppressed || (c.value ?? 0) > 0 ? c.display : "–",
    );
  const any = (p: Province) => [p.tips, p.feedback, p.feedbackAnswered].some((c) => c.value !== 0);
  const rows = st.provinces
    .filter(any)
    .map(
      (p) =>
        `<tr><th scope="row">${esc(p.name)}</th>${shown(p)
          .map((v) => `<td class="n">${esc(v)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  const secondary = st.provinces.some((p) =>
    [p.tips, p.feedback, p.feedbackAnswered].some((c) => c.display === "*"),
  );
  const totals = shown(st.totals)
    .map((v) => `<td class="n">${esc(v)}</td>`)
    .join("");
  return `<div class="scroll" tabindex="0" role="region" aria-label="${esc(s.statsCitizenTitle)}"><table><caption class="hint">${esc(s.statsCitizenTitle)}</caption><thead><tr><th scope="col">${esc(s.statsProvince)}</th><th scope="col" class="n">${esc(s.statsTips)}</th><th scope="col" class="n">${esc(s.statsFeedback)}</th><th scope="col" class="n">${esc(s.statsAnswered)}</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th scope="row">${esc(s.total)}</th>${totals}</tr></tfoot></table></div>${secondary ? `<p class="hint">${esc(s.statsSecondary)}</p>` : ""}`;
}

/** /thong-ke: the year's figures first (tiles, a bar chart), the full tables on demand. */
export function statsPage(lang: Lang, st: PublicStatistics): string {
  const s = T[lang];
  const body = `<div class="w"><h1>${esc(s.statsTitle)}</h1>
<section aria-labelledby="mv-h"><h2 id="mv-h">${esc(`${s.statsMovementTitle} ${st.year}`)}</h2><p>${esc(s.statsMovementIntro)}</p>
${tiles(lang, st.totals.movement)}${statsMap(lang, st)}${chart(lang, st)}${movementTable(lang, st)}</section>
<section aria-labelledby="cz-h"><h2 id="cz-h">${esc(s.statsCitizenTitle)}</h2><p>${esc(s.statsIntro)}</p>${citizenTable(lang, st)}</section></div>`;
  return page({ lang, title: s.statsTitle, path: "/thong-ke", body });
}
