import { spawnSync } from "node:child_process";
import path from "node:path";
import { format } from "node:util";
import { vi } from "vitest";
import { runCommand } from "../main";

// The CLI (server/src/main.ts) for the tests, two ways: in this process (runCommand, the program's
// own entry, with the command's environment and console: no process start and no second loading of
// the server, which costs 3–4 s of CPU), or in a process of its own, as an operator runs it.

const root = path.resolve(import.meta.dirname, "../../..");

export type CliResult = { code: number | null; out: string };

/** Runs `main.ts <args>` in a process of its own with exactly `env`. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv, opts: { uid?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", "server/src/main.ts", ...args], {
    cwd: root,
    ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.uid }),
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * Runs the command in this process with exactly `env` as process.env (restored afterwards); what
 * it writes to the console is collected as the program would print it.
 */
export async function runCliInProcess(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const saved = { ...process.env };
  const lines: string[] = [];
  const collect = (...parts: unknown[]) => void lines.push(`${format(...parts)}\n`);
  const spies = (["log", "info", "warn", "error"] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation(collect),
  );
  const replaceEnv = (next: NodeJS.ProcessEnv) => {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, next);
  };
  replaceEnv(env);
  try {
    return { code: await runCommand(args), out: lines.join("") };
  } finally {
    replaceEnv(saved);
    spies.forEach((s) => s.mockRestore());
  }
}
