import { PROCESSING_EXCEPTION_LABELS, type RecordActionEntry } from "@toandan/contracts";

/**
 * The answer's first draft from what was done with each record found (issue 19): per record, done,
 * or kept and why. In Vietnamese, as the answer is sent; the officer edits it before sending.
 */
export function draftAnswer(actions: readonly RecordActionEntry[]): string {
  const acted = actions.filter((a) => a.outcome !== "none");
  if (acted.length === 0) return "";
  const lines = acted.map((a) => {
    const where = a.orgUnitName ? ` (${a.orgUnitName})` : "";
    const why = a.reasonVi ?? (a.exception ? PROCESSING_EXCEPTION_LABELS[a.exception].vi : null);
    const what =
      a.outcome === "done"
        ? `đã thực hiện${a.reasonVi ? `: ${a.reasonVi}` : ""}`
        : `được giữ lại${why ? `, căn cứ: ${why}` : ""}`;
    return `- ${a.labelVi}${where}: ${what}.`;
  });
  return ["Kết quả thực hiện yêu cầu đối với từng hồ sơ:", ...lines].join("\n");
}
