import { todayInVietnam, type CaseDetail } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { logCaseAccess } from "../cases.access";
import { aad, type CaseCrypto } from "../cases.crypto";
import { presentCaseDetail, type CaseChildren } from "../cases.presenter";
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
  return {
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
  return presentCaseDetail(row, await loadChildren(db, crypto, id), basis, crypto, todayInVietnam());
}
