/** A cell as shown on screen: numbers and dates already formatted (1.157, 30/06/2025). */
export type CsvCell = string | number | null | undefined;

function escapeCell(cell: CsvCell): string {
  const s = cell === null || cell === undefined ? "" : String(cell);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (CRLF lines) with a UTF-8 byte-order mark so Excel reads Vietnamese correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(escapeCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Saves `rows` as `<name>.csv` from the browser (what is shown, nothing is fetched). */
export function downloadCsv(
  name: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): void {
  const blob = new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name.endsWith(".csv") ? name : `${name}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
