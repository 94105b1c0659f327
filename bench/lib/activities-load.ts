import { randomUUID } from "node:crypto";
import { ACTIVITY_KINDS, ACTIVITY_TOPICS } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../server/src/db/client";
import { organizerKindsOf } from "../../server/src/modules/activities";
import { rng } from "./areas";

type Commune = { id: string; provinceId: string; rollupPath: string; bodies: { id: string; kind: string }[] };

/** Today's communes with their bodies. */
async function communes(database: Database): Promise<Commune[]> {
  const rows = await queryRows<{
    id: string;
    provinceId: string;
    rollupPath: string;
    bodyId: string;
    kind: string;
  }>(
    database.db,
    sql`select c.id, c.province_id as "provinceId", c.rollup_path as "rollupPath", b.id as "bodyId", b.kind
        from org_units c join bodies b on b.org_unit_id = c.id
        where c.kind = 'commune' and c.valid_to is null order by c.code, b.kind`,
  );
  const byId = new Map<string, Commune>();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, provinceId: r.provinceId, rollupPath: r.rollupPath, bodies: [] };
    c.bodies.push({ id: r.bodyId, kind: r.kind });
    byId.set(r.id, c);
  }
  return [...byId.values()];
}

type Row = {
  id: string;
  unit: Commune;
  kind: string;
  date: string;
  topics: string[];
  organisers: { id: string; kind: string }[];
  figures: number[]; // attendees, households, students, leaflets, panels, slogans, broadcast_items
  hours: string;
};

/**
 * Random activities: a commune picked with an uneven weight (0.3–1.7, so a province's share follows its
 * number of communes), a date in `year`, 1–2 topics, 1–3 of the commune's bodies as organisers.
 */
function generator(units: Commune[], year: number, seed: number): () => Row {
  const rand = rng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < units.length; i++) cumulative.push((sum += 0.3 + rand() * 1.4));
  const pickUnit = () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return units[lo]!;
  };
  const jan1 = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - jan1) / 86_400_000;
  return () => {
    const unit = pickUnit();
    const kind = ACTIVITY_KINDS[int(ACTIVITY_KINDS.length)]!;
    const topics = [...new Set([ACTIVITY_TOPICS[int(9)]!, ACTIVITY_TOPICS[int(9)]!].slice(0, 1 + int(2)))];
    const organisers = [
      ...new Set(Array.from({ length: 1 + int(3) }, () => unit.bodies[int(unit.bodies.length)]!)),
    ];
    const broadcast = kind === "broadcast";
    return {
      id: randomUUID(),
      unit,
      kind,
      date: new Date(jan1 + int(days) * 86_400_000).toISOString().slice(0, 10),
      topics,
      organisers,
      figures: [
        10 + int(200),
        int(80),
        kind === "school_session" ? int(500) : 0,
        int(300),
        int(3),
        int(5),
        +broadcast,
      ],
      hours: broadcast ? (int(400) / 100).toFixed(2) : "0",
    };
  };
}

const COLUMNS =
  "id, org_unit_id, province_id, rollup_path, kind, date, topics, organizer_kinds, attendees, households, " +
  "students, leaflets, panels, slogans, broadcast_items, broadcast_hours";

/** PGlite: COPY … FROM '/dev/blob' in text format, one statement per chunk for each table. */
async function copyChunk(database: Database, rows: Row[]): Promise<void> {
  const pglite = database.pglite!;
  const arr = (xs: string[]) => `{${xs.join(",")}}`;
  const a = rows.map((r) =>
    [
      r.id,
      r.unit.id,
      r.unit.provinceId,
      r.unit.rollupPath,
      r.kind,
      r.date,
      arr(r.topics),
      arr(organizerKindsOf(r.organisers)),
      ...r.figures,
      r.hours,
    ].join("\t"),
  );
  const o = rows.flatMap((r) => r.organisers.map((b) => `${r.id}\t${b.id}\t${b.kind}`));
  await pglite.transaction(async (tx) => {
    await tx.query(`copy activities (${COLUMNS}) from '/dev/blob'`, [], {
      blob: new Blob([`${a.join("\n")}\n`]),
    });
    await tx.query(`copy activity_organizers (activity_id, body_id, body_kind) from '/dev/blob'`, [], {
      blob: new Blob([`${o.join("\n")}\n`]),
    });
  });
}

/** PostgreSQL: multi-row INSERT … SELECT FROM unnest(array parameters), `batch` rows a statement. */
async function insertChunk(database: Database, rows: Row[], batch: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += batch) {
      const part = rows.slice(i, i + batch);
      const col = <T>(f: (r: Row) => T) => sql.param(part.map(f));
      const fig = (k: number) => sql.param(part.map((r) => r.figures[k]!));
      await tx.execute(sql`insert into activities (${sql.raw(COLUMNS)})
        select t.id, t.u, t.p, t.rp, t.k, t.d, string_to_array(t.tp, ','), string_to_array(t.ok, ','),
          t.f0, t.f1, t.f2, t.f3, t.f4, t.f5, t.f6, t.h
        from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.unit.id)}::uuid[],
          ${col((r) => r.unit.provinceId)}::uuid[], ${col((r) => r.unit.rollupPath)}::text[],
          ${col((r) => r.kind)}::text[], ${col((r) => r.date)}::date[], ${col((r) => r.topics.join(","))}::text[],
          ${col((r) => organizerKindsOf(r.organisers).join(","))}::text[], ${fig(0)}::int[], ${fig(1)}::int[],
          ${fig(2)}::int[], ${fig(3)}::int[], ${fig(4)}::int[], ${fig(5)}::int[], ${fig(6)}::int[],
          ${col((r) => r.hours)}::numeric[]) as t(id, u, p, rp, k, d, tp, ok, f0, f1, f2, f3, f4, f5, f6, h)`);
      const orgs = part.flatMap((r) => r.organisers.map((b) => [r.id, b.id, b.kind] as const));
      await tx.execute(sql`insert into activity_organizers (activity_id, body_id, body_kind)
        select * from unnest(${sql.param(orgs.map((x) => x[0]))}::uuid[], ${sql.param(orgs.map((x) => x[1]))}::uuid[],
          ${sql.param(orgs.map((x) => x[2]))}::text[])`);
    }
  });
}

/**
 * Loads `total` activities with their organisers dated in `year`, `chunk` rows per transaction.
 * Returns how they were written.
 */
export async function loadActivities(
  database: Database,
  total: number,
  year: number,
  onProgress: (done: number) => void,
  chunk = 50_000,
): Promise<{ method: string; communes: number }> {
  const units = await communes(database);
  const next = generator(units, year, 2025);
  for (let done = 0; done < total; done += chunk) {
    const rows = Array.from({ length: Math.min(chunk, total - done) }, next);
    if (database.pglite) await copyChunk(database, rows);
    else await insertChunk(database, rows, 5_000);
    onProgress(done + rows.length);
  }
  return {
    method: database.pglite
      ? `COPY FROM '/dev/blob' (text format), ${chunk} rows a transaction`
      : `INSERT … SELECT FROM unnest(arrays), 5,000 rows a statement, ${chunk} rows a transaction`,
    communes: units.length,
  };
}
