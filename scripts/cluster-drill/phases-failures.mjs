// Cluster drill, steps 5–6: kill -9 of one process and SIGTERM of the other mid-load.
import fs from "node:fs";
import { SECONDS, CONNECTIONS, log, sleep, check, ports, sql } from "./config.mjs";
import { request } from "./http.mjs";
import { startApp, waitReady } from "./processes.mjs";
import { activityBody, missingIds, writeLoad } from "./load.mjs";

/** 5. kill -9 of B in the middle of a write load. */
export async function kill9Phase(result, session, b) {
  // 5. kill -9 of B in the middle of a write load through the balancer.
  const killAt = (SECONDS * 1000) / 2;
  let killedAt = 0;
  const crash = await writeLoad(ports.lbTwo, session, SECONDS, {
    ms: killAt,
    run: () => {
      killedAt = killAt;
      log("kill -9 app B");
      b.child.kill("SIGKILL");
    },
  });
  const acknowledged = crash.results.filter((r) => r.id).map((r) => r.id);
  const lost = await missingIds(acknowledged);
  const failed = crash.results.filter((r) => r.status < 200 || r.status >= 300);
  const afterKill = crash.results.filter((r) => r.sent > killedAt + 3000);
  const afterKillOk = afterKill.filter((r) => r.status === 201).length;
  result.kill9 = {
    ...crash.figures,
    killedAtMs: killedAt,
    lostAcknowledged: lost.length,
    failed: failed.length,
    failedWhen: failed.map((r) => Math.round(r.sent)),
    failedAnswers: [...new Set(failed.map((r) => `${r.status || r.error} ${r.body ?? ""}`.trim()))],
    // A write cut in flight may have committed before the kill: the client cannot know (no answer).
    failedButCommitted: (
      await sql("select count(*)::int as n from activities where title = any($1)", [
        failed.map((r) => activityBody(session, r.n).title),
      ])
    )[0].n,
    sentMoreThan3sAfterKill: afterKill.length,
    okMoreThan3sAfterKill: afterKillOk,
  };
  check("kill -9: 0 acknowledged writes lost", lost.length === 0, {
    acknowledged: acknowledged.length,
    lost: lost.length,
  });
  check("kill -9: the survivor keeps serving", afterKill.length > 0 && afterKillOk === afterKill.length, {
    sent: afterKill.length,
    ok: afterKillOk,
  });
  check(
    "kill -9: failures only around the kill (in flight on B)",
    failed.every((r) => r.sent >= killedAt - 2000 && r.sent <= killedAt + 3000),
    { failed: failed.length, inFlightAtKill: Math.min(CONNECTIONS, failed.length) },
  );
}

/** 6. B comes back, then SIGTERM to A mid-load. */
export async function sigtermPhase(result, session, a) {
  // 6. B comes back; then SIGTERM to A in the middle of a write load through the balancer: A answers
  // /api/ready 503 for SHUTDOWN_DRAIN_SECONDS (the balancer takes it out), closes its listener,
  // finishes the requests in flight and exits 0. No client should see a failure.
  const b2 = startApp("b", ports.b);
  const rejoinMs = await waitReady(ports.b);
  await sleep(2500); // marked up again (rise 2, inter 1s)
  const term = { at: 0, exit: null, ms: 0 };
  const graceful = await writeLoad(ports.lbTwo, session, 10, {
    ms: 3000,
    run: () => {
      term.at = performance.now();
      log("SIGTERM app A");
      a.child.kill("SIGTERM");
      void a.exited.then((e) => {
        term.exit = e;
        term.ms = Math.round(performance.now() - term.at);
      });
    },
  });
  await a.exited;
  const gAck = graceful.results.filter((r) => r.id).map((r) => r.id);
  const gLost = await missingIds(gAck);
  const gFailed = graceful.results.filter((r) => r.status < 200 || r.status >= 300);
  const aLog = fs.readFileSync(a.logFile, "utf8");
  result.sigterm = {
    ...graceful.figures,
    bRejoinedReadyMs: rejoinMs,
    exit: term.exit,
    msToExit: term.ms,
    stoppedLine: /Stopped in [0-9.]+ s/.exec(aLog)?.[0],
    cutByDeadline: aLog.includes("cutting them"),
    lostAcknowledged: gLost.length,
    failed: gFailed.length,
    failedAnswers: [...new Set(gFailed.map((r) => `${r.status || r.error} ${r.body ?? ""}`.trim()))],
  };
  check(
    "SIGTERM: exit code 0, within the grace period",
    term.exit?.code === 0 && !result.sigterm.cutByDeadline,
    {
      ...term.exit,
      ms: term.ms,
    },
  );
  check(
    "SIGTERM through the balancer: no client saw a failure",
    gFailed.length === 0,
    graceful.figures.byStatus,
  );
  check("SIGTERM: 0 acknowledged writes lost", gLost.length === 0, { acknowledged: gAck.length });
  const stillB = await request(ports.lbTwo, "GET", "/api/v1/auth/me", {
    headers: { cookie: session.cookie },
  });
  check("B serves the session alone after A stopped", stillB.status === 200, { status: stillB.status });
  void b2;
}
