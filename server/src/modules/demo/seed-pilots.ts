import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { groupEquipmentChanges, groupOnlineChannels } from "../groups/group-equipment.table";
import { pilots } from "../pilots/pilots.table";
import { prng } from "./distribute";
import { SEED_001, SEED_004 } from "./seed-history.data";

/**
 * Seed 001's 40 pilot models "Khu dân cư phòng, chống tội phạm và ma túy" (already seeded as groups
 * at the pre-reform communes of Tuy Phong, Bắc Bình, Tánh Linh, Đức Linh and La Gi) designated as
 * pilots by their district Front on their founding day; and, for a few self-management groups of the
 * former Bạc Liêu city (seed 004), the cameras, lights and gates they run and their Zalo groups. The
 * seeds name no decision numbers and no equipment counts: those are illustrative.
 */
export async function seedDemoPilots(db: Db): Promise<{ pilots: number; models: number }> {
  const models = await queryRows<{
    id: string;
    orgUnitId: string;
    rollupPath: string;
    foundedOn: string;
    district: string;
  }>(
    db,
    sql`select g.id, g.org_unit_id as "orgUnitId", g.rollup_path as "rollupPath", g.founded_on::text as "foundedOn",
          lower(left(d.full_name, 1)) || substr(d.full_name, 2) as district
        from groups g join org_units c on c.id = g.org_unit_id join org_units d on d.id = c.parent_id
        where g.type_code = 'crime_drug_free_area' and d.kind = 'district'
          and d.code in ('594', '595', '596', '599', '600')
          and not exists (select 1 from pilots p where p.group_id = g.id)
        order by g.founded_on, g.id`,
  );
  const equipped = await queryRows<{ id: string; foundedOn: string; members: number }>(
    db,
    sql`select g.id, g.founded_on::text as "foundedOn",
          (select count(*) from group_members m where m.group_id = g.id)::int as members
        from groups g join org_units c on c.id = g.org_unit_id join org_units d on d.id = c.parent_id
        where g.type_code in ('self_management_group', 'people_security_group') and d.kind = 'district'
          and d.code = '954' and g.status <> 'dissolved'
          and not exists (select 1 from group_equipment_changes e where e.group_id = g.id)
        order by g.founded_on, g.id limit 12`,
  );
  const rand = prng(1700);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  await db.transaction(async (tx) => {
    if (models.length) {
      await tx.insert(pilots).values(
        models.map((m, i) => ({
          orgUnitId: m.orgUnitId,
          rollupPath: m.rollupPath,
          groupId: m.id,
          typeCode: "crime_drug_free_area",
          topic: "Khu dân cư phòng, chống tội phạm và ma túy",
          decisionNumber: `${i + 1}/QĐ-MTTQ`,
          decisionIssuer: `Ban Thường trực Ủy ban MTTQ Việt Nam ${m.district}`,
          decisionOn: m.foundedOn,
          note: SEED_001,
        })),
      );
    }
    for (const g of equipped) {
      const on = g.foundedOn;
      const rows = [
        { kind: "camera", change: between(2, 8), fundedBy: "community" },
        { kind: "street_light", change: between(4, 15), fundedBy: "community" },
        { kind: "gate", change: 1, fundedBy: "state" },
      ].map((r) => ({ groupId: g.id, on, note: SEED_004, ...r }));
      await tx.insert(groupEquipmentChanges).values(rows);
      await tx.insert(groupOnlineChannels).values({
        groupId: g.id,
        platform: "zalo",
        name: "Nhóm Zalo an ninh trật tự khóm",
        members: Math.max(g.members, 1) * between(8, 20),
        startedOn: on,
        forPropaganda: true,
        forTips: true,
      });
    }
  });
  return { pilots: models.length, models: equipped.length };
}
