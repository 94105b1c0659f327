// `npm run dev`: the API with reload on change (port 3000) and Vite's dev server (port 5173,
// proxying /api to the API).
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const children = [
  spawn("npx", ["tsx", "watch", "server/src/main.ts", "start"], { cwd: root, stdio: "inherit" }),
  spawn("npm", ["run", "-w", "web", "dev"], { cwd: root, stdio: "inherit" }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children) c.on("exit", (code) => code && stop());
