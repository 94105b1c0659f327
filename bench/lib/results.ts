import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EngineName } from "./engine";

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = path.resolve(BENCH_DIR, "..");
const RESULTS_DIR = path.join(BENCH_DIR, "results");

export type BenchResult = {
  benchmark: string;
  engine: EngineName;
  variant?: string | undefined;
  engineVersion: string;
  engineSettings: Record<string, string>;
  startedAt: string;
  durationMs: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  targets: Record<string, string>;
  figures: unknown;
};

export function machineInfo(): BenchResult["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Prints the result as JSON on stdout and writes it to bench/results/<name>-<engine>[-<variant>].json. */
export function publish(result: BenchResult): string {
  const json = JSON.stringify(result, null, 2);
  process.stdout.write(`${json}\n`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const suffix = result.variant ? `-${result.variant}` : "";
  const file = path.join(RESULTS_DIR, `${result.benchmark}-${result.engine}${suffix}.json`);
  fs.writeFileSync(file, `${json}\n`);
  return file;
}
