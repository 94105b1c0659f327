import type { PublicStatistics } from "@toandan/contracts";
import { BOUNDARY_ATTRIBUTION, loadProvinceBoundaries, renderChoroplethSvg } from "../../maps";
import { esc } from "./html";
import { T, type Lang } from "./i18n";

/**
 * The year's sessions and activities on the map of the 34 provinces, drawn on the server as an
 * inline SVG: no script, each province named with its figure (<title>, shown on hover), the legend
 * and the boundaries' attribution under it. Boundaries thinned to ~4 % of their points and whole
 * pixels: about 20 KB of the compressed page.
 */
export function statsMap(lang: Lang, st: PublicStatistics): string {
  const s = T[lang];
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  const values = new Map<string, number | null>(
    st.provinces.flatMap((p) => (p.code ? [[p.code, p.movement.activities] as const] : [])),
  );
  const title = `${s.statsMapTitle} ${st.year}`;
  const map = renderChoroplethSvg({
    topology: loadProvinceBoundaries(),
    values,
    unit: "count",
    lang,
    title,
    description: s.statsMapDesc,
    width: 600,
    keep: 0.04,
    digits: 0,
    idPrefix: "pmap",
    areaLabel: (name, v) =>
      `${name}: ${v ? `${v.toLocaleString(locale)} ${s.statsMapUnit}` : s.statsMapNone}`,
  });
  const legend = map.classes
    .map(
      (c) =>
        `<li><span class="sw" style="background:${c.fill}" aria-hidden="true"></span>${esc(c.label)}</li>`,
    )
    .join("");
  return `<h3 id="map-h">${esc(title)}</h3><figure class="map" aria-labelledby="map-h">${map.svg}
<figcaption><p class="hint" id="map-l">${esc(s.statsMapLegend)}</p><ul class="legend" aria-labelledby="map-l">${legend}</ul>
<p class="attr">${esc(BOUNDARY_ATTRIBUTION)}</p></figcaption></figure>`;
}
