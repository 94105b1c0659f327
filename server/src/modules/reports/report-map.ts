// The map a report can carry: its unit's children (the provinces of the country, a province's
// communes) shaded by one indicator over the report's period up to its cut-off, drawn on the
// server as a PNG for the DOCX and PDF.
import { indicatorOf, type IndicatorCode, type Report, formatVnDate } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { queryIndicators } from "../indicators";
import {
  loadCommuneBoundaries,
  loadProvinceBoundaries,
  mapIndicators,
  renderChoroplethSvg,
  svgToPng,
} from "../maps";

export type ReportMap = {
  png: Buffer;
  /** The drawing's size in its own units (the PNG keeps the ratio). */
  width: number;
  height: number;
  title: string;
};

/** PNG width in pixels: sharp at 16 cm of A4 text (about 220 dpi). */
const PNG_WIDTH = 1400;

/** Which map a unit's report can carry: none below a province or for a pre-reform unit. */
export const mapLevelOf = (unit: { kind: string; validTo: string | null }) =>
  unit.validTo !== null
    ? null
    : unit.kind === "country"
      ? "provinces"
      : unit.kind === "province"
        ? "communes"
        : null;

/**
 * The map indicator a caller may choose for a report: a registry code (the contract checks that),
 * tip figures for police roles only (as on the dashboard's maps), and a unit whose children have
 * official boundaries (`level`, from mapLevelOf).
 */
export function assertMapIndicator(
  actor: Actor,
  level: string | null,
  code: IndicatorCode | null | undefined,
): void {
  if (!code) return;
  const refuse = (message: string) => validationFailed([{ path: "mapIndicator", message }]);
  if (!mapIndicators(actor).includes(code)) {
    throw refuse("Chỉ lực lượng Công an được chọn bản đồ tin báo, tố giác");
  }
  if (!level) {
    throw refuse(
      "Báo cáo của đơn vị này không có bản đồ: chỉ báo cáo toàn quốc và cấp tỉnh có bản đồ các đơn vị trực thuộc",
    );
  }
}

/** The report's map as a PNG, or null when it has none (no indicator chosen, no boundaries). */
export async function reportMap(db: Db, actor: Actor, r: Report): Promise<ReportMap | null> {
  if (!r.mapIndicator || !r.mapLevel) return null;
  const [unit] = await queryRows<{ code: string | null }>(
    db,
    sql`select code from org_units where id = ${r.orgUnitId}`,
  );
  const topology =
    r.mapLevel === "provinces" ? loadProvinceBoundaries() : loadCommuneBoundaries(unit?.code ?? "");
  if (!topology) return null;
  const code = r.mapIndicator;
  const [result, children] = await Promise.all([
    queryIndicators(db, actor, {
      indicators: [code],
      orgUnitId: r.orgUnitId,
      from: r.periodFrom,
      to: r.cutOff,
      groupBy: "child",
    }),
    queryRows<{ id: string; code: string | null }>(
      db,
      sql`select id, code from org_units where parent_id = ${r.orgUnitId}`,
    ),
  ]);
  const codeOf = new Map(children.map((c) => [c.id, c.code]));
  const values = new Map<string, number | null>();
  for (const g of result.groups ?? []) {
    const childCode = codeOf.get(g.key);
    if (childCode) values.set(childCode, g.values[code] ?? null);
  }
  const indicator = indicatorOf(code);
  const children_ = r.mapLevel === "provinces" ? "tỉnh, thành phố" : "xã, phường, đặc khu";
  const title = `${indicator.vi} theo ${children_} (${formatVnDate(r.periodFrom)} – ${formatVnDate(r.cutOff)})`;
  const map = renderChoroplethSvg({
    topology,
    values,
    unit: indicator.unit,
    title,
    description: `Bản đồ ${children_} của ${r.orgUnitName}, tô màu theo ${indicator.vi.toLowerCase()}`,
    width: 800,
    maxHeight: 820,
    keep: r.mapLevel === "provinces" ? 0.1 : 0.4,
    legend: { title: indicator.vi },
  });
  return { png: await svgToPng(map.svg, PNG_WIDTH), width: map.width, height: map.height, title };
}
