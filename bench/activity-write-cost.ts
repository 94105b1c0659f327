// Database-side cost of createActivity's write statement alone, load-independent: one backend runs
// N writes of the statement the server sends (the activity, its organisers and the audit event as
// CTEs, prepared), then N of the minimal insert's, and prints the backend's CPU (/proc, 10 ms ticks)
// and its buffer hits per write. No app, no HTTP: what the database does per write. PostgreSQL only;
// the statement's text must follow recordEvent's (kernel/audit.ts) if that changes.
//   BENCH_KEEP_DB=1 DATABASE_URL=postgres://… npx tsx activity-statements.ts   (keeps a seeded database)
//   BENCH_REUSE_DB=<that database> DATABASE_URL=postgres://… npx tsx activity-write-cost.ts
// COST_WRITES=N (default 2000); COST_SESSION_SQL runs first in the session, to attribute costs
// (e.g. "set session_replication_role = replica" leaves out every trigger, foreign keys included).
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import pg from "pg";

const N = Number(process.env.COST_WRITES ?? 2000);
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/${process.env.BENCH_REUSE_DB}`;
const c = new pg.Client({ connectionString: url.toString() });
await c.connect();
if (process.env.COST_SESSION_SQL) await c.query(process.env.COST_SESSION_SQL); // attribution only
const pid = (await c.query<{ p: number }>("select pg_backend_pid() as p")).rows[0]!.p;
const cpu = () => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const x = f.slice(f.lastIndexOf(")") + 2).split(" ");
  return (Number(x[11]) + Number(x[12])) * 10_000;
};
const blocks = async () => {
  // This backend's counters reach pg_stat_database when it next goes idle after this call.
  await c.query("select pg_stat_force_next_flush()");
  return Number(
    (
      await c.query<{ b: string }>(
        "select sum(blks_hit + blks_read)::text as b from pg_stat_database where datname = current_database()",
      )
    ).rows[0]!.b,
  );
};

const [a] = (
  await c.query(
    `select a.org_unit_id, a.province_id, a.rollup_path, a.created_by,
            array_agg(o.body_id) as bodies, array_agg(o.body_kind) as kinds
       from activities a join activity_organizers o on o.activity_id = a.id
      group by a.id having count(*) = 3 limit 1`,
  )
).rows;
const cols = `"id", "org_unit_id", "province_id", "rollup_path", "kind", "date", "title", "topics", "channels", "tags", "organizer_kinds", "attendees", "households", "students", "leaflets", "panels", "slogans", "broadcast_items", "broadcast_hours", "broadcast_stations", "broadcast_airings", "broadcast_minutes", "notes", "created_by", "created_at", "updated_at", "version"`;
const ps = (from: number, n: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(", ");
const text =
  `with w0 as (insert into "activities" (${cols}) values (${ps(1, 26)}, default)), ` +
  `w1 as (insert into "activity_organizers" ("activity_id", "body_id", "body_kind") values ($27, $28, $29), ($30, $31, $32), ($33, $34, $35)) ` +
  `insert into "audit_log" ("id", "occurred_at", "actor_id", "action", "entity_type", "entity_id", "org_unit_id", "data", "seq", "prev_hash", "hash") ` +
  `values (default, $36, $37, $38, $39, $40, $41, $42, default, default, default)`;
const write = (i: number) => {
  const id = randomUUID();
  const now = new Date();
  const date = `2026-0${1 + (i % 9)}-1${i % 10}`;
  return [
    id,
    a.org_unit_id,
    a.province_id,
    a.rollup_path,
    "meeting",
    date,
    null,
    ["phap_luat"],
    [],
    [],
    a.kinds,
    40 + (i % 7),
    10,
    0,
    5,
    0,
    0,
    0,
    "0",
    0,
    0,
    0,
    null,
    a.created_by,
    now,
    now,
    id,
    a.bodies[0],
    a.kinds[0],
    id,
    a.bodies[1],
    a.kinds[1],
    id,
    a.bodies[2],
    a.kinds[2],
    now.toISOString(),
    a.created_by,
    "activity.created",
    "activity",
    id,
    a.org_unit_id,
    JSON.stringify({
      kind: "meeting",
      date,
      attendees: 40 + (i % 7),
      households: 10,
      topics: ["phap_luat"],
      organizerBodyIds: a.bodies,
    }),
  ];
};
await c.query(
  "create table if not exists bench_minimal_inserts (id uuid primary key default gen_random_uuid(), account_id uuid not null, note text not null, created_at timestamptz not null default now())",
);
const run = async (label: string, name: string, q: string, args: (i: number) => unknown[]) => {
  for (let i = 0; i < 200; i++) await c.query({ name, text: q, values: args(i) }); // warm-up: plans, caches
  const c0 = cpu();
  const b0 = await blocks();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await c.query({ name, text: q, values: args(i) });
  const ms = performance.now() - t0;
  const b1 = await blocks();
  const us = (cpu() - c0) / N;
  console.log(
    `${label}: backend CPU ${us.toFixed(0)} µs/write, buffers ${((b1 - b0) / N).toFixed(1)}/write, wall ${((ms * 1000) / N).toFixed(0)} µs/write (N=${N})`,
  );
  return us;
};
const w = await run("createActivity write", "cost_write", text, write);
const m = await run(
  "minimal insert",
  "cost_min",
  "insert into bench_minimal_inserts (account_id, note) values ($1, $2) returning id",
  () => [a.created_by, "x"],
);
console.log(`ratio of database CPU (minimal / write): ${(m / w).toFixed(2)}`);
await c.end();
