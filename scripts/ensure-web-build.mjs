// Builds the web console when web/dist is missing or older than its sources, so `npm start`
// works on a fresh clone and stays fast on the second start.
import { execSync } from "node:child_process";
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
  console.log("Building the web console…");
  execSync("npm run -w web build", { cwd: root, stdio: "inherit" });
}
