// Load-independent account of one createActivity: every statement the server process sends to the
// database (text and count per request), for N sequential writes after a warm-up, next to the
// minimal insert's. Not a timing: run it on a busy machine as well as on a quiet one.
//   npx tsx activity-statements.ts            (PGlite)
//   DATABASE_URL=postgres://… npx tsx activity-statements.ts
import type { AddressInfo } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { NoopLogger, sql } from "drizzle-orm";
import { queryRows } from "../server/src/db/client";
import { DEMO_PASSWORD } from "../server/src/modules/demo";
import { bodyGenerator, minimalBodyGenerator } from "./lib/load-client";
import { MINIMAL_PATH, registerMinimalInsert } from "./lib/minimal-insert";
import { withSeeded } from "./lib/movement";

const N = Number(process.env.TRACE_REQUESTS ?? 200);

let recording: string[] | null = null;
NoopLogger.prototype.logQuery = (...args: unknown[]) => {
  recording?.push(String(args[0]).replace(/\s+/g, " ").slice(0, 140));
};

/**
 * PGlite only (it runs in this process): the engine's time per statement — what the wasm engine
 * spent executing it, its triggers included — from the protocol messages, while `next` runs.
 */
function timeStatements(pg: PGlite | undefined) {
  if (!pg) return undefined;
  const texts = new Map<string, string>();
  const spent = new Map<string, { ms: number; n: number }>();
  let bound = "";
  const cstr = (b: Uint8Array, at: number) => {
    const end = b.indexOf(0, at);
    return [Buffer.from(b.subarray(at, end)).toString("utf8"), end + 1] as const;
  };
  const wrap = (key: "execProtocolStream" | "execProtocol") => {
    const orig = (pg[key] as (m: Uint8Array, o?: unknown) => Promise<unknown>).bind(pg);
    (pg as unknown as Record<string, unknown>)[key] = async (m: Uint8Array, o?: unknown) => {
      let label: string | undefined;
      const type = String.fromCharCode(m[0]!);
      if (type === "P") {
        const [name, at] = cstr(m, 5);
        texts.set(name, cstr(m, at)[0]);
      } else if (type === "B") {
        const [, at] = cstr(m, 5);
        bound = cstr(m, at)[0];
      } else if (type === "E") label = texts.get(bound) ?? `(unnamed ${bound})`;
      else if (type === "Q") label = cstr(m, 5)[0];
      const t0 = performance.now();
      try {
        return await orig(m, o);
      } finally {
        if (label) {
          const k = label.replace(/\s+/g, " ").slice(0, 110);
          const e = spent.get(k) ?? { ms: 0, n: 0 };
          e.ms += performance.now() - t0;
          e.n += 1;
          spent.set(k, e);
        }
      }
    };
  };
  wrap("execProtocolStream");
  wrap("execProtocol");
  return (label: string) => {
    console.log(`  engine time during and after ${label} (ms per request; calls):`);
    for (const [k, e] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
      console.log(`  ${(e.ms / N).toFixed(3)} ms  ${String(e.n).padStart(5)}  ${k}`);
    }
    spent.clear();
  };
}

await withSeeded(
  "activity_statements",
  async (s) => {
    await s.app.listen({ port: 0, host: "127.0.0.1" });
    const origin = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "baclieu.mttq", password: DEMO_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith("td_session="))!
      .split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
    const [area] = await queryRows<{ id: string; parentId: string }>(
      s.database.db,
      sql`select id, parent_id as "parentId" from org_units where name = 'Khóm 1' and valid_to is null limit 1`,
    );
    const bodies = await queryRows<{ id: string }>(
      s.database.db,
      sql`select id from bodies where org_unit_id = ${area!.parentId}`,
    );
    const next = bodyGenerator({
      origin,
      cookie,
      csrf: csrfToken,
      orgUnitId: area!.id,
      bodyIds: bodies.map((b) => b.id),
      rate: 1,
      seconds: 1,
      connections: 1,
      seed: 11,
      minimalPath: MINIMAL_PATH,
      capacitySeconds: 1,
      capacityOnly: false,
    });
    const minimal = minimalBodyGenerator();
    const send = async (url: string, body: string) => {
      const r = await fetch(`${origin}${url}`, { method: "POST", headers, body });
      if (r.status !== 201) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    };
    const dbTime = timeStatements(s.database.pglite);
    for (let i = 0; i < 30; i++) {
      await send("/api/v1/activities", next());
      await send(MINIMAL_PATH, minimal());
    }
    const trace = async (label: string, url: string, body: () => string) => {
      // Let the background (rollup folder, audit sequencer) catch up before and after; its
      // statements are listed apart from the requests' own.
      await new Promise((r) => setTimeout(r, 1500));
      recording = [];
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < N; i++) await send(url, body());
      const cpu = process.cpuUsage(cpu0);
      const own = recording;
      recording = [];
      await new Promise((r) => setTimeout(r, 1500));
      const background = recording;
      recording = null;
      const group = (xs: string[]) => {
        const m = new Map<string, number>();
        for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
        return [...m].sort((a, b) => b[1] - a[1]).map(([q, n]) => `  ${(n / N).toFixed(2)}  ${q}`);
      };
      console.log(
        `\n${label} (${s.target.engine}), ${N} sequential requests: ${(own.length / N).toFixed(2)} statements per request` +
          ` during the requests; client + server CPU ${Math.round((cpu.user + cpu.system) / N)} µs per request`,
      );
      console.log(group(own).join("\n"));
      console.log(`  background afterwards (per request): ${(background.length / N).toFixed(2)}`);
      console.log(group(background).join("\n"));
    };
    dbTime?.("the warm-up");
    await trace("createActivity", "/api/v1/activities", next);
    dbTime?.("createActivity");
    await trace("minimalInsert", MINIMAL_PATH, minimal);
  },
  { beforeReady: registerMinimalInsert },
);
process.exit(0);
