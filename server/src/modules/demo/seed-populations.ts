import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { unitPopulations } from "../org-units/populations.table";

/** The source every demo population carries: made-up figures, never statistics. */
export const DEMO_POPULATION_SOURCE = "Số liệu minh họa (dữ liệu demo, không phải số liệu thống kê)";
export const DEMO_POPULATION_AS_OF = "2024-12-31";
/** Left without a population, so the map shows what "chưa có số dân" looks like. */
export const DEMO_WITHOUT_POPULATION = 4;

/**
 * A made-up population for each current commune of Cà Mau but the last few by code (demo values:
 * 12,000–59,999, fixed by the commune's code so every demo start gives the same), each recorded
 * and audited as a province cadre would.
 */
export async function seedDemoPopulations(db: Db, provinceId: string, recordedBy: string): Promise<number> {
  const communes = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from org_units
        where parent_id = ${provinceId} and kind = 'commune' and valid_to is null and code is not null
        order by code`,
  );
  const seeded = communes.slice(0, Math.max(0, communes.length - DEMO_WITHOUT_POPULATION));
  await db.transaction(async (tx) => {
    for (const c of seeded) {
      const population = 12_000 + (createHash("sha256").update(c.code).digest().readUInt32BE(0) % 48_000);
      await tx.insert(unitPopulations).values({
        orgUnitId: c.id,
        population,
        asOf: DEMO_POPULATION_AS_OF,
        source: DEMO_POPULATION_SOURCE,
        recordedBy,
      });
      await recordEvent(tx, {
        actorId: recordedBy,
        action: "org_unit.population_recorded",
        entityType: "org_unit",
        entityId: c.id,
        orgUnitId: c.id,
        data: { population, asOf: DEMO_POPULATION_AS_OF, source: DEMO_POPULATION_SOURCE },
      });
    }
  });
  return seeded.length;
}
