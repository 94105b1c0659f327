import {
  todayInVietnam,
  type ApiIssue,
  type RecordSafeFamiliesBody,
  type RecordSafeFamilyBody,
  type WithdrawSafeFamilyBody,
  formatVnDate,
} from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { pathInScope, type Actor } from "../../../kernel/authz";
import { conflict, notFound, validationFailed } from "../../../kernel/errors";
import { householdSafeFamilies } from "../households.table";
import { refuseRestricted } from "../../citizen";
import { getWritableHousehold, loadArea } from "../households.queries";

// Safe families ("gia đình an toàn về an ninh, trật tự"): the seeds report 95–97 % of households
// recognised each year. Circular 124/2021/TT-BCA (domain-rules §1) recognises residential areas and
// communes once a year (Art. 3.1) and asks every household living in an area to register (Art. 4.1);
// the household title itself comes from local practice, so its rules here are the app's own:
// one standing recognition per household and year, never for a future year, never for a household
// that had moved out before the year began. Households' other commands have no period lock, nor do these.

type Decision = Omit<RecordSafeFamilyBody, "year"> & { year: number };

/** The issues of a decision, whatever the household (the year and the decision date). */
function decisionIssues(d: Decision, prefix = ""): ApiIssue[] {
  const today = todayInVietnam();
  const issues: ApiIssue[] = [];
  if (d.year > Number(today.slice(0, 4))) {
    issues.push({ path: `${prefix}year`, message: "Chưa thể công nhận cho một năm chưa đến" });
  }
  if (d.decidedOn > today) {
    issues.push({ path: `${prefix}decidedOn`, message: "Ngày không được ở tương lai" });
  } else if (d.decidedOn < `${d.year}-01-01` || d.decidedOn > `${d.year + 1}-12-31`) {
    issues.push({
      path: `${prefix}decidedOn`,
      message: `Ngày công nhận phải thuộc năm ${d.year} hoặc năm ${d.year + 1}`,
    });
  }
  return issues;
}

const movedOutBefore = (movedOutOn: string | null, year: number) =>
  movedOutOn !== null && movedOutOn < `${year}-01-01`;

type Household = { id: string; orgUnitId: string; rollupPath: string };

async function insertRecognition(tx: Db, actor: Actor, h: Household, d: Decision): Promise<string> {
  const id = randomUUID();
  await tx.insert(householdSafeFamilies).values({
    id,
    householdId: h.id,
    rollupPath: h.rollupPath,
    year: d.year,
    decidedLevel: d.decidedLevel,
    decidedBy: d.decidedBy,
    decidedOn: d.decidedOn,
    decisionNumber: d.decisionNumber ?? null,
    note: d.note || null,
    recordedBy: actor.accountId,
  });
  await recordEvent(tx, {
    actorId: actor.accountId,
    action: "household.safe_family_recorded",
    entityType: "household",
    entityId: h.id,
    orgUnitId: h.orgUnitId,
    data: {
      householdId: h.id,
      year: d.year,
      decidedLevel: d.decidedLevel,
      decidedOn: d.decidedOn,
      decisionNumber: d.decisionNumber ?? null,
    },
  });
  return id;
}

async function standingYears(db: Db, householdIds: string[], year: number): Promise<Set<string>> {
  if (householdIds.length === 0) return new Set();
  const rows = await queryRows<{ householdId: string }>(
    db,
    sql`select household_id as "householdId" from household_safe_families
        where household_id = any(${sql.param(householdIds)}::uuid[]) and year = ${year}::int
          and withdrawn_on is null`,
  );
  return new Set(rows.map((r) => r.householdId));
}

/** Records one household's recognition as a safe family for a year. */
export async function recordSafeFamily(
  db: Db,
  actor: Actor,
  householdId: string,
  body: RecordSafeFamilyBody,
): Promise<string> {
  return db.transaction(async (tx) => {
    const household = await getWritableHousehold(tx, actor, householdId);
    const issues = decisionIssues(body);
    if (movedOutBefore(household.movedOutOn, body.year)) {
      issues.push({
        path: "year",
        message: `Hộ đã chuyển đi từ ngày ${formatVnDate(household.movedOutOn)}`,
      });
    }
    if (issues.length) throw validationFailed(issues);
    if ((await standingYears(tx, [householdId], body.year)).size) {
      throw conflict(`Hộ đã được công nhận gia đình an toàn về ANTT năm ${body.year}`);
    }
    return insertRecognition(tx, actor, household, body);
  });
}

