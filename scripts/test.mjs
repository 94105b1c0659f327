// `npm test`: type check, lint, unit and integration tests (PGlite, or PostgreSQL when
// DATABASE_URL is set), the web build, and the browser journeys. Stops at the first failure.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const steps = [
  ["typecheck", "npm", ["run", "typecheck"]],
  ["lint", "npm", ["run", "lint"]],
  ["format", "npm", ["run", "format:check"]],
  ["unit + integration", "npm", ["run", "-w", "server", "test"]],
  ["web build", "npm", ["run", "build"]],
  ["browser journeys", "npm", ["run", "-w", "e2e", "test"]],
];

const results = [];
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  results.push(`${r.status === 0 ? "ok  " : "FAIL"} ${name} (${seconds} s)`);
  if (r.status !== 0) {
    console.log(`\n${results.join("\n")}`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n${results.join("\n")}`);
