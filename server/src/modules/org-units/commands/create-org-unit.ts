import { randomUUID } from "node:crypto";
import { foldVietnamese, type CreateOrgUnitBody, todayInVietnam } from "@toandan/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { bodiesFor } from "../bodies";
import type { OrgUnitDbRow } from "../org-units.queries";
import { loadUnit } from "../places";
import { bodies, orgUnits } from "../org-units.table";

export type LocalUnitInput = Omit<CreateOrgUnitBody, "parentId">;

/** Checks that `parent` can hold local units: a commune valid today. */
export function assertCommuneParent(parent: OrgUnitDbRow, path = "parentId"): void {
  if (parent.kind !== "commune" || parent.validTo !== null) {
    throw validationFailed([
      { path, message: "Chỉ tạo được đơn vị dưới một xã, phường hoặc đặc khu đang có hiệu lực" },
    ]);
  }
}

/** Inserts local units (and their bodies) under communes, inside the caller's transaction. */
export async function insertLocalUnits(
  tx: Db,
  items: { parent: OrgUnitDbRow; input: LocalUnitInput }[],
): Promise<string[]> {
  const today = todayInVietnam();
  const rows = items.map(({ parent, input }) => {
    const id = randomUUID();
    return {
      id,
      code: input.code ?? null,
      kind: input.kind,
      type: input.type ?? null,
      name: input.name,
      fullName: input.name,
      searchName: foldVietnamese(input.name),
      sortName: foldVietnamese(input.name),
      parentId: parent.id,
      provinceId: parent.provinceId,
      path: `${parent.path}${id}/`,
      rollupPath: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      validFrom: today,
      validTo: null,
      isOfficial: false,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(orgUnits).values(rows.slice(i, i + 1000));
  }
  const bodyRows = rows.flatMap((r) => bodiesFor(r.id, r.kind, r.fullName));
  for (let i = 0; i < bodyRows.length; i += 1000) {
    await tx.insert(bodies).values(bodyRows.slice(i, i + 1000));
  }
  return rows.map((r) => r.id);
}

export async function findSiblingClash(
  db: Db,
  parentId: string,
  input: LocalUnitInput,
): Promise<string | null> {
  const [byName] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.parentId, parentId),
        eq(orgUnits.kind, input.kind),
        eq(orgUnits.searchName, foldVietnamese(input.name)),
        sql`not ${orgUnits.isOfficial}`,
      ),
    );
  if (byName) return "Đã có đơn vị cùng loại và cùng tên trong xã này";
  if (input.code) {
    const [byCode] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.parentId, parentId), eq(orgUnits.code, input.code)));
    if (byCode) return "Mã đơn vị đã được dùng trong xã này";
  }
  return null;
}

/** Creates a residential area, agency, enterprise or school under a commune in the actor's scope. */
export async function createOrgUnit(db: Db, actor: Actor, body: CreateOrgUnitBody): Promise<string> {
  const parent = await loadUnit(db, actor, body.parentId, { permission: "org_unit.create" });
  assertCommuneParent(parent);
  const clash = await findSiblingClash(db, parent.id, body);
  if (clash) throw conflict(clash);
  return db.transaction(async (tx) => {
    const [id] = await insertLocalUnits(tx, [{ parent, input: body }]);
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "org_unit.created",
      entityType: "org_unit",
      entityId: id!,
      orgUnitId: id!,
      data: { parentId: parent.id, kind: body.kind, name: body.name, code: body.code ?? null },
    });
    return id!;
  });
}