/**
 * The residential area's yearly review: every chosen household of the area recognised under one
 * decision, in one transaction. Households already recognised for the year are left as they were.
 */
export async function recordSafeFamilies(
  db: Db,
  actor: Actor,
  body: RecordSafeFamiliesBody,
): Promise<{ recorded: number; alreadyRecognised: number }> {
  const area = await loadArea(db, actor, body.orgUnitId);
  const issues = decisionIssues(body);
  const rows = await queryRows<Household & { movedOutOn: string | null }>(
    db,
    sql`select id, org_unit_id as "orgUnitId", rollup_path as "rollupPath", moved_out_on::text as "movedOutOn"
        from households where id = any(${sql.param(body.householdIds)}::uuid[]) and org_unit_id = ${area.id}`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  body.householdIds.forEach((id, i) => {
    const h = byId.get(id);
    if (!h) issues.push({ path: `householdIds.${i}`, message: "Hộ không thuộc khu dân cư này" });
    else if (movedOutBefore(h.movedOutOn, body.year)) {
      issues.push({
        path: `householdIds.${i}`,
        message: `Hộ đã chuyển đi từ ngày ${formatVnDate(h.movedOutOn)}`,
      });
    }
  });
  if (issues.length) throw validationFailed(issues);
  return db.transaction(async (tx) => {
    await refuseRestricted(tx, "household", body.householdIds, "householdIds");
    const already = await standingYears(tx, body.householdIds, body.year);
    const todo = body.householdIds.filter((id) => !already.has(id)).map((id) => byId.get(id)!);
    for (const h of todo) await insertRecognition(tx, actor, h, body);
    return { recorded: todo.length, alreadyRecognised: already.size };
  });
}

/** Withdraws a standing recognition, with the reason (the row stays, marked withdrawn). */
export async function withdrawSafeFamily(
  db: Db,
  actor: Actor,
  id: string,
  body: WithdrawSafeFamilyBody,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<
      Household & { householdId: string; year: number; decidedOn: string; withdrawnOn: string | null }
    >(
      tx,
      sql`select s.household_id as "householdId", s.year, s.decided_on::text as "decidedOn",
            s.withdrawn_on::text as "withdrawnOn", h.org_unit_id as "orgUnitId", h.rollup_path as "rollupPath", h.id
          from household_safe_families s join households h on h.id = s.household_id
          where s.id = ${id} and ${pathInScope(actor, "household.manage", sql`h.rollup_path`)}`,
    );
    if (!row) throw notFound();
    await refuseRestricted(tx, "household", [row.householdId]);
    if (row.withdrawnOn !== null) throw conflict("Công nhận này đã bị thu hồi");
    if (body.withdrawnOn > todayInVietnam()) {
      throw validationFailed([{ path: "withdrawnOn", message: "Ngày không được ở tương lai" }]);
    }
    if (body.withdrawnOn < row.decidedOn) {
      throw validationFailed([{ path: "withdrawnOn", message: "Ngày thu hồi trước ngày công nhận" }]);
    }
    await tx
      .update(householdSafeFamilies)
      .set({ withdrawnOn: body.withdrawnOn, withdrawnReason: body.reason, withdrawnBy: actor.accountId })
      .where(and(eq(householdSafeFamilies.id, id), isNull(householdSafeFamilies.withdrawnOn)));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "household.safe_family_withdrawn",
      entityType: "household",
      entityId: row.householdId,
      orgUnitId: row.orgUnitId,
      data: {
        householdId: row.householdId,
        year: Number(row.year),
        withdrawnOn: body.withdrawnOn,
        reason: body.reason,
      },
    });
    return row.householdId;
  });
}
