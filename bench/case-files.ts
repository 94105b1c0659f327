import { sql } from "drizzle-orm";
import { queryRows } from "../server/src/db/client";
import { seedDemoCases } from "../server/src/modules/cases";
import { caseCryptoFor, aad } from "../server/src/modules/cases";
import { caseDueDates } from "../server/src/modules/cases";
import { cases } from "../server/src/modules/cases/cases.table";
import { DEMO_PASSWORD } from "../server/src/modules/demo";
import { getJson, login } from "./lib/http";
import { loadAverage, resultOf, unitByCode, withSeeded } from "./lib/movement";
import type { BenchResult } from "./lib/results";
import { progress, summarise, timed } from "./lib/stats";

const FILES = Number(process.env.BENCH_CASES ?? 5000);
const SAMPLES = 200;

/**
 * Case files: sealing cost per file on write (five envelope-encrypted fields), then the logged
 * reads a commune's police make — open one file with a reason (decrypt + access-log row + audit
 * event), the first page of the list (50 decrypted names + one access-log row each; also with
 * `overdue=true`), statistics.
 */
export async function runCaseFiles(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  return withSeeded("case_files", async (s) => {
    const db = s.database.db;
    const ward = await unitByCode(s.database, "commune", "31825");
    const [w] = await queryRows<{ id: string; path: string; provinceId: string | null }>(
      db,
      sql`select id, path, province_id as "provinceId" from org_units where id = ${ward}`,
    );
    const [area] = await queryRows<{ id: string; path: string }>(
      db,
      sql`select id, path from org_units where parent_id = ${ward} and name = 'Khóm 1'`,
    );
    await seedDemoCases(db, s.config.masterKeyFile, w!, { ...area!, provinceId: w!.provinceId });
    const crypto = caseCryptoFor(s.app);
    progress(`case_files: sealing and inserting ${FILES} files…`);
    const written: string[] = [];
    const load = await timed(async () => {
      for (let batch = 0; batch < FILES; batch += 500) {
        const rows = [];
        for (let i = batch; i < Math.min(FILES, batch + 500); i += 1) {
          const id = globalThis.crypto.randomUUID();
          written.push(id);
          const seal = (v: string, f: string) => crypto.envelope.seal(v, aad(id, f));
          const idn = `0961${String(i).padStart(8, "0")}`;
          const reported = `2026-${String((i % 10) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
          rows.push({
            id,
            kind: "released_prisoner",
            orgUnitId: area!.id,
            communeId: ward,
            provinceId: w!.provinceId,
            rollupPath: area!.path,
            fullNameSealed: seal(`Người thử ${i}`, "full_name"),
            dateOfBirthSealed: seal("1990-01-01", "date_of_birth"),
            identitySealed: seal(idn, "identity"),
            identityIndex: crypto.identityIndex(idn),
            offenceCategorySealed: seal("property", "offence_category"),
            offenceSealed: seal("Trộm cắp tài sản", "offence"),
            releaseOrDecisionDate: "2026-01-01",
            reportedInOn: reported,
            ...caseDueDates(reported),
          });
        }
        await db.insert(cases).values(rows);
      }
    });
    const session = await login(s.app, "baclieu.congan", DEMO_PASSWORD);
    // Files this bench wrote (open, at the ward's area). Sampling from every file also drew the
    // demo's, one of which this account may not open (404), and the run stopped.
    const ids = written.slice(0, SAMPLES);
    const open: number[] = [];
    for (const id of ids) {
      open.push((await getJson(s.app, session, `/api/v1/cases/${id}?reason=benchmark%20read`)).ms);
    }
    const loadBefore = loadAverage();
    const list: number[] = [];
    for (let i = 0; i < 50; i += 1) list.push((await getJson(s.app, session, "/api/v1/cases?limit=50")).ms);
    const overdue: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      overdue.push((await getJson(s.app, session, "/api/v1/cases?limit=50&overdue=true")).ms);
    }
    const stats: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      stats.push(
        (await getJson(s.app, session, `/api/v1/cases/statistics?orgUnitId=${ward}&period=year&key=2026`)).ms,
      );
    }
    return resultOf(
      "case-files",
      s,
      started,
      t0,
      { openCaseP95: "≤ 100 ms", listFirstPageP95: "≤ 100 ms (issue 16)", statisticsP95: "≤ 200 ms" },
      {
        files: FILES,
        sealAndInsertMs: load.ms,
        sealAndInsertPerFileMs: Math.round((load.ms / FILES) * 100) / 100,
        openCaseWithReasonMs: summarise(open),
        listFirstPage50Ms: summarise(list),
        listFirstPage50OverdueMs: summarise(overdue),
        loadAverageBeforeList: loadBefore,
        statisticsYearMs: summarise(stats),
      },
    );
  });
}
