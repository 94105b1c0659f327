// `npm test`: lint, type check, format check, the web build and the web unit tests (two at a time, as each is mostly
// one core's work; TEST_PARALLEL_STEPS=1 runs them one by one), then the browser journeys and,
// beside them, the unit and integration tests (PGlite, or PostgreSQL when DATABASE_URL is set):
// the journeys mostly wait on the browser and leave a core idle. Stops after the first stage with a
// failure. TEST_ALONGSIDE_JOURNEYS, a command line, runs beside the journeys after the unit and
// integration tests (CI runs the PostgreSQL integration pass there), when those passed.
import { spawn } from "node:child_process";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const PARALLEL = Math.max(1, Number(process.env.TEST_PARALLEL_STEPS ?? 2));
const stages = [
  [
    // The longest first.
    ["lint", "npm", ["run", "lint"]],
    ["typecheck", "npm", ["run", "typecheck"]],
    ["format", "npm", ["run", "format:check"]],
    ["web build", "npm", ["run", "build"]],
    ["web unit", "npm", ["run", "-w", "web", "test"]],
  ],
  [
    ["browser journeys", "npm", ["run", "-w", "e2e", "test"], { live: true }],
    // One after the other, beside the journeys.
    [
      ["unit + integration", "npm", ["run", "-w", "server", "test"]],
      ...(process.env.TEST_ALONGSIDE_JOURNEYS
        ? [["beside the journeys", "bash", ["-c", process.env.TEST_ALONGSIDE_JOURNEYS]]]
        : []),
    ],
  ],
];

const results = [];
// The failing tests' names, printed last: a CI log is often read from its end only.
const failures = [];
const FAILURE_LINE = /^\s*(FAIL|×|✗)\s/;

/**
 * Runs one step; alone (or marked live) it prints as it goes, beside others its output is printed
 * when it ends.
 */
function run([name, cmd, args, opts], alone) {
  alone ||= opts?.live === true;
  const t0 = Date.now();
  if (alone) console.log(`\n▶ ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout?.on("data", (c) => chunks.push(c));
    child.stderr?.on("data", (c) => chunks.push(c));
    child.on("close", (code, signal) => {
      const ok = code === 0;
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (!alone) {
        console.log(`\n▶ ${name}`);
        process.stdout.write(Buffer.concat(chunks));
      }
      results.push(`${ok ? "ok  " : "FAIL"} ${name} (${seconds} s)`);
      if (!ok) {
        const lines = stripVTControlCharacters(Buffer.concat(chunks).toString("utf8"))
          .split("\n")
          .filter((line) => FAILURE_LINE.test(line));
        for (const line of [...new Set(lines)].slice(0, 20)) {
          failures.push(`  ${name}: ${line.trim().slice(0, 240)}`);
        }
      }
      resolve(ok ? 0 : (code ?? (signal ? 1 : 0)) || 1);
    });
  });
}

async function runStage(steps) {
  const queue = [...steps];
  const alone = steps.length === 1 || PARALLEL === 1;
  let failed = 0;
  const worker = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      // A step is one command, or a list of commands run in order until one fails.
      const chain = Array.isArray(step[0]) ? step : [step];
      for (const command of chain) {
        const code = await run(command, alone);
        failed ||= code;
        if (code !== 0) break;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, steps.length) }, worker));
  return failed;
}

for (const steps of stages) {
  const code = await runStage(steps);
  if (code !== 0) {
    console.log(`\n${results.join("\n")}`);
    if (failures.length > 0) console.log(`\nFailed tests:\n${failures.join("\n")}`);
    process.exit(code);
  }
}
console.log(`\n${results.join("\n")}`);
