// Reads a PDF back as a reader would (pdf.js, the engine of Firefox and many viewers): the fonts
// embedded in it, its text page by page, and the glyphs the fonts lack (drawn as empty boxes).

type Glyph = { unicode: string; originalCharCode: number } | number | null;

export type PdfContent = {
  /** Base font names without the subset tag: "Tinos-Regular", "Tinos-Bold". */
  fonts: string[];
  /** The text of each page, items joined as pdf.js extracts them. */
  pages: string[];
  /** The text in each page's top margin (the top 2 cm): where page numbers go. */
  topMargins: string[];
  /** Characters drawn with the font's missing-glyph box (.notdef). */
  missingGlyphs: string[];
};

export async function readPdf(data: Buffer | Uint8Array): Promise<PdfContent> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    fontExtraProperties: true,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const fonts = new Set<string>();
  const pages: string[] = [];
  const topMargins: string[] = [];
  const missingGlyphs: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === pdfjs.OPS.setFont) {
        const font = page.commonObjs.get(args[0] as string) as { name: string };
        fonts.add(font.name.replace(/^[A-Z]{6}\+/, ""));
      } else if (fn === pdfjs.OPS.showText) {
        for (const g of args[0] as Glyph[]) {
          if (g && typeof g === "object" && g.originalCharCode === 0) missingGlyphs.push(g.unicode);
        }
      }
    });
    const content = await page.getTextContent();
    const height = page.getViewport({ scale: 1 }).height;
    topMargins.push(
      content.items
        .filter((item) => "str" in item && item.transform[5] > height - 57)
        .map((item) => ("str" in item ? item.str : ""))
        .join(""),
    );
    pages.push(
      content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""),
    );
  }
  await doc.destroy();
  return { fonts: [...fonts].sort(), pages, topMargins, missingGlyphs };
}
