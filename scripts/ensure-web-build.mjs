// `npm start`, before the server: builds the web console when web/dist is missing or older than its
// sources, so a fresh clone works and the second start stays fast. The build takes 5–90 s on a small
// machine and Vite prints little until it is done, so the elapsed time is shown while it runs.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const index = path.join(root, "web/dist/index.html");

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = [path.join(root, "web/src"), path.join(root, "contracts/src")];
const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
const changedAt = Math.max(...sources.filter((d) => fs.existsSync(d)).map(newest));
if (builtAt < changedAt) {
  const t0 = performance.now();
  const elapsed = () => `${Math.round((performance.now() - t0) / 1000)} s`;
  console.log(
    builtAt
      ? "The web console's sources changed: rebuilding it into web/dist (5–90 s)…"
      : "First start: building the web console into web/dist (once; 5–90 s on a small machine)…",
  );
  const heartbeat = setInterval(
    () => console.log(`  … still building the web console (${elapsed()})`),
    15_000,
  );
  const code = await new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "-w", "web", "build"], { cwd: root, stdio: "inherit" });
    child.on("exit", (c) => resolve(c ?? 1));
    child.on("error", () => resolve(1));
  });
  clearInterval(heartbeat);
  if (code !== 0) {
    console.error(`The web console's build failed (exit code ${code}); see the messages above.`);
    process.exit(code);
  }
  console.log(`Web console built in ${elapsed()}.`);
}
// Loading the server's modules takes a few seconds before it prints anything itself.
console.log("Starting the server…");
