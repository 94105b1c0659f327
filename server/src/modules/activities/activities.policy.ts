import {
  MEMBER_ORG_BODY_KINDS,
  roleHasPermission,
  type ActivityAbilities,
  type ApiIssue,
  type BodyKind,
  type Permission,
  formatVnDate,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";
import { forbidden } from "../../kernel/errors";
import type { ActivityUnitRow, OrganizerJson } from "./activities.queries";

const MEMBER_ORGS = new Set<string>(MEMBER_ORG_BODY_KINDS);

/**
 * Body kinds the actor is limited to when it acts on a record at `rollupPath`: null when one of its
 * applicable grants is not a member-organisation cadre's (no limit).
 */
export function memberOrgLimit(
  actor: Actor,
  permission: Permission,
  rollupPath: string,
): Set<BodyKind> | null {
  const grants = actor.roles.filter(
    (r) => rollupPath.startsWith(r.orgUnitPath) && roleHasPermission(r.role, permission),
  );
  const unlimited = grants.some((r) => r.role !== "member_org_cadre" || !MEMBER_ORGS.has(r.body));
  if (unlimited || grants.length === 0) return null;
  return new Set(grants.map((r) => r.body));
}

/** The actor holds `permission` over a record at `rollupPath` and its organisers allow it. */
function mayActOn(
  actor: Actor,
  permission: Permission,
  rollupPath: string,
  organizers: { kind: string }[],
): boolean {
  if (!isInScope(actor, permission, rollupPath)) return false;
  const limit = memberOrgLimit(actor, permission, rollupPath);
  return !limit || organizers.some((o) => limit.has(o.kind as BodyKind));
}

/**
 * What the actor may do with an activity now — the rules the update and delete commands enforce:
 * the permission over the activity's unit, a member-organisation cadre only on its own
 * organisation's activities, and no approved report locking the activity's period.
 */
export function activityAbilities(
  actor: Actor,
  a: { rollupPath: string; organizers: { kind: string }[]; locked: boolean },
): ActivityAbilities {
  return {
    edit: !a.locked && mayActOn(actor, "activity.update", a.rollupPath, a.organizers),
    delete: !a.locked && mayActOn(actor, "activity.delete", a.rollupPath, a.organizers),
  };
}

/**
 * Whether the actor may record an activity from a list: at the unit it is filtered to, or
 * (unfiltered) somewhere in its scope. A member-organisation cadre may, with its organisation
 * among the organisers.
 */
export function mayCreateActivity(actor: Actor, unit: { rollupPath: string } | undefined): boolean {
  return unit
    ? isInScope(actor, "activity.create", unit.rollupPath)
    : hasPermission(actor, "activity.create");
}

/** A member-organisation cadre records only activities its own organisation co-organises (else 403). */
export function assertMayRecord(
  actor: Actor,
  permission: Permission,
  rollupPath: string,
  organizers: { kind: string }[],
): void {
  const limit = memberOrgLimit(actor, permission, rollupPath);
  if (limit && !organizers.some((o) => limit.has(o.kind as BodyKind))) {
    throw forbidden("Cán bộ hội, đoàn thể chỉ ghi hoạt động do tổ chức của mình chủ trì hoặc phối hợp.");
  }
}

/**
 * Loads the organising bodies (one query) and checks that each sits at the activity's unit or one
 * of its ancestors — in the old tree or in the current unit it rolls up into.
 */
export async function loadOrganizers(
  db: Db,
  unit: Pick<ActivityUnitRow, "path" | "rollupPath">,
  ids: string[],
): Promise<{ organizers: OrganizerJson[]; issues: ApiIssue[] }> {
  const rows = await queryRows<OrganizerRow>(
    db,
    sql`select b.id, b.kind, b.name, bu.path from bodies b join org_units bu on bu.id = b.org_unit_id
        where b.id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
  return checkOrganizers(unit, rows, ids);
}

export type OrganizerRow = OrganizerJson & { path: string };

/** Each requested body must exist and belong to the activity's unit or one above it. */
export function checkOrganizers(
  unit: Pick<ActivityUnitRow, "path" | "rollupPath">,
  rows: OrganizerRow[],
  ids: string[],
): { organizers: OrganizerJson[]; issues: ApiIssue[] } {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const issues: ApiIssue[] = [];
  const organizers: OrganizerJson[] = [];
  ids.forEach((id, i) => {
    const b = byId.get(id);
    const path = `organizerBodyIds.${i}`;
    if (!b) {
      issues.push({ path, message: "Không tìm thấy đơn vị tổ chức" });
    } else if (!unit.path.startsWith(b.path) && !unit.rollupPath.startsWith(b.path)) {
      issues.push({ path, message: "Đơn vị tổ chức phải thuộc đơn vị của hoạt động hoặc cấp trên" });
    } else {
      organizers.push({ id: b.id, kind: b.kind, name: b.name });
    }
  });
  return { organizers, issues };
}

/** Distinct organiser body kinds, sorted: the `organizer_kinds` copy on the activity row. */
export const organizerKindsOf = (organizers: { kind: string }[]) =>
  [...new Set(organizers.map((o) => o.kind))].sort();

/** Records at a pre-reform unit (historic reports) must be dated while the unit existed. */
export function dateIssues(unit: Pick<ActivityUnitRow, "validTo">, date: string): ApiIssue[] {
  if (unit.validTo && date > unit.validTo) {
    return [{ path: "date", message: `Đơn vị này chỉ còn hiệu lực đến ngày ${formatVnDate(unit.validTo)}` }];
  }
  return [];
}
