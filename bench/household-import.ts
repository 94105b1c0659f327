import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { queryRows } from "../server/src/db/client";
import { DEMO_PASSWORD } from "../server/src/modules/demo";
import { insertLocalUnits } from "../server/src/modules/org-units";
import type { OrgUnitDbRow } from "../server/src/modules/org-units";
import { rng } from "./lib/areas";
import { login } from "./lib/http";
import { resultOf, withSeeded } from "./lib/movement";
import type { BenchResult } from "./lib/results";
import { progress, sleep, timed } from "./lib/stats";

const HOUSEHOLDS = 100_000;
const POLL_MS = 250;

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Huỳnh",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Thạch",
  "Danh",
];
const MIDDLE = ["Văn", "Thị", "Minh", "Hoàng", "Ngọc", "Thanh", "Quốc", "Kim"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hòa",
  "Hùng",
  "Lan",
  "Mai",
  "Nam",
  "Phúc",
  "Sơn",
  "Tâm",
  "Thảo",
];
const STREETS = ["Trần Phú", "Lê Lợi", "Hai Bà Trưng", "Nguyễn Trãi", "Võ Thị Sáu", "Bạch Đằng", "Ngô Quyền"];
/** As people type them: codes, Vietnamese names with or without "Hội"/"Đoàn". */
const ORGS = [
  "Hội Nông dân",
  "Phụ nữ",
  "Hội Cựu chiến binh",
  "Đoàn Thanh niên",
  "Công đoàn",
  "Người cao tuổi",
];

/** A CSV of `n` households with codes `<prefix>000001…`. */
function householdCsv(n: number, prefix: string, seed: number): string {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const lines = ["head_name,address,members,member_orgs,code"];
  for (let i = 1; i <= n; i++) {
    const orgs = [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(ORGS)))].join(";");
    const address = `"Số ${1 + Math.floor(rand() * 400)}, đường ${pick(STREETS)}"`;
    const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    lines.push(
      `${name},${address},${1 + Math.floor(rand() * 8)},${orgs},${prefix}${String(i).padStart(6, "0")}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

type Sample = { atMs: number; pollMs: number; status: string; processed: number; total: number };

export async function runHouseholdImport(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  return withSeeded("household_import", async (s) => {
    const db = s.database.db;
    const [khom1] = await queryRows<{ id: string; parentId: string }>(
      db,
      sql`select id, parent_id as "parentId" from org_units where kind = 'residential_area' and name = 'Khóm 1'`,
    );
    // A second, empty area for the background import, so both start from the same state.
    const [parent] = await queryRows<OrgUnitDbRow>(
      db,
      sql`select u.id, u.code, u.kind, u.type, u.name, u.full_name as "fullName", u.parent_id as "parentId",
            u.province_id as "provinceId", u.path, u.depth, u.valid_from::text as "validFrom",
            u.valid_to::text as "validTo", u.is_official as "isOfficial", 0 as "childCount"
          from org_units u where u.id = ${khom1!.parentId}`,
    );
    const [khom2] = await db.transaction((tx) =>
      insertLocalUnits(tx, [
        { parent: parent!, input: { kind: "residential_area", name: "Khóm 2", type: "khom" } },
      ]),
    );
    await s.app.listen({ port: 0, host: "127.0.0.1" });
    const origin = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
    const session = await login(s.app, "baclieu.mttq", DEMO_PASSWORD);
    const headers = {
      cookie: session.cookie,
      "x-csrf-token": session.csrf,
      "content-type": "application/json",
    };
    const post = (areaId: string, csv: string, wait: boolean) =>
      fetch(`${origin}/api/v1/households/import${wait ? "?wait=true" : ""}`, {
        method: "POST",
        headers,
        body: JSON.stringify({ orgUnitId: areaId, csv }),
      });

    const csvA = householdCsv(HOUSEHOLDS, "A", 1);
    const csvB = householdCsv(HOUSEHOLDS, "B", 2);
    progress(`household-import: ${HOUSEHOLDS} households (${csvA.length} chars) with ?wait=true…`);
    const waited = await timed(async () => {
      const r = await post(khom1!.id, csvA, true);
      if (r.status !== 200) throw new Error(`import: ${r.status} ${(await r.text()).slice(0, 500)}`);
      return (await r.json()) as { created: number };
    });

    progress(`household-import: ${HOUSEHOLDS} households as a background job, polling every ${POLL_MS} ms…`);
    const start = performance.now();
    const accepted = await post(khom2!, csvB, false);
    if (accepted.status !== 202) throw new Error(`import: ${accepted.status} ${await accepted.text()}`);
    const { jobId } = (await accepted.json()) as { jobId: string };
    const acceptedMs = Math.round(performance.now() - start);
    const samples: Sample[] = [];
    for (;;) {
      const p0 = performance.now();
      const r = await fetch(`${origin}/api/v1/household-imports/${jobId}`, {
        headers: { cookie: session.cookie },
      });
      const job = (await r.json()) as { status: string; processed: number; total: number };
      const now = performance.now();
      samples.push({
        atMs: Math.round(now - start),
        pollMs: Math.round(now - p0),
        status: job.status,
        processed: job.processed,
        total: job.total,
      });
      if (job.status === "done" || job.status === "failed") break;
      await sleep(Math.max(0, POLL_MS - (now - p0)));
    }
    const [count] = await queryRows<{ a: number; b: number }>(
      db,
      sql`select count(*) filter (where org_unit_id = ${khom1!.id})::int as a,
                 count(*) filter (where org_unit_id = ${khom2!})::int as b from households`,
    );
    const last = samples[samples.length - 1]!;
    return resultOf(
      "household-import",
      s,
      started,
      t0,
      { importMs: "<= 20000 (PostgreSQL)" },
      {
        households: HOUSEHOLDS,
        csvChars: csvA.length,
        method:
          "POST /api/v1/households/import over HTTP to a listening server on 127.0.0.1, as baclieu.mttq",
        wait: { ms: waited.ms, created: waited.value.created, area: "Khóm 1" },
        background: {
          area: "Khóm 2",
          acceptedMs,
          doneMs: last.atMs,
          status: last.status,
          polls: samples.length,
          distinctProgressValues: new Set(samples.map((x) => x.processed)).size,
          maxPollMs: Math.max(...samples.map((x) => x.pollMs)),
          samples,
        },
        rows: count,
      },
    );
  });
}
