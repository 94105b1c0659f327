// Static scan of the server's module boundaries and source-file sizes.
// Prints every import that reaches into another module other than through its index,
// its *.table.ts or its test fixtures; kernel imports of modules; cycles between modules;
// hand-written source files over 400 lines. Exits 1 when any is found.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const modulesDir = path.join(root, "server/src/modules");
const kernelDir = path.join(root, "server/src/kernel");
const MAX_LINES = 400;

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const importRe = /(?:import|export)\s[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
function importsOf(file) {
  const src = fs.readFileSync(file, "utf8");
  const specs = [];
  for (const m of src.matchAll(importRe)) specs.push(m[1] ?? m[2]);
  return specs;
}

function moduleOf(file) {
  const rel = path.relative(modulesDir, file);
  if (rel.startsWith("..")) return null;
  return rel.split(path.sep)[0];
}

const problems = [];
const modules = fs.readdirSync(modulesDir).filter((m) => fs.statSync(path.join(modulesDir, m)).isDirectory());
for (const m of modules) {
  if (!fs.existsSync(path.join(modulesDir, m, "index.ts"))) problems.push(`module ${m} has no index.ts`);
}

const serverFiles = walk(path.join(root, "server/src")).filter((f) => /\.tsx?$/.test(f));
const edges = new Map(modules.map((m) => [m, new Set()]));
const allowedTarget = (target) => {
  const rel = path.relative(modulesDir, target).split(path.sep);
  const base = rel[rel.length - 1];
  if (rel.length === 2 && /^index\.ts$/.test(base)) return true;
  if (/\.table\.ts$/.test(base)) return true;
  if (/^test-(fixtures|support)\.ts$/.test(base) || /\.fixtures\.ts$/.test(base)) return "test";
  return false;
};
for (const file of serverFiles) {
  const from = moduleOf(file);
  const inKernel = !path.relative(kernelDir, file).startsWith("..");
  for (const spec of importsOf(file)) {
    if (!spec.startsWith(".")) continue;
    let target = path.resolve(path.dirname(file), spec).replace(/\.js$/, ".ts");
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, "index.ts");
    if (!target.endsWith(".ts") && !target.endsWith(".tsx")) target += ".ts";
    const to = moduleOf(target);
    if (!to) continue;
    if (inKernel) {
      problems.push(`kernel imports a module: ${path.relative(root, file)} → ${spec}`);
      continue;
    }
    if (!from || from === to) continue;
    const ok = allowedTarget(target);
    const isTest = /\.test\.ts$/.test(file) || /test-(fixtures|support)\.ts$/.test(file);
    if (!ok || (ok === "test" && !isTest)) {
      problems.push(`reach-in: ${path.relative(root, file)} → ${spec}`);
    }
    // Table imports (foreign keys) and test fixtures are not runtime dependencies between modules.
    if (ok !== "test" && !/\.table\.ts$/.test(target) && !isTest) edges.get(from).add(to);
  }
}

// Cycles between modules (Tarjan's strongly connected components).
let index = 0;
const stack = [];
const meta = new Map();
function strong(v) {
  meta.set(v, { index, low: index, on: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!meta.has(w)) {
      strong(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).on) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const comp = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).on = false;
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1) problems.push(`module cycle: {${comp.sort().join(", ")}}`);
  }
}
for (const m of modules) if (!meta.has(m)) strong(m);

// File sizes: hand-written source only (locales, migrations and generated files aside).
const sourceRoots = ["contracts/src", "server/src", "web/src", "e2e", "bench", "scripts"];
for (const r of sourceRoots) {
  const dir = path.join(root, r);
  if (!fs.existsSync(dir)) continue;
  for (const f of walk(dir)) {
    if (!/\.(ts|tsx|mjs|js)$/.test(f)) continue;
    if (/\/locales\//.test(f) || /\/migrations\//.test(f) || /\/results\//.test(f)) continue;
    const lines = fs.readFileSync(f, "utf8").split("\n").length - 1;
    if (lines > MAX_LINES) problems.push(`over ${MAX_LINES} lines (${lines}): ${path.relative(root, f)}`);
  }
}

const verbose = process.argv.includes("--graph");
if (verbose) for (const [m, to] of edges) console.log(`${m} → ${[...to].sort().join(", ")}`);
for (const p of problems) console.log(p);
console.log(`boundaries: ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
