import type { ApiIssue, CreateGroupBody } from "@toandan/contracts";
import { and, eq, ne, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { pathInScope, type Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { unitForRecord, type UnitForRecord } from "../groups.queries";
import { groups, groupTypes } from "../groups.table";

/** The group a new one is replicated from: visible to the caller and of the same type. */
async function checkOrigin(db: Db, actor: Actor, body: CreateGroupBody): Promise<ApiIssue | null> {
  if (!body.replicatedFromId) return null;
  const [origin] = await queryRows<{ typeCode: string; foundedOn: string }>(
    db,
    sql`select g.type_code as "typeCode", g.founded_on::text as "foundedOn" from groups g
        where g.id = ${body.replicatedFromId} and ${pathInScope(actor, "group.read", sql`g.rollup_path`)}`,
  );
  const path = "replicatedFromId";
  if (!origin) return { path, message: "Không tìm thấy tổ, mô hình gốc" };
  if (origin.typeCode !== body.typeCode) {
    return { path, message: "Mô hình nhân rộng phải cùng loại với mô hình gốc" };
  }
  if (origin.foundedOn > body.foundedOn) {
    return { path: "foundedOn", message: "Mô hình nhân rộng không thể thành lập trước mô hình gốc" };
  }
  return null;
}

/** The managing body must belong to the group's unit or one of its ancestors. */
async function checkManagingBody(db: Db, unit: UnitForRecord, bodyId: string | undefined) {
  if (!bodyId) return null;
  const [found] = await queryRows<{ id: string }>(
    db,
    sql`select b.id from bodies b join org_units bu on bu.id = b.org_unit_id
        where b.id = ${bodyId} and ${unit.path} like bu.path || '%'`,
  );
  return found
    ? null
    : { path: "managingBodyId", message: "Cơ quan quản lý phải thuộc đơn vị này hoặc đơn vị cấp trên" };
}

/** Registers a team or model at a unit in the actor's scope. */
export async function createGroup(db: Db, actor: Actor, body: CreateGroupBody): Promise<string> {
  const unit = await unitForRecord(db, actor, body.orgUnitId, "group.manage");
  const [type] = await db.select().from(groupTypes).where(eq(groupTypes.code, body.typeCode));
  const issues: ApiIssue[] = [];
  if (!type) issues.push({ path: "typeCode", message: "Loại tổ, mô hình không có trong danh mục" });
  const origin = type ? await checkOrigin(db, actor, body) : null;
  if (origin) issues.push(origin);
  const managing = await checkManagingBody(db, unit, body.managingBodyId);
  if (managing) issues.push(managing);
  if (issues.length) throw validationFailed(issues);
  const [clash] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(
        eq(groups.orgUnitId, unit.id),
        eq(groups.typeCode, body.typeCode),
        sql`lower(${groups.name}) = lower(${body.name})`,
        ne(groups.status, "dissolved"),
      ),
    );
  if (clash) throw conflict("Đã có tổ, mô hình cùng loại và cùng tên tại đơn vị này");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groups)
      .values({
        orgUnitId: unit.id,
        provinceId: unit.provinceId,
        rollupPath: unit.rollupPath,
        typeCode: body.typeCode,
        name: body.name,
        foundedOn: body.foundedOn,
        status: body.status,
        replicatedFromId: body.replicatedFromId ?? null,
        managingBodyId: body.managingBodyId ?? null,
        notes: body.notes ?? null,
        createdBy: actor.accountId,
      })
      .returning({ id: groups.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.created",
      entityType: "group",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: { ...body },
    });
    return row!.id;
  });
}
