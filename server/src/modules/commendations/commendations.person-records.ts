import {
  foldVietnamese,
  type PersonActionContext,
  type PersonQuery,
  type PersonRecord,
  type RecordActionResult,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";

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

const DECIDED_VI =
  "Đã có quyết định khen thưởng: quyết định và hồ sơ khen thưởng được lưu trữ theo Luật Thi đua, khen thưởng 2022; đã gỡ khỏi trang công khai.";

/**
 * Carries out a request on one commendation, in the caller's transaction. Restrict (and an
 * objection) takes it off the public register. Erase of a nomination without a decision empties the
 * nominee's name, public name and achievements and unpublishes it (the row stays, so the statistics
 * are unchanged); a decided commendation is an archived administrative record: it is unpublished and
 * kept, and the answer says why. Correct sets the nominee's name. Audited in the same transaction.
 */
export async function actOnCommendationPersonRecord(
  tx: Db,
  ctx: PersonActionContext,
  id: string,
): Promise<RecordActionResult> {
  const [row] = await queryRows<{
    nomineeName: string;
    status: string;
    published: boolean;
    orgUnitId: string;
  }>(
    tx,
    sql`select nominee_name as "nomineeName", status, published, org_unit_id as "orgUnitId"
        from commendations where id = ${id} for update`,
  );
  if (!row || row.nomineeName === "") return { outcome: "none", exception: null, reasonVi: null };
  const base = {
    actorId: ctx.actorId,
    entityType: "commendation",
    entityId: id,
    orgUnitId: row.orgUnitId,
  } as const;
  const data = { requestId: ctx.requestId, module: "commendations" };
  const unpublish = () => tx.execute(sql`update commendations set published = false where id = ${id}`);
  if (ctx.action === "restrict" || (ctx.action === "erase" && row.status === "decided")) {
    await unpublish();
    await recordEvent(tx, { ...base, action: "privacy.record_restricted", data });
    return ctx.action === "restrict"
      ? {
          outcome: "done",
          exception: null,
          reasonVi: "Đã gỡ khỏi trang công khai gương người tốt, việc tốt.",
        }
      : { outcome: "kept", exception: "legal_obligation", reasonVi: DECIDED_VI };
  }
  if (ctx.action === "erase") {
    await tx.execute(
      sql`update commendations set nominee_name = '', public_name = null, achievements = '', published = false
          where id = ${id}`,
    );
    await recordEvent(tx, { ...base, action: "privacy.record_erased", data });
    return { outcome: "done", exception: null, reasonVi: null };
  }
  const fullName = ctx.correction?.fullName;
  if (!fullName || fullName === row.nomineeName) return { outcome: "none", exception: null, reasonVi: null };
  await tx.execute(sql`update commendations set nominee_name = ${fullName} where id = ${id}`);
  await recordEvent(tx, {
    ...base,
    action: "privacy.record_corrected",
    data: { ...data, fields: ["fullName"] },
  });
  return { outcome: "done", exception: null, reasonVi: null };
}
