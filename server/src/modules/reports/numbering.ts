// Document numbers ("Số: 12/BC-MTTQ"): one sequence per unit, issuing body and year of issue
// (Decree 30/2020, art. 15: numbered from 01/01 to 31/12 of each year). The number is given when
// the report is composed (the draft printed for signing carries it); the user may choose another,
// unique in that sequence.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { conflict } from "../../kernel/errors";

type Sequence = { orgUnitId: string; issuingBody: string; year: number };

/** The next free number of the sequence: one more than the highest number used. */
export async function nextNumber(db: Db, s: Sequence): Promise<string> {
  const [row] = await queryRows<{ max: number | null }>(
    db,
    sql`select max(number::int) as max from reports
        where org_unit_id = ${s.orgUnitId} and issuing_body = ${s.issuingBody}
          and extract(year from issued_on) = ${s.year} and number ~ '^[0-9]{1,6}$'`,
  );
  return String((row?.max ?? 0) + 1);
}

/** 409 with a message naming the number when another report of the sequence already has it. */
export async function assertNumberFree(
  db: Db,
  s: Sequence,
  number: string,
  exceptId?: string,
): Promise<void> {
  const taken = await queryRows<{ id: string }>(
    db,
    sql`select id from reports
        where org_unit_id = ${s.orgUnitId} and issuing_body = ${s.issuingBody}
          and extract(year from issued_on) = ${s.year} and number = ${number}
          ${exceptId ? sql`and id <> ${exceptId}` : sql``}
        limit 1`,
  );
  if (taken.length > 0) throw numberTaken(s, number);
}

export const numberTaken = (s: Sequence, number: string) =>
  conflict(
    `Số ${number} đã được dùng cho một văn bản khác của ${s.issuingBody} năm ${s.year}; hãy chọn số khác.`,
  );

/** The unique index on (unit, issuing body, year, number) refused a concurrent duplicate. */
export function isNumberClash(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const err = e?.cause && typeof e.cause === "object" ? e.cause : e;
  return (
    err?.code === "23505" && (err.constraint === undefined || err.constraint === "reports_number_unique")
  );
}
