import type { BodyKind } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { organizerKindsOf } from "../activities";
import { activities, activityOrganizers } from "../activities/activities.table";
import { sealMember, type RosterCrypto } from "../groups";
import { groupMembers, groups } from "../groups/groups.table";
import { provinceOf } from "../org-units";
import { dateBetween, distribute, prng } from "./distribute";
import {
  SEED_004,
  SEED_001,
  BAC_LIEU_CITY,
  BINH_THUAN,
  BAC_LIEU_CITY_GROUPS,
  BINH_THUAN_MODELS,
  FAMILY,
  MIDDLE,
  GIVEN,
  SEED_000,
  BAC_LIEU_PROVINCE_2019,
  type ActivitySpec,
  type FigureKey,
  type GroupSpec,
} from "./seed-history.data";

/**
 * Demo history: individual records, made at the pre-reform units the seed articles describe, whose
 * totals are the figures those articles quote. Nothing is stored as a total: every figure comes back
 * by query, and rolls up into today's units through the reform lineage.
 */

type Unit = { id: string; provinceId: string; rollupPath: string; bodies: Partial<Record<BodyKind, string>> };

/** Pre-reform communes (with their bodies) under the given old district codes or old province code. */
async function oldCommunes(db: Db, where: { districts?: string[]; province?: string }): Promise<Unit[]> {
  const cond = where.districts
    ? sql`d.code in (${sql.join(
        where.districts.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql`p.code = ${where.province}`;
  const rows = await queryRows<{ id: string; rollupPath: string; kind: BodyKind; bodyId: string }>(
    db,
    sql`select c.id, c.rollup_path as "rollupPath", b.kind, b.id as "bodyId"
        from org_units c join org_units d on d.id = c.parent_id join org_units p on p.id = d.parent_id
        join bodies b on b.org_unit_id = c.id
        where c.kind = 'commune' and c.valid_to = '2025-06-30' and d.kind = 'district' and ${cond}
        order by c.code`,
  );
  const units = new Map<string, Unit>();
  for (const r of rows) {
    // A pre-reform commune's records count in today's province (its rollup path), as the app writes them.
    const provinceId = provinceOf(r.rollupPath)!;
    const u = units.get(r.id) ?? { id: r.id, provinceId, rollupPath: r.rollupPath, bodies: {} };
    u.bodies[r.kind] = r.bodyId;
    units.set(r.id, u);
  }
  return [...units.values()];
}

type ActivityRow = typeof activities.$inferInsert & { id: string };

/** One or two topics of the list. */
function pickTopics(topics: string[], rand: () => number): string[] {
  const pick = () => topics[Math.floor(rand() * topics.length)]!;
  return [...new Set(rand() < 0.4 ? [pick(), pick()] : [pick()])];
}

type Airing = {
  broadcastStations: number;
  broadcastAirings: number;
  broadcastMinutes: number;
  hours: number;
};

/** Each broadcast's airings, whose hours (airings × minutes / 60) add up to `spec.airings.hours`. */
function buildAirings(spec: ActivitySpec, rand: () => number): Airing[] {
  if (!spec.airings) return [];
  const { hours, minutes, stations } = spec.airings;
  return distribute(hours * 4, spec.count, rand).map((quarters) => {
    // airings × m = quarters × 15 minutes, in whole airings.
    const fits = minutes.filter((m) => (quarters * 15) % m === 0);
    const m = fits[Math.floor(rand() * fits.length)]!;
    const airings = (quarters * 15) / m;
    const divisors = [];
    for (let d = stations[0]; d <= stations[1]; d++) if (airings % d === 0) divisors.push(d);
    const clusters = divisors.length ? divisors[Math.floor(rand() * divisors.length)]! : 0;
    return {
      broadcastStations: clusters,
      broadcastAirings: airings,
      broadcastMinutes: m,
      hours: quarters / 4,
    };
  });
}

function buildActivities(units: Unit[], spec: ActivitySpec, seed: number, note: string) {
  const rand = prng(seed);
  const split = Object.fromEntries(
    Object.entries(spec.figures).map(([k, total]) => [
      k,
      distribute(total, spec.count, rand, spec.min?.[k as FigureKey] ?? 0),
    ]),
  ) as Record<string, number[]>;
  for (const [k, choices] of Object.entries(spec.each ?? {})) {
    split[k] = Array.from({ length: spec.count }, () => choices[Math.floor(rand() * choices.length)]!);
  }
  const airings = buildAirings(spec, rand);
  const rows: ActivityRow[] = [];
  const organizers: (typeof activityOrganizers.$inferInsert)[] = [];
  for (let i = 0; i < spec.count; i++) {
    const unit = units[Math.floor(rand() * units.length)]!;
    const id = randomUUID();
    const figure = (k: string) => split[k]?.[i] ?? 0;
    const kinds = spec.organizers[Math.floor(rand() * spec.organizers.length)]!.filter((k) => unit.bodies[k]);
    for (const kind of kinds) organizers.push({ activityId: id, bodyId: unit.bodies[kind]!, bodyKind: kind });
    rows.push({
      id,
      orgUnitId: unit.id,
      provinceId: unit.provinceId,
      rollupPath: unit.rollupPath,
      kind: spec.kind,
      date: dateBetween(spec.from, spec.to, rand),
      topics: pickTopics(spec.topics, rand),
      attendees: figure("attendees"),
      households: figure("households"),
      students: figure("students"),
      leaflets: figure("leaflets"),
      panels: figure("panels"),
      slogans: figure("slogans"),
      broadcastItems: figure("broadcastItems"),
      broadcastHours: String(airings[i]?.hours ?? figure("broadcastHours")),
      broadcastStations: airings[i]?.broadcastStations ?? 0,
      broadcastAirings: airings[i]?.broadcastAirings ?? 0,
      broadcastMinutes: airings[i]?.broadcastMinutes ?? 0,
      notes: note,
      organizerKinds: organizerKindsOf(kinds.map((kind) => ({ kind }))),
    });
  }
  return { rows, organizers };
}

function buildGroups(units: Unit[], specs: GroupSpec[], seed: number, range: [string, string], note: string) {
  const rand = prng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const rows: (typeof groups.$inferInsert & { id: string })[] = [];
  const members: (typeof groupMembers.$inferInsert)[] = [];
  for (const spec of specs) {
    // Every group has at least one member when the spec has members; the rest are spread.
    const extra = distribute(Math.max(0, spec.members - (spec.members ? spec.count : 0)), spec.count, rand);
    for (let i = 0; i < spec.count; i++) {
      const unit = units[Math.floor(rand() * units.length)]!;
      const id = randomUUID();
      const foundedOn = dateBetween(range[0], range[1], rand);
      rows.push({
        id,
        orgUnitId: unit.id,
        provinceId: unit.provinceId,
        rollupPath: unit.rollupPath,
        typeCode: spec.typeCode,
        name: `${spec.label} số ${i + 1}`,
        foundedOn,
        status: spec.status,
        notes: note,
      });
      const n = (spec.members ? 1 : 0) + (extra[i] ?? 0);
      for (let m = 0; m < n; m++) {
        members.push({
          groupId: id,
          fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
          joinedOn: foundedOn,
          role: m === 0 ? "Tổ trưởng" : "Thành viên",
        });
      }
    }
  }
  return { rows, members };
}

/** Current units (and their bodies) by id, for this year's demo records. */
async function unitsById(db: Db, ids: string[]): Promise<Unit[]> {
  const rows = await queryRows<{
    id: string;
    provinceId: string;
    rollupPath: string;
    kind: BodyKind;
    bodyId: string;
  }>(
    db,
    sql`select u.id, u.province_id as "provinceId", u.rollup_path as "rollupPath", b.kind, b.id as "bodyId"
        from org_units u join bodies b on b.org_unit_id = u.id
        where u.id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
  const units = new Map<string, Unit>();
  for (const r of rows) {
    const u = units.get(r.id) ?? { id: r.id, provinceId: r.provinceId, rollupPath: r.rollupPath, bodies: {} };
    u.bodies[r.kind] = r.bodyId;
    units.set(r.id, u);
  }
  return [...units.values()];
}

