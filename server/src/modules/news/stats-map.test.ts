import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createResidentialArea } from "../../test/factories";
import { createTestContext, type TestContext } from "../../test/harness";
import { places } from "../citizen/test-support";
import { BOUNDARY_ATTRIBUTION } from "../maps";

let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await places(ctx.app);
}, 300_000);
afterAll(() => ctx?.close());

const PORTAL_JS_BUDGET = 100 * 1024;
// ColorBrewer YlGnBu's darkest and lightest classes.
const DARKEST = "#253494";
const LIGHTEST = "#ffffcc";

/** Each province path's code, fill and label. */
const provincePaths = (svg: string) =>
  [
    ...svg.matchAll(/<path d="[^"]+" fill="([^"]+)" data-code="(\d{2})" role="img" aria-label="([^"]+)">/g),
  ].map((m) => ({ fill: m[1]!, code: m[2]!, label: m[3]! }));

describe("the public statistics map", () => {
  it("/thong-ke draws the 34 provinces shaded by the year's activities, named with their figures, with the attribution", async () => {
    const year = todayInVietnam().slice(0, 4);
    const area = await createResidentialArea(ctx.app.db, p.baclieu.id, "Khóm Bản đồ");
    const [u] = await queryRows<{ path: string }>(
      ctx.app.db,
      sql`select path from org_units where id = ${area}`,
    );
    await ctx.app.db.execute(sql`insert into activities (org_unit_id, province_id, rollup_path, kind, date,
        topics, organizer_kinds, attendees) values
      (${area}, ${p.province.id}, ${u!.path}, 'meeting', ${`${year}-01-15`}::date, '{drugs}', '{front}', 40),
      (${area}, ${p.province.id}, ${u!.path}, 'meeting', ${`${year}-01-16`}::date, '{law}', '{police}', 30)`);

    const res = await ctx.app.inject({ method: "GET", url: "/thong-ke" });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    expect(svg).toContain(
      `<title id="pmap-t">Bản đồ buổi tuyên truyền, hoạt động theo tỉnh, thành phố năm ${year}</title>`,
    );
    expect(svg).toContain('<desc id="pmap-d">34 tỉnh, thành phố tô màu');
    const paths = provincePaths(svg);
    expect(paths).toHaveLength(34);
    const camau = paths.find((x) => x.code === "96")!;
    expect(camau).toMatchObject({ fill: DARKEST, label: "Tỉnh Cà Mau: 2 buổi, hoạt động" });
    const hanoi = paths.find((x) => x.code === "01")!;
    expect(hanoi).toMatchObject({ fill: LIGHTEST, label: "Thành phố Hà Nội: chưa ghi nhận" });
    expect(svg).toContain("<title>Tỉnh Cà Mau: 2 buổi, hoạt động</title>");
    // Legend and attribution under the map; the full table still waits in <details>.
    const figure = html.slice(html.indexOf('<figure class="map"'), html.indexOf("</figure>"));
    expect(figure).toContain('<ul class="legend"');
    expect(figure).toContain(`<p class="attr">${BOUNDARY_ATTRIBUTION}</p>`);
    expect(html.indexOf("<details>")).toBeGreaterThan(html.indexOf("</figure>"));

    const en = (await ctx.app.inject({ method: "GET", url: "/thong-ke?lang=en" })).body;
    expect(en).toContain('aria-label="Tỉnh Cà Mau: 2 sessions and activities"');
  });

  it("/thong-ke stays light: no script beyond the portal budget, the map a small part of the compressed page", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/thong-ke",
      headers: { "accept-encoding": "gzip" },
    });
    expect(res.headers["content-encoding"]).toBe("gzip");
    const html = (await ctx.app.inject({ method: "GET", url: "/thong-ke" })).body;
    // Every script the page would run, compressed: inline ones and those it loads from the web build.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/type="application\/json"/.test(m[1]!),
    );
    const bytes = scripts.reduce((sum, m) => {
      const src = /src="([^"]+)"/.exec(m[1]!)?.[1];
      const code = src ? fs.readFileSync(path.join(ctx.app.config.webDist, src)) : Buffer.from(m[2]!);
      return sum + gzipSync(code).length;
    }, 0);
    expect(bytes).toBeLessThanOrEqual(PORTAL_JS_BUDGET);
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    expect(gzipSync(svg).length).toBeLessThan(30 * 1024);
    expect(res.rawPayload.length).toBeLessThan(60 * 1024);
  });
});
