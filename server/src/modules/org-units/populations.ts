import type { RecordPopulationBody, UnitPopulation, UnitPopulations } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { isInScope, type Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { loadUnit, type UnitRow } from "./places";
import { unitPopulations } from "./populations.table";

/** Only a commune in force has a population to record (rates per 10,000 are by commune). */
function assertCommune(unit: UnitRow): void {
  if (unit.kind !== "commune" || unit.validTo !== null) {
    throw validationFailed([
      { path: "id", message: "Chỉ ghi số dân cho xã, phường, đặc khu đang có hiệu lực" },
    ]);
  }
}

/**
 * Records a commune's population as a new row (earlier figures are kept as its history), audited.
 * A commune's cadres record their own commune's, a province's cadres those of its communes.
 */
export async function recordPopulation(
  db: Db,
  actor: Actor,
  unitId: string,
  body: RecordPopulationBody,
): Promise<string> {
  const unit = await loadUnit(db, actor, unitId, { permission: "org_unit.population", scope: "path" });
  assertCommune(unit);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(unitPopulations)
      .values({
        orgUnitId: unit.id,
        population: body.population,
        asOf: body.asOf,
        source: body.source,
        recordedBy: actor.accountId,
      })
      .returning({ id: unitPopulations.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "org_unit.population_recorded",
      entityType: "org_unit",
      entityId: unit.id,
      orgUnitId: unit.id,
      data: { population: body.population, asOf: body.asOf, source: body.source },
    });
    return row!.id;
  });
}

type PopulationRow = {
  id: string;
  org_unit_id: string;
  population: number;
  as_of: string;
  source: string;
  recorded_by_name: string | null;
  recorded_at: string | Date;
};

/** A commune's recorded populations, the one in force first; with whether the caller may add one. */
export async function listPopulations(db: Db, actor: Actor, unitId: string): Promise<UnitPopulations> {
  const unit = await loadUnit(db, actor, unitId);
  const rows = await queryRows<PopulationRow>(
    db,
    sql`select p.id, p.org_unit_id, p.population, p.as_of::text as as_of, p.source,
          a.display_name as recorded_by_name, p.recorded_at
        from unit_populations p left join accounts a on a.id = p.recorded_by
        where p.org_unit_id = ${unit.id}
        order by p.as_of desc, p.recorded_at desc`,
  );
  return {
    items: rows.map((r): UnitPopulation => ({
      id: r.id,
      orgUnitId: r.org_unit_id,
      population: Number(r.population),
      asOf: r.as_of,
      source: r.source,
      recordedByName: r.recorded_by_name,
      recordedAt: new Date(r.recorded_at).toISOString(),
    })),
    canRecord:
      unit.kind === "commune" && unit.validTo === null && isInScope(actor, "org_unit.population", unit.path),
  };
}

/**
 * The population in force on `on` for each of the given units: the latest `as_of` on or before that
 * day (ties: the latest recorded). Units with none recorded by then are absent from the map.
 */
export async function populationsOn(
  db: Db,
  unitIds: readonly string[],
  on: string,
): Promise<Map<string, { population: number; asOf: string; source: string }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{ org_unit_id: string; population: number; as_of: string; source: string }>(
    db,
    sql`select distinct on (p.org_unit_id) p.org_unit_id, p.population, p.as_of::text as as_of, p.source
        from unit_populations p
        where p.org_unit_id in (${sql.join(
          unitIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and p.as_of <= ${on}
        order by p.org_unit_id, p.as_of desc, p.recorded_at desc`,
  );
  return new Map(
    rows.map((r) => [r.org_unit_id, { population: Number(r.population), asOf: r.as_of, source: r.source }]),
  );
}
