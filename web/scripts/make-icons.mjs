// Renders the app icons (PNG) from one SVG: a yellow star on the brand red (theme.ts brand[7]).
// Run once after changing the drawing: `node web/scripts/make-icons.mjs`; the PNGs are committed.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const RED = "#b3261e";
const YELLOW = "#ffd54f";
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "../public/icons");
mkdirSync(out, { recursive: true });

/** A five-pointed star centred in a 100×100 box, its outer radius `r`. */
function star(r) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const rad = (Math.PI / 5) * i - Math.PI / 2;
    const len = i % 2 === 0 ? r : r * 0.382;
    pts.push(`${(50 + len * Math.cos(rad)).toFixed(2)},${(52 + len * Math.sin(rad)).toFixed(2)}`);
  }
  return `<polygon points="${pts.join(" ")}" fill="${YELLOW}"/>`;
}

// "any": rounded square; "maskable": full bleed, the star inside the 80 % safe circle.
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="${RED}"/>${star(36)}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="${RED}"/>${star(26)}</svg>`;

const jobs = [
  [any, 192, "icon-192.png"],
  [any, 512, "icon-512.png"],
  [maskable, 192, "maskable-192.png"],
  [maskable, 512, "maskable-512.png"],
  [maskable, 180, "apple-touch-icon.png"],
];
for (const [svg, size, name] of jobs) {
  await sharp(Buffer.from(svg), { density: 300 }).resize(size, size).png().toFile(path.join(out, name));
}
console.log(`icons written to ${out}`);
