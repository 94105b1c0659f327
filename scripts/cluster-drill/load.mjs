// Cluster drill: the write load, CPU accounting and the check for lost writes.
import fs from "node:fs";
import { CONNECTIONS, sql } from "./config.mjs";
import { request } from "./http.mjs";

// ---- the write load -----------------------------------------------------------------------------

export function activityBody(s, n) {
  const t = s.targets[n % s.targets.length];
  const day = new Date(Date.now() - (n % 300) * 86_400_000).toISOString().slice(0, 10);
  return {
    orgUnitId: t.areaId,
    kind: "meeting",
    date: day,
    organizerBodyIds: [t.bodyIds[n % t.bodyIds.length]],
    topics: ["drugs"],
    title: `Diễn tập cụm số ${n}`,
    attendees: 10 + (n % 200),
    households: n % 80,
    students: 0,
    leaflets: n % 300,
    broadcastItems: 0,
    broadcastHours: 0,
  };
}

/**
 * A closed loop of CONNECTIONS writers for `seconds`; `at` runs a callback at a moment of the run.
 * Every answer is kept: status, the id of a 2xx, or the socket error.
 */
let serial = 0; // every write of the drill has its own title number

export async function writeLoad(port, s, seconds, at) {
  const results = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let fired = false;
  const writer = async () => {
    while (performance.now() < end) {
      if (at && !fired && performance.now() - t0 >= at.ms) {
        fired = true;
        at.run();
      }
      const i = serial++;
      const sent = performance.now() - t0;
      try {
        const r = await request(port, "POST", "/api/v1/activities", {
          body: activityBody(s, i),
          headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
        });
        results.push({
          sent,
          done: performance.now() - t0,
          n: i,
          status: r.status,
          id: r.json?.id,
          body: r.status >= 300 ? r.text.slice(0, 160) : undefined,
        });
      } catch (e) {
        results.push({ n: i, sent, done: performance.now() - t0, status: 0, error: e.code ?? e.message });
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, writer));
  const wall = (performance.now() - t0) / 1000;
  const ok = results.filter((r) => r.status >= 200 && r.status < 300);
  const lat = ok.map((r) => r.done - r.sent).sort((x, y) => x - y);
  const pct = (p) =>
    lat.length ? Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]) : null;
  const byStatus = {};
  for (const r of results) byStatus[r.status || r.error] = (byStatus[r.status || r.error] ?? 0) + 1;
  return {
    results,
    figures: {
      seconds: Number(wall.toFixed(1)),
      connections: CONNECTIONS,
      sent: results.length,
      acknowledged: ok.length,
      writesPerSecond: Math.round(ok.length / wall),
      latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) },
      byStatus,
    },
  };
}

/** CPU seconds (user + system) used so far by each process, from /proc (Linux). */
export function cpuSeconds(pids) {
  const tick = 100; // USER_HZ
  return pids.map((pid) => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(f[11]) + Number(f[12])) / tick;
    } catch {
      return 0;
    }
  });
}

/** The machine's CPU counters: [busy, total] jiffies over all cores. */
export function machineCpu() {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((x, y) => x + y, 0);
  return [total - f[3] - f[4], total];
}

/** Runs `fn` and adds the CPU the app processes used during it, and the machine's busy share. */
export async function withCpu(pids, fn) {
  const before = cpuSeconds(pids);
  const m0 = machineCpu();
  const t0 = performance.now();
  const r = await fn();
  const wall = (performance.now() - t0) / 1000;
  const used = cpuSeconds(pids).map((x, i) => Number(((x - before[i]) / wall).toFixed(2)));
  const m1 = machineCpu();
  r.figures.appCpuCores = { a: used[0], b: used[1] };
  r.figures.machineBusy = Number(((m1[0] - m0[0]) / (m1[1] - m0[1])).toFixed(2));
  return r;
}

export async function missingIds(ids) {
  if (ids.length === 0) return [];
  const rows = await sql("select id::text from activities where id = any($1::uuid[])", [ids]);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}
