// The load generator of `activity-writes`, run in its own process (fork) so that its CPU is not
// taken from the server's event loop. It gets its settings over IPC and answers its figures.
import http from "node:http";
import autocannon from "autocannon";
import { ACTIVITY_KINDS, ACTIVITY_TOPICS, todayInVietnam } from "@toandan/contracts";
import { rng } from "./areas";
import { percentile, summarise, type Summary } from "./stats";

export type LoadSettings = {
  origin: string;
  cookie: string;
  csrf: string;
  orgUnitId: string;
  bodyIds: string[];
  rate: number;
  seconds: number;
  connections: number;
  seed: number;
  /** The bench-only minimal authenticated insert route (lib/minimal-insert.ts). */
  minimalPath: string;
  /** Seconds of each closed-loop capacity run. */
  capacitySeconds: number;
  /** Only the two closed-loop capacity runs (BENCH_CAPACITY_ONLY=1: a quick look at the server's cost). */
  capacityOnly?: boolean;
};

/** What one endpoint is sent: its path and a generator of bodies. */
type Endpoint = { path: string; next: () => string };

export type PacedFigures = {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyMs: Summary & { p90: number };
};

const PATH = "/api/v1/activities";

/** A valid createActivity body that differs from the last: kind, date, topics, organisers, figures. */
export function bodyGenerator(s: LoadSettings): () => string {
  const rand = rng(s.seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const today = Date.parse(todayInVietnam());
  let n = 0;
  return () => {
    n += 1;
    const kind = pick(ACTIVITY_KINDS);
    const topics = [...new Set([pick(ACTIVITY_TOPICS), pick(ACTIVITY_TOPICS)].slice(0, 1 + int(2)))];
    const organisers = [...new Set([pick(s.bodyIds), pick(s.bodyIds), pick(s.bodyIds)].slice(0, 1 + int(3)))];
    return JSON.stringify({
      orgUnitId: s.orgUnitId,
      kind,
      date: new Date(today - int(365) * 86_400_000).toISOString().slice(0, 10),
      organizerBodyIds: organisers,
      topics,
      title: `Hoạt động thử tải số ${n}`,
      attendees: 10 + int(200),
      households: int(80),
      students: kind === "school_session" ? 50 + int(500) : 0,
      leaflets: int(300),
      broadcastItems: kind === "broadcast" ? 1 + int(5) : 0,
      broadcastHours: kind === "broadcast" ? int(400) / 100 : 0,
    });
  };
}

/** A body for the minimal insert route. */
export function minimalBodyGenerator(): () => string {
  let n = 0;
  return () => JSON.stringify({ note: `Bản ghi thử tải số ${++n}` });
}

function headers(s: LoadSettings): Record<string, string> {
  return { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" };
}

/**
 * autocannon at `rate` (each connection sends its share of the second back to back), or as fast as
 * the server answers when `rate` is undefined (closed loop: the endpoint's capacity).
 */
export async function runAutocannon(s: LoadSettings, e: Endpoint, rate: number | undefined, seconds: number) {
  const next = e.next;
  const r = await autocannon({
    url: s.origin,
    connections: s.connections,
    ...(rate ? { overallRate: rate } : {}),
    duration: seconds,
    // Its correction assumes an interval of ceil(1/rate) = 1 ms and adds made-up samples: off.
    ...(rate ? { ignoreCoordinatedOmission: true } : {}),
    headers: headers(s),
    requests: [{ method: "POST", path: e.path, setupRequest: (req) => ({ ...req, body: next() }) }],
  });
  const pick = (h: Record<string, number>) => ({
    p50: h.p50,
    p90: h.p90,
    p99: h.p99,
    max: h.max,
    mean: h.average,
  });
  return {
    connections: s.connections,
    latencyMs: pick(r.latency),
    achievedReqPerSec: Math.round((r.requests.total / r.duration) * 10) / 10,
    requests: r.requests.total,
    ok2xx: r["2xx"],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
  };
}

/**
 * Open-loop load: request i is due at start + i/rate, sent on a keep-alive socket, and its latency
 * counts from when it was due (a slow server cannot slow the arrivals down).
 */
export async function runPaced(s: LoadSettings, e: Endpoint): Promise<PacedFigures> {
  const next = e.next;
  const agent = new http.Agent({ keepAlive: true, maxSockets: s.connections });
  const url = new URL(e.path, s.origin);
  const total = s.rate * s.seconds;
  const samples: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(url, { method: "POST", agent, headers: headers(s) }, (res) => {
        res.resume();
        res.on("end", () => {
          samples.push(performance.now() - due);
          if (res.statusCode && res.statusCode < 300) ok++;
          else non2xx++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(next());
    });
  const start = performance.now() + 50;
  const inFlight: Promise<void>[] = [];
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && start + (i * 1000) / s.rate <= now) {
      inFlight.push(send(start + (i * 1000) / s.rate));
      i++;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const p90 =
    Math.round(
      percentile(
        [...samples].sort((a, b) => a - b),
        90,
      ) * 100,
    ) / 100;
  return { sent: total, ok, non2xx, errors, latencyMs: { ...summarise(samples), p90 } };
}

/** Tells the server's process that a phase starts or ends, and waits until it has noted it. */
function mark(name: string): Promise<void> {
  return new Promise((resolve) => {
    const onAck = (m: unknown) => {
      if ((m as { ack?: string }).ack !== name) return;
      process.off("message", onAck);
      resolve();
    };
    process.on("message", onAck);
    process.send!({ mark: name });
  });
}

/** A phase between marks, so the server can count its own CPU and statements for it. */
async function marked<T>(phase: string, run: () => Promise<T>): Promise<T> {
  await mark(`${phase}:start`);
  const result = await run();
  await mark(`${phase}:end`);
  return result;
}

if (process.send && process.argv[1]?.endsWith("load-client.ts")) {
  process.once("message", (s: LoadSettings) => {
    void (async () => {
      const activity = (seed: number): Endpoint => ({ path: PATH, next: bodyGenerator({ ...s, seed }) });
      const minimal = (): Endpoint => ({ path: s.minimalPath, next: minimalBodyGenerator() });
      // Capacity of both endpoints, closed loop, one after the other on the same server.
      const capacity = {
        createActivity: await marked("createActivity", () =>
          runAutocannon(s, activity(s.seed + 2), undefined, s.capacitySeconds),
        ),
        minimalInsert: await marked("minimalInsert", () =>
          runAutocannon(s, minimal(), undefined, s.capacitySeconds),
        ),
      };
      if (s.capacityOnly) {
        process.send!({ capacity }, () => process.exit(0));
        return;
      }
      const autocannonFigures = await runAutocannon(s, activity(s.seed), s.rate, s.seconds);
      const paced = await runPaced(s, activity(s.seed + 1));
      const pacedMinimal = await runPaced(s, minimal());
      process.send!({ capacity, autocannon: autocannonFigures, paced, pacedMinimal }, () => process.exit(0));
    })();
  });
}