/** This year's demo activities in Phường Bạc Liêu and its Khóm 1, up to `today`. */
export async function seedDemoThisYear(db: Db, unitIds: string[], today: string): Promise<number> {
  const units = await unitsById(db, unitIds);
  const from = `${today.slice(0, 4)}-01-01`;
  const note = "Dữ liệu minh họa";
  const specs: ActivitySpec[] = [
    {
      kind: "propaganda_session",
      count: 46,
      figures: { attendees: 2_870 },
      organizers: [["front"], ["front", "police"], ["women"]],
      topics: ["drugs", "scams", "cyber_crime", "loan_sharks"],
      from,
      to: today,
    },
    {
      kind: "meeting",
      count: 12,
      figures: { households: 640 },
      organizers: [["front"], ["front", "farmers"]],
      topics: ["law"],
      from,
      to: today,
    },
    {
      kind: "school_session",
      count: 6,
      figures: { students: 1_450 },
      organizers: [["police", "youth"]],
      topics: ["traffic", "cyber_crime"],
      from,
      to: today,
    },
    {
      kind: "leaflet_distribution",
      count: 8,
      figures: { leaflets: 3_200 },
      organizers: [["front"], ["police"]],
      topics: ["scams"],
      from,
      to: today,
    },
  ];
  const batches = specs.map((spec, i) => buildActivities(units, spec, 7000 + i, note));
  await db.transaction(async (tx) => {
    for (const b of batches) {
      await tx.insert(activities).values(b.rows);
      if (b.organizers.length) await tx.insert(activityOrganizers).values(b.organizers);
    }
  });
  return batches.reduce((n, b) => n + b.rows.length, 0);
}

