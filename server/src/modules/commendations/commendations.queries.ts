import type { Commendation, Permission } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";

export type CommendationRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  rollupPath: string;
  unitKind: string;
  nomineeKind: string;
  nomineeName: string;
  achievements: string;
  evidence: { kind: string; id: string }[];
  nominatedOn: string;
  status: string;
  awardForm: string | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  issuer: string | null;
  consentGiven: boolean | null;
  consentOn: string | null;
  consentMethod: string | null;
  publicName: string | null;
  deedSummary: string | null;
  published: boolean;
  endorsements: Commendation["endorsements"] | null;
};

const SELECT = sql`select c.id, c.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", c.rollup_path as "rollupPath",
    c.unit_kind as "unitKind", c.nominee_kind as "nomineeKind", c.nominee_name as "nomineeName", c.achievements,
    c.evidence, c.nominated_on::text as "nominatedOn", c.status, c.award_form as "awardForm",
    c.decision_number as "decisionNumber", c.decided_on::text as "decidedOn", c.issuer,
    c.consent_given as "consentGiven", c.consent_on::text as "consentOn", c.consent_method as "consentMethod",
    c.public_name as "publicName", c.deed_summary as "deedSummary", c.published,
    (select json_agg(json_build_object('level', e.level, 'approve', e.approve, 'endorsedOn', e.endorsed_on::text,
        'opinion', e.opinion, 'byUnitName', bu.full_name) order by e.recorded_at)
       from commendation_endorsements e join org_units bu on bu.id = e.by_unit_id
      where e.commendation_id = c.id) as endorsements
  from commendations c join org_units u on u.id = c.org_unit_id`;

export async function getCommendationRow(db: Db, actor: Actor, id: string, permission: Permission) {
  const [r] = await queryRows<CommendationRow>(
    db,
    sql`${SELECT} where c.id = ${id} and ${pathInScope(actor, permission, sql`c.rollup_path`)}`,
  );
  if (!r) throw notFound();
  return r;
}

export async function listCommendationRows(
  db: Db,
  actor: Actor,
  status: string | undefined,
  offset: number,
  limit: number,
) {
  const where: SQL[] = [pathInScope(actor, "commendation.read", sql`c.rollup_path`)];
  if (status) where.push(sql`c.status = ${status}`);
  return queryRows<CommendationRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by c.nominated_on desc, c.id limit ${limit + 1} offset ${offset}`,
  );
}

export function presentCommendation(r: CommendationRow): Commendation {
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    nomineeKind: r.nomineeKind as Commendation["nomineeKind"],
    nomineeName: r.nomineeName,
    achievements: r.achievements,
    evidence: r.evidence as Commendation["evidence"],
    nominatedOn: r.nominatedOn,
    status: r.status as Commendation["status"],
    endorsements: r.endorsements ?? [],
    decision:
      r.awardForm && r.decisionNumber && r.decidedOn && r.issuer
        ? {
            awardForm: r.awardForm as NonNullable<Commendation["decision"]>["awardForm"],
            decisionNumber: r.decisionNumber,
            decidedOn: r.decidedOn,
            issuer: r.issuer,
          }
        : null,
    consent:
      r.consentGiven === null || !r.consentOn
        ? null
        : {
            given: r.consentGiven,
            on: r.consentOn,
            method: r.consentMethod ?? "",
            publicName: r.publicName,
            deedSummary: r.deedSummary,
          },
    published: r.published,
  };
}
