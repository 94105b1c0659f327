// Cluster drill, step 4: write throughput through the balancer, one process vs two.
import os from "node:os";
import { APP_CPU, SECONDS, CONNECTIONS, log, check, ports, sleep, sql } from "./config.mjs";
import { request, signIn } from "./http.mjs";
import { activityBody, missingIds, withCpu, writeLoad } from "./load.mjs";
import { capAppCpu, startApp, waitReady } from "./processes.mjs";

/**
 * 4. Throughput; answers the session the later steps write with and the running app B (B is
 * stopped while one process is measured and started again for two).
 */
export async function throughputPhase(result, a, b) {
  // 4. Throughput: one process vs two, the same balancer, the same load.
  const s0 = await signIn(ports.lbTwo, "baclieu.mttq");
  const found = await request(ports.lbTwo, "GET", "/api/v1/org-units?q=khom%201", {
    headers: { cookie: s0.cookie },
  });
  const area = found.json.items.find((u) => u.name === "Khóm 1");
  const ward = await request(ports.lbTwo, "GET", `/api/v1/org-units/${area.parentId}`, {
    headers: { cookie: s0.cookie },
  });
  const hot = {
    load: "hot: every write to the one demo area (Khóm 1), the same rollup rows",
    cookie: s0.cookie,
    csrf: s0.csrf,
    targets: [{ areaId: area.id, bodyIds: ward.json.bodies.map((x) => x.id) }],
  };
  const probe = await request(ports.lbTwo, "POST", "/api/v1/activities", {
    body: activityBody(hot, 0),
    headers: { cookie: hot.cookie, "x-csrf-token": hot.csrf },
  });
  if (probe.status !== 201 || !probe.json?.id) throw new Error(`probe write: ${probe.status} ${probe.text}`);
  // Spread: the province account writes to its communes in turn, as many communes do at once.
  const s1 = await signIn(ports.lbTwo, "camau.mttq");
  const province = s1.user.roles[0].orgUnitId;
  const communes = await request(ports.lbTwo, "GET", `/api/v1/org-units?parentId=${province}&limit=40`, {
    headers: { cookie: s1.cookie },
  });
  const targets = [];
  for (const c of communes.json.items) {
    const unit = await request(ports.lbTwo, "GET", `/api/v1/org-units/${c.id}`, {
      headers: { cookie: s1.cookie },
    });
    const bodies = (unit.json?.bodies ?? []).map((x) => x.id);
    if (bodies.length > 0) targets.push({ areaId: c.id, bodyIds: bodies });
  }
  const spread = {
    load: `spread: writes to ${targets.length} communes of one province in turn`,
    cookie: s1.cookie,
    csrf: s1.csrf,
    targets,
  };
  const probe2 = await request(ports.lbTwo, "POST", "/api/v1/activities", {
    body: activityBody(spread, 0),
    headers: { cookie: spread.cookie, "x-csrf-token": spread.csrf },
  });
  if (probe2.status !== 201) throw new Error(`spread probe write: ${probe2.status} ${probe2.text}`);
  const session = spread;
  log(
    `warm-up ${SECONDS / 3} s, then per load ${SECONDS} s one process, ${SECONDS} s two, twice (${CONNECTIONS} connections)…`,
  );
  await writeLoad(ports.lbTwo, spread, SECONDS / 3);
  await sql("analyze"); // a fresh database: give the planner its statistics before measuring
  // One, two, one, two per load: the machine's other work drifts; each pair gives a ratio. While one
  // process is measured, B is stopped (SIGTERM, as an operator takes a process out), so that one
  // process does all of its own work: left running behind the balancer, B sealed the audit rows and
  // folded the rollups of A's writes for it (0.03–0.05 core beside A's 0.2 in earlier runs). B is
  // started again, and warmed up through the balancer, before each two-process phase.
  const rounds = [];
  let current = b;
  const cap = APP_CPU ? capAppCpu([a, b], APP_CPU) : null;
  if (APP_CPU) log(`each app process capped at ${APP_CPU} core (cgroup cpu quota) while measuring`);
  try {
    await measure();
  } finally {
    cap?.lift();
  }
  async function measure() {
    for (const load of [spread, hot]) {
      for (let i = 0; i < 2; i++) {
        current.child.kill("SIGTERM");
        await current.exited;
        const one = await withCpu([a.child.pid, current.child.pid], () =>
          writeLoad(ports.lbOne, load, SECONDS),
        );
        const loadOne = os.loadavg()[0];
        current = startApp("b", ports.b);
        await waitReady(ports.b);
        cap?.join(current);
        await sleep(2500); // marked up by the balancer (rise 2, inter 1s)
        await writeLoad(ports.lbTwo, load, SECONDS / 5); // B's first requests compile its code
        const two = await withCpu([a.child.pid, current.child.pid], () =>
          writeLoad(ports.lbTwo, load, SECONDS),
        );
        const ratio = Number((two.figures.writesPerSecond / one.figures.writesPerSecond).toFixed(2));
        rounds.push({ load: load.load, one, two, ratio, loadAverage1m: [loadOne, os.loadavg()[0]] });
        log(
          `${load.load.split(":")[0]}: one ${one.figures.writesPerSecond}/s, two ${two.figures.writesPerSecond}/s, ratio ${ratio}`,
        );
      }
    }
  }
  result.throughput = {
    goal: ">= 1.6",
    ...(APP_CPU
      ? {
          appCpuCap: `each app process capped at ${APP_CPU} core by a cgroup cpu quota while measuring; the database, HAProxy and the load generator uncapped`,
        }
      : {}),
    oneProcess: "B stopped (SIGTERM): A alone serves, seals the audit log and folds the rollups",
    rounds: rounds.map((r) => ({
      load: r.load,
      oneProcess: r.one.figures,
      twoProcesses: r.two.figures,
      ratio: r.ratio,
      loadAverage1m: r.loadAverage1m.map((x) => Number(x.toFixed(1))),
    })),
  };
  const all = rounds.flatMap((r) => [...r.one.results, ...r.two.results]);
  const lostBefore = await missingIds(all.filter((r) => r.id).map((r) => r.id));
  check("throughput phases: every acknowledged write is in the database", lostBefore.length === 0, {
    missing: lostBefore.length,
  });
  return { session, b: current };
}