/** Inserts the demo history (once, with the demo seed). Returns the number of activities. */
export async function seedDemoHistory(db: Db, crypto: RosterCrypto): Promise<number> {
  const bacLieu = await oldCommunes(db, { districts: ["954"] });
  const binhThuan = await oldCommunes(db, { province: "60" });
  const bacLieuProvince = await oldCommunes(db, { province: "95" });
  const batches = [
    ...BAC_LIEU_CITY.map((s, i) => buildActivities(bacLieu, s, 4000 + i, SEED_004)),
    ...BINH_THUAN.map((s, i) => buildActivities(binhThuan, s, 1000 + i, SEED_001)),
    ...BAC_LIEU_PROVINCE_2019.map((s, i) => buildActivities(bacLieuProvince, s, 500 + i, SEED_000)),
  ];
  const groupBatches = [
    buildGroups(bacLieu, BAC_LIEU_CITY_GROUPS, 4100, ["2012-06-01", "2016-12-31"], SEED_004),
    buildGroups(
      await oldCommunes(db, { districts: ["594", "595", "596", "599", "600"] }),
      BINH_THUAN_MODELS,
      1100,
      ["2018-03-01", "2020-06-30"],
      SEED_001,
    ),
  ];
  const total = batches.reduce((n, b) => n + b.rows.length, 0);
  await db.transaction(async (tx) => {
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "activity",
      data: {
        activities: total,
        sources: [
          "seed 004: former Bạc Liêu city",
          "seed 001: former Bình Thuận",
          "seed 000: former Bạc Liêu province",
        ],
      },
    });
    for (const g of groupBatches) {
      for (let i = 0; i < g.rows.length; i += 1000) await tx.insert(groups).values(g.rows.slice(i, i + 1000));
      // Roster identities are written sealed (issue 19): a Khmer-clan roster reveals ethnicity.
      const sealedMembers = g.members.map(({ fullName, ...m }) => {
        const id = randomUUID();
        return { ...m, id, ...sealMember(crypto, id, { fullName: fullName! }) };
      });
      for (let i = 0; i < sealedMembers.length; i += 2000) {
        await tx.insert(groupMembers).values(sealedMembers.slice(i, i + 2000));
      }
    }
    for (const b of batches) {
      for (let i = 0; i < b.rows.length; i += 1000) {
        await tx.insert(activities).values(b.rows.slice(i, i + 1000));
      }
      for (let i = 0; i < b.organizers.length; i += 2000) {
        await tx.insert(activityOrganizers).values(b.organizers.slice(i, i + 2000));
      }
    }
  });
  return total;
}
