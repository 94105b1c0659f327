// Cluster drill, steps 1–3: simultaneous start, sessions across processes, sign-in limits.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  ROOT,
  PASSWORD,
  adminUrl,
  log,
  sleep,
  check,
  work,
  dbName,
  ports,
  children,
  sql,
} from "./config.mjs";
import { request, signIn } from "./http.mjs";
import { haproxyConfig, startApp, waitReady } from "./processes.mjs";

/** 1. Simultaneous start on an empty database, then the balancer; answers both app processes. */
export async function startPhase(result) {
  await sql(`create database ${dbName}`, [], adminUrl);
  fs.mkdirSync(path.join(work, "no-web"));
  log(`database ${dbName}; work folder ${work}`);

  // 1. Simultaneous start on an empty database.
  const a = startApp("a", ports.a);
  const b = startApp("b", ports.b);
  const [readyA, readyB] = await Promise.all([waitReady(ports.a), waitReady(ports.b)]);
  const journal = JSON.parse(
    fs.readFileSync(path.join(ROOT, "server/src/db/migrations/meta/_journal.json"), "utf8"),
  ).entries.length;
  const [mig] = await sql(
    "select count(*)::int as n, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations",
  );
  const [units] = await sql(
    "select count(*)::int as n, count(distinct (kind, code, valid_from))::int as codes from org_units where is_official",
  );
  const waited = [a, b].filter((p) =>
    fs.readFileSync(p.logFile, "utf8").includes("another process is preparing"),
  );
  result.start = {
    msToReady: { a: readyA, b: readyB },
    migrationsInJournal: journal,
    migrationRows: mig.n,
    waitedForTheOther: waited.map((p) => p.name),
  };
  check("simultaneous start: both ready", true, { a: readyA, b: readyB });
  check("migrations ran once (one row per migration)", mig.n === journal && mig.distinct_hashes === journal, {
    rows: mig.n,
    journal,
  });
  check(
    "one process waited for the other's start-up work",
    waited.length === 1,
    waited.map((p) => p.name),
  );
  check("units imported once", units.n === units.codes, units);

  const haproxyCfg = path.join(work, "haproxy.cfg");
  fs.writeFileSync(haproxyCfg, haproxyConfig());
  const lb = spawn("haproxy", ["-db", "-f", haproxyCfg], {
    stdio: ["ignore", "ignore", fs.openSync(path.join(work, "haproxy.log"), "a")],
  });
  children.add(lb);
  lb.once("exit", () => children.delete(lb));
  await waitReady(ports.lbTwo, 10_000);
  await sleep(2500); // both servers marked up (rise 2, inter 1s)
  return { a, b };
}

/** 2 and 3. Sessions across processes and the sign-in limits across both. */
export async function sessionsAndLimitsPhase(result) {
  // 2. Sessions are rows in the database: a cookie from one process is valid on the other.
  const viaA = await signIn(ports.a, "baclieu.mttq");
  const meOnB = await request(ports.b, "GET", "/api/v1/auth/me", { headers: { cookie: viaA.cookie } });
  check("a session made on A is valid on B", viaA.status === 200 && meOnB.status === 200, {
    signIn: viaA.status,
    meOnB: meOnB.status,
  });

  // 3. Sign-in limits across both processes (clients named by X-Forwarded-For from the trusted balancer).
  const lockUser = "anxuyen.mttq";
  const lockCodes = [];
  for (let i = 0; i < 5; i++) {
    lockCodes.push(
      (await signIn(i % 2 ? ports.b : ports.a, lockUser, "wrong-password-1", "203.0.113.8")).status,
    );
  }
  const afterLock = await signIn(ports.b, lockUser, PASSWORD, "203.0.113.8");
  const [lockRow] = await sql(
    "select failed_attempts, locked_until is not null as locked from accounts where username = $1",
    [lockUser],
  );
  check(
    "lockout: 5 wrong passwords over A and B lock the account (right password then refused)",
    afterLock.status === 401 && lockRow.locked,
    { wrong: lockCodes, rightPasswordAfter: afterLock.status, row: lockRow },
  );

  const limit = 20; // LOGIN_RATE_LIMIT default, per client per minute
  const rateCodes = [];
  for (let i = 0; i < limit + 4; i++) {
    rateCodes.push(
      (await signIn(i % 2 ? ports.b : ports.a, "nobody.drill", "x-wrong-password", "198.51.100.77")).status,
    );
  }
  const allowed = rateCodes.filter((c) => c !== 429).length;
  const other = await signIn(ports.b, "nobody.drill", "x-wrong-password", "198.51.100.78");
  check(
    `per-client sign-in limit counted across A and B (${limit} per minute)`,
    allowed === limit && rateCodes.slice(limit).every((c) => c === 429),
    { allowed, after: rateCodes.slice(limit) },
  );
  check("another client (X-Forwarded-For from the trusted balancer) is not limited", other.status === 401, {
    status: other.status,
  });
  result.signInLimits = {
    lockout: { wrong: lockCodes, rightPasswordAfter: afterLock.status },
    rateLimit: { sent: rateCodes.length, allowed, otherClient: other.status },
  };
}
