import { todayInVietnam, type CaseDetail } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { logCaseAccess } from "../cases.access";
import { aad, type CaseCrypto } from "../cases.crypto";
import { presentCaseDetail, type CaseChildren } from "../cases.presenter";
import { loadHelpParts } from "../cases.help-parts";
import { getReadableCase } from "../cases.queries";

type Sealed = Uint8Array | null;

async function loadChildren(db: Db, crypto: CaseCrypto, id: string): Promise<CaseChildren> {
  const open = (v: Sealed, field: string) =>
    v ? crypto.envelope.openText(Buffer.from(v), aad(id, field)) : null;
  const reports = await queryRows<{
    id: string;
    quarter: string;
    reportedOn: string;
    summarySealed: Uint8Array;
  }>(
    db,
    sql`select id, quarter, reported_on::text as "reportedOn", summary_sealed as "summarySealed"
        from case_reports where case_id = ${id} order by quarter`,
  );
  const classes = await queryRows<{
    id: string;
    quarter: string;
    group: string;
    classifiedOn: string;
    notesSealed: Sealed;
  }>(
    db,
    sql`select id, quarter, "group", classified_on::text as "classifiedOn", notes_sealed as "notesSealed"
        from case_classifications where case_id = ${id} order by quarter`,
  );
  const supports = await queryRows<{
    id: string;
    kind: string;
    providedOn: string;
    provider: string;
    notesSealed: Sealed;
  }>(
    db,
    sql`select id, kind, provided_on::text as "providedOn", provider, notes_sealed as "notesSealed"
        from case_supports where case_id = ${id} order by provided_on, id`,
  );
  const transfers = await queryRows<{
    id: string;
    fromCommuneName: string;
    toCommuneName: string;
    movedOn: string;
    transferredOn: string;
    reasonSealed: Uint8Array;
    previousAssigneeBodyName: string | null;
    receiveDueOn: string;
    residenceCheckDueOn: string;
    receivedOn: string | null;
    residenceCheckedOn: string | null;
  }>(
    db,
    sql`select t.id, f.full_name as "fromCommuneName", d.full_name as "toCommuneName",
          t.moved_on::text as "movedOn", t.transferred_on::text as "transferredOn",
          t.reason_sealed as "reasonSealed", b.name as "previousAssigneeBodyName",
          t.receive_due_on::text as "receiveDueOn", t.residence_check_due_on::text as "residenceCheckDueOn",
          t.received_on::text as "receivedOn", t.residence_checked_on::text as "residenceCheckedOn"
        from case_transfers t join org_units f on f.id = t.from_commune_id
          join org_units d on d.id = t.to_commune_id left join bodies b on b.id = t.previous_assignee_body_id
        where t.case_id = ${id} order by t.transferred_on, t.created_at`,
  );
  return {
    ...(await loadHelpParts(db, crypto, id)),
    transfers: transfers.map(({ reasonSealed, ...t }) => ({
      ...t,
      reason: open(reasonSealed, `transfer:${t.id}`) ?? "",
    })),
    reports: reports.map((r) => ({
      id: r.id,
      quarter: r.quarter,
      reportedOn: r.reportedOn,
      summary: open(r.summarySealed, `report:${r.id}`) ?? "",
    })),
    classifications: classes.map((c) => ({
      id: c.id,
      quarter: c.quarter,
      group: c.group as CaseDetail["latestGroup"] & string,
      classifiedOn: c.classifiedOn,
      notes: open(c.notesSealed, `classification:${c.id}`),
    })),
    supports: supports.map((s) => ({
      id: s.id,
      kind: s.kind as CaseDetail["supports"][number]["kind"],
      providedOn: s.providedOn,
      provider: s.provider,
      notes: open(s.notesSealed, `support:${s.id}`),
    })),
  };
}

/** Reads a whole file: 404 unless the actor may, and the read is logged with its reason first. */
export async function readCase(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  reason: string,
): Promise<CaseDetail> {
  const { row, basis } = await getReadableCase(db, actor, id);
  await db.transaction((tx) =>
    logCaseAccess(tx, actor, { caseIds: [id], basis, purpose: "read", reason, orgUnitId: row.orgUnitId }),
  );
  return presentCaseDetail(row, await loadChildren(db, crypto, id), basis, crypto, todayInVietnam(), actor);
}
