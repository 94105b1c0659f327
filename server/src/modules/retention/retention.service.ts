import {
  permissionsOf,
  todayInVietnam,
  type RetentionKind,
  type RetentionRule,
  type RetentionRuleList,
  type RetentionRun,
  type RunRetentionBody,
  type UpdateRetentionRuleBody,
} from "@toandan/contracts";
import { format, parseISO, subMonths } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { scopePrefixes, type Actor } from "../../kernel/authz";
import { forbidden, notFound } from "../../kernel/errors";
import { RULE_BY_KIND, RULE_DEFAULTS } from "./retention.rules";
import { retentionRules } from "./retention.table";

type RuleRow = typeof retentionRules.$inferSelect;

/** Inserts the rules missing from the table with their defaults (idempotent). */
export async function ensureRules(db: Db): Promise<RuleRow[]> {
  await db
    .insert(retentionRules)
    .values(RULE_DEFAULTS.map((r) => ({ kind: r.kind, periodMonths: r.periodMonths })))
    .onConflictDoNothing();
  const rows = await db.select().from(retentionRules);
  const order = new Map(RULE_DEFAULTS.map((r, i) => [r.kind, i] as const));
  return rows
    .filter((r) => RULE_BY_KIND.has(r.kind as RetentionKind))
    .sort((a, b) => order.get(a.kind as RetentionKind)! - order.get(b.kind as RetentionKind)!);
}

/** The rules apply to the whole country: only a holder of `retention.run` at the country changes them. */
function mayConfigure(actor: Actor): boolean {
  return actor.roles.some((r) => r.orgUnitKind === "country" && permissionsOf([r.role]).has("retention.run"));
}

function present(row: RuleRow): RetentionRule {
  const d = RULE_BY_KIND.get(row.kind as RetentionKind)!;
  return {
    kind: d.kind,
    title: d.title,
    countsFrom: d.countsFrom,
    removes: d.removes,
    periodMonths: row.periodMonths,
    periodConfirmed: d.periodConfirmed,
    defaultPeriodMonths: d.periodMonths,
    basis: d.basis,
    automated: d.purge !== null,
    enabled: row.enabled,
    lastRunOn: row.lastRunOn,
  };
}

export async function listRetentionRules(db: Db, actor: Actor): Promise<RetentionRuleList> {
  const rows = await ensureRules(db);
  return {
    items: rows.map(present),
    can: { update: mayConfigure(actor), run: scopePrefixes(actor, "retention.run").length > 0 },
  };
}

export async function updateRetentionRule(
  db: Db,
  actor: Actor,
  kind: RetentionKind,
  body: UpdateRetentionRuleBody,
): Promise<RetentionRule> {
  if (!RULE_BY_KIND.has(kind)) throw notFound();
  if (!mayConfigure(actor)) throw forbidden();
  await ensureRules(db);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(retentionRules)
      .set({
        ...(body.periodMonths !== undefined ? { periodMonths: body.periodMonths } : {}),
        ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
        updatedBy: actor.accountId,
        updatedAt: new Date(),
      })
      .where(eq(retentionRules.kind, kind))
      .returning();
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "retention.rule_updated",
      entityType: "retention_rule",
      entityId: kind,
      data: { kind, periodMonths: row!.periodMonths, enabled: row!.enabled },
    });
    return present(row!);
  });
}

/** The dry run's records with their unit's name (ids and units only: no personal data). */
async function withUnitNames(db: Db, records: { id: string; unitId: string }[]) {
  if (records.length === 0) return [];
  const ids = [...new Set(records.map((r) => r.unitId))];
  const units = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from org_units where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const names = new Map(units.map((u) => [u.id, u.name]));
  return records.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? "" }));
}

/** The day before which a record's end event makes it due: today (Vietnam) minus the period. */
export function cutoffFor(today: string, periodMonths: number): string {
  return format(subMonths(parseISO(today), periodMonths), "yyyy-MM-dd");
}

/**
 * Runs every rule: a dry run counts what is due and writes nothing; a real run de-identifies it,
 * one transaction per rule with its audit event (counts only). A caller acts within the units
 * where they hold `retention.run`; the daily job (actor null) everywhere, and marks the day run.
 */
export async function runRetention(
  db: Db,
  actor: Actor | null,
  body: RunRetentionBody,
): Promise<RetentionRun> {
  const pathPrefixes = actor ? scopePrefixes(actor, "retention.run") : null;
  if (pathPrefixes && pathPrefixes.length === 0) throw forbidden();
  const today = todayInVietnam();
  const rows = await ensureRules(db);
  const items: RetentionRun["items"] = [];
  for (const row of rows) {
    const rule = RULE_BY_KIND.get(row.kind as RetentionKind)!;
    const cutoff = cutoffFor(today, row.periodMonths);
    const skipped = !row.enabled ? "disabled" : rule.purge === null ? "not_automated" : null;
    if (skipped || !rule.purge) {
      items.push({ kind: rule.kind, cutoff, due: 0, done: 0, skipped });
      continue;
    }
    const purge = rule.purge;
    if (body.dryRun) {
      const { due, records = [] } = await purge(db, { cutoff, pathPrefixes, dryRun: true });
      items.push({
        kind: rule.kind,
        cutoff,
        due,
        done: 0,
        skipped: null,
        records: await withUnitNames(db, records),
      });
      continue;
    }
    const result = await db.transaction(async (tx) => {
      const r = await purge(tx, { cutoff, pathPrefixes, dryRun: false });
      await recordEvent(tx, {
        actorId: actor?.accountId ?? null,
        action: "retention.applied",
        entityType: "retention_rule",
        entityId: rule.kind,
        data: { kind: rule.kind, cutoff, due: r.due, done: r.done, scheduled: actor === null },
      });
      return r;
    });
    items.push({ kind: rule.kind, cutoff, due: result.due, done: result.done, skipped: null });
  }
  // The daily job marks the day run (queueDailyRetention then waits for tomorrow).
  if (!actor && !body.dryRun) await db.update(retentionRules).set({ lastRunOn: today });
  return { dryRun: body.dryRun, runOn: today, items };
}
