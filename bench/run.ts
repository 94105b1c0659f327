import { engineFromEnv, variantFromEnv } from "./lib/engine";
import { publish, type BenchResult } from "./lib/results";
import { progress } from "./lib/stats";
import { runActivityTotals } from "./activity-totals";
import { runActivityWrites } from "./activity-writes";
import { runAuditSealing } from "./audit-sealing";
import { runAuditVerify } from "./audit-verify";
import { runCaseFiles } from "./case-files";
import { runHouseholdImport } from "./household-import";
import { runNationalDashboard } from "./national-dashboard";
import { runStartup } from "./startup";
import { runTipSubmit } from "./tip-submit";
import { runPortalPaint } from "./portal-paint";
import { runMapRender } from "./map-render";
import { runUnitSearch } from "./unit-search";

/** Every benchmark by name, in the order `npm run bench` runs them. */
const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  startup: runStartup,
  "unit-search": runUnitSearch,
  "activity-writes": runActivityWrites,
  "activity-totals": runActivityTotals,
  "household-import": runHouseholdImport,
  "case-files": runCaseFiles,
  "tip-submit": runTipSubmit,
  "portal-paint": runPortalPaint,
  "map-render": runMapRender,
  "audit-verify": runAuditVerify,
};
/** Run only when named: it generates national-scale data (tens of minutes). */
const ON_DEMAND: Record<string, () => Promise<BenchResult>> = {
  "national-dashboard": runNationalDashboard,
  "audit-sealing": runAuditSealing,
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in BENCHMARKS) && !(n in ON_DEMAND));
if (unknown.length) {
  process.stderr.write(
    `Unknown benchmark: ${unknown.join(", ")}\nUsage: npm run bench [-- ${Object.keys(BENCHMARKS).join(" | ")}]\n`,
  );
  process.exit(1);
}

const variant = variantFromEnv();
progress(`engine: ${engineFromEnv()}${variant ? ` (${variant})` : ""}`);
for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
  const result = await (BENCHMARKS[name] ?? ON_DEMAND[name])!();
  progress(`${name}: done in ${result.durationMs} ms, written to ${publish(result)}`);
}
process.exit(0);
