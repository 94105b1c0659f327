import { COMPILED_KEY_FIGURES, type CompiledAnnex, type Report, formatVnDate } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict } from "../../../kernel/errors";
import { childReports, childUnits } from "../children";
import { type Section } from "../prose";
import { loadReport, presentReport } from "../reports.queries";
import { reports } from "../reports.table";

export const COMPILED_SECTION_KEY = "compiled";
const COMPILED_TITLE = "PHẦN TỔNG HỢP TỪ BÁO CÁO CẤP DƯỚI";
/** The child's narrative of results quoted into the parent (not its own compiled part, nor its plans). */
const QUOTED = ["situation", "propaganda", "models", "security", "assessment"];
/** Room for every child's quote in one section (the section's limit is 20.000 characters). */
const SECTION_BUDGET = 18_000;

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
const docRef = (c: CompiledAnnex["children"][number]) =>
  `Báo cáo số ${c.number ? `${c.number.padStart(2, "0")}/` : ""}${c.symbol} ngày ${formatVnDate(c.issuedOn)}`;

/** The editable text of the compiled section: a quote per child, then the proposals grouped by child. */
export function compiledText(annex: CompiledAnnex, total: number): string {
  const per = Math.max(200, Math.floor(SECTION_BUDGET / Math.max(1, annex.children.length)) - 200);
  const lines = [
    `1. Kết quả của các đơn vị cấp dưới (${annex.children.length}/${total} đơn vị có báo cáo đã được duyệt)`,
    ...annex.children.map(
      (c) => `${c.orgUnitName} (${docRef(c)}): ${clip(c.quote, per) || "không nêu kết quả."}`,
    ),
  ];
  const proposing = annex.children.filter((c) => c.proposals.trim());
  lines.push("2. Đề xuất, kiến nghị của cấp dưới");
  if (proposing.length === 0) lines.push("Các đơn vị cấp dưới không có đề xuất, kiến nghị.");
  for (const c of proposing) lines.push(`- ${c.orgUnitName}: ${clip(c.proposals.trim(), 1000)}`);
  if (annex.missing.length) {
    lines.push(`Chưa có báo cáo được duyệt: ${annex.missing.map((m) => m.orgUnitName).join(", ")}.`);
  }
  return lines.join("\n");
}

/**
 * Gathers the approved reports of the report's direct children for the same template and period
 * (read through the caller's scope) into a compiled annex — a quote per child, a table of the key
 * figures with a total row, the proposals grouped — frozen now with each child report's id and
 * approval time, and writes its text into an editable section. Draft or returned reports only.
 */
export async function compileReportFromChildren(db: Db, actor: Actor, id: string): Promise<Report> {
  const row = await loadReport(db, actor, id, "report.manage");
  if (row.status !== "draft" && row.status !== "returned") {
    throw conflict("Chỉ tổng hợp được vào báo cáo đang soạn hoặc bị trả lại");
  }
  const units = await childUnits(db, row);
  const all = await childReports(
    db,
    actor,
    row,
    units.map((u) => u.id),
  );
  const children: CompiledAnnex["children"] = [];
  const missing: CompiledAnnex["missing"] = [];
  for (const u of units) {
    // The newest approved report of the child (rows come newest first).
    const r = all.find((x) => x.orgUnitId === u.id && x.status === "approved");
    if (!r) {
      missing.push({ orgUnitId: u.id, orgUnitName: u.fullName });
      continue;
    }
    const text = (keys: string[]) =>
      r.sections
        .filter((s) => keys.includes(s.key) && s.text.trim())
        .map((s) => s.text.trim())
        .join(" ");
    children.push({
      orgUnitId: u.id,
      orgUnitName: u.fullName,
      reportId: r.id,
      approvedAt: r.approvedAt,
      number: r.number,
      symbol: r.symbol,
      issuedOn: r.issuedOn,
      quote: text(QUOTED),
      proposals: text(["proposals"]),
      figures: r.figures.filter((f) => (COMPILED_KEY_FIGURES as readonly string[]).includes(f.code)),
    });
  }
  const totals = COMPILED_KEY_FIGURES.map((code) => {
    const cells = children.map((c) => c.figures.find((f) => f.code === code));
    const label = cells.find(Boolean)?.label ?? row.figures.find((f) => f.code === code)?.label ?? code;
    return {
      code,
      label,
      value: cells.reduce((sum, f) => sum + (f?.value ?? 0), 0),
      partial: cells.some((f) => f?.suppressed),
    };
  });
  const annex: CompiledAnnex = {
    compiledAt: new Date().toISOString(),
    compiledBy: actor.displayName,
    children,
    totals,
    missing,
  };
  const section: Section = {
    key: COMPILED_SECTION_KEY,
    title: COMPILED_TITLE,
    text: compiledText(annex, units.length),
  };
  const sections = row.sections.filter((s) => s.key !== COMPILED_SECTION_KEY);
  const at = sections.findIndex((s) => s.key === "assessment");
  sections.splice(at === -1 ? sections.length : at, 0, section);
  await db.transaction(async (tx) => {
    await tx.update(reports).set({ compiled: annex, sections }).where(eq(reports.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "report.compiled",
      entityType: "report",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { children: children.length, missing: missing.length },
    });
  });
  return presentReport(await loadReport(db, actor, id, "report.read"), actor);
}
