import { foldVietnamese, type PersonQuery, type PersonRecord } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Envelope } from "../../kernel/envelope";

type Contact = { name?: string; phone?: string; email?: string; identityNumber?: string; birthYear?: number };
type Row = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  contact: Uint8Array;
  consentTextVersion: number | null;
};

const digits = (v: string | undefined) => (v ?? "").replace(/\D/g, "").replace(/^84/, "0");

/**
 * Tips on which the person left contact details, in the rollup-path subtrees given. The contact is
 * sealed and has no blind index yet, so each contact in scope is opened here, in this module, and
 * matched by phone, identity number or name (with the birth year when both have one). What is
 * disclosed is that a contact is kept and under which consent text: never the tip's content. The
 * tip stays whatever the request (crime reports are processed by the police for crime prevention).
 */
export async function findTipPersonRecords(
  db: Db,
  env: Envelope,
  prefixes: readonly string[],
  q: PersonQuery,
): Promise<PersonRecord[]> {
  if (prefixes.length === 0) return [];
  const scope = sql.join(
    prefixes.map((p) => sql`t.unit_path like ${`${p}%`}`),
    sql` or `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`select t.id, t.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", t.contact,
          c.version as "consentTextVersion"
        from tips t join org_units u on u.id = t.org_unit_id
        left join consent_texts c on c.id = t.contact_consent_text_id
        where (${scope}) and t.contact is not null`,
  );
  const name = foldVietnamese(q.fullName);
  const out: PersonRecord[] = [];
  for (const r of rows) {
    const c = JSON.parse(env.openText(Buffer.from(r.contact), `tip:${r.id}:contact`)) as Contact;
    const match: PersonRecord["match"] | null =
      q.identityNumber && c.identityNumber && c.identityNumber.trim() === q.identityNumber.trim()
        ? "identity"
        : q.phone && digits(c.phone) && digits(c.phone) === digits(q.phone)
          ? "phone"
          : c.name &&
              foldVietnamese(c.name) === name &&
              (!q.birthYear || !c.birthYear || c.birthYear === q.birthYear)
            ? q.birthYear && c.birthYear
              ? "name_birth"
              : "name"
            : null;
    if (!match) continue;
    out.push({
      module: "tips",
      entityType: "tip",
      entityId: r.id,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      labelVi: "Thông tin liên hệ để lại khi báo tin tội phạm",
      match,
      data: { consentTextVersion: r.consentTextVersion },
      sealed: true,
      exception: "crime_prevention",
    });
  }
  return out;
}
