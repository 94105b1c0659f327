import { foldVietnamese, type PersonQuery, type PersonRecord } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

type Row = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  nomineeName: string;
  status: string;
  awardForm: string | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  consentGiven: boolean | null;
  consentTextVersion: number | null;
  published: boolean;
};

/**
 * Commendations of a person (nominee kind "person", the accent-insensitive name) in the
 * rollup-path subtrees given, with the consent to publish and the consent text version it names.
 */
export async function findCommendationPersonRecords(
  db: Db,
  prefixes: readonly string[],
  q: PersonQuery,
): Promise<PersonRecord[]> {
  if (prefixes.length === 0) return [];
  const name = foldVietnamese(q.fullName);
  const scope = sql.join(
    prefixes.map((p) => sql`c.rollup_path like ${`${p}%`}`),
    sql` or `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`select c.id, c.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", c.nominee_name as "nomineeName",
          c.status, c.award_form as "awardForm", c.decision_number as "decisionNumber",
          c.decided_on::text as "decidedOn", c.consent_given as "consentGiven",
          t.version as "consentTextVersion", c.published
        from commendations c join org_units u on u.id = c.org_unit_id
        left join consent_texts t on t.id = c.consent_text_id
        where (${scope}) and c.nominee_kind = 'person'
          and lower(c.nominee_name) = lower(${q.fullName.trim()})`,
  );
  return rows
    .filter((r) => foldVietnamese(r.nomineeName) === name)
    .map((r) => ({
      module: "commendations",
      entityType: "commendation",
      entityId: r.id,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      labelVi: "Người được đề nghị khen thưởng",
      match: "name",
      data: {
        nomineeName: r.nomineeName,
        status: r.status,
        awardForm: r.awardForm,
        decisionNumber: r.decisionNumber,
        decidedOn: r.decidedOn,
        consentGiven: r.consentGiven,
        consentTextVersion: r.consentTextVersion,
        published: r.published,
      },
      sealed: false,
      exception: null,
    }));
}
