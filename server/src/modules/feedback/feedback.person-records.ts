import { foldVietnamese, type PersonQuery, type PersonRecord } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Envelope } from "../../kernel/envelope";

type Identity = { name?: string; phone?: string; address?: string };
type Row = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  kind: string;
  status: string;
  identity: Uint8Array;
};

const digits = (v: string | undefined) => (v ?? "").replace(/\D/g, "").replace(/^84/, "0");

/**
 * Feedback, petitions and denunciations on which the person gave their identity, in the rollup-path
 * subtrees given: each sealed identity in scope is opened here and matched by phone or name. The
 * content stays sealed; a denunciation's record is kept under the Law on Denunciations 2018.
 */
export async function findFeedbackPersonRecords(
  db: Db,
  env: Envelope,
  prefixes: readonly string[],
  q: PersonQuery,
): Promise<PersonRecord[]> {
  if (prefixes.length === 0) return [];
  const scope = sql.join(
    prefixes.map((p) => sql`f.unit_path like ${`${p}%`}`),
    sql` or `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`select f.id, f.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", f.kind, f.status, f.identity
        from feedback_items f join org_units u on u.id = f.org_unit_id
        where (${scope}) and f.identity is not null`,
  );
  const name = foldVietnamese(q.fullName);
  const out: PersonRecord[] = [];
  for (const r of rows) {
    const id = JSON.parse(env.openText(Buffer.from(r.identity), `feedback:${r.id}:identity`)) as Identity;
    const match: PersonRecord["match"] | null =
      q.phone && digits(id.phone) && digits(id.phone) === digits(q.phone)
        ? "phone"
        : id.name && foldVietnamese(id.name) === name
          ? "name"
          : null;
    if (!match) continue;
    out.push({
      module: "feedback",
      entityType: "feedback",
      entityId: r.id,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      labelVi: "Người gửi kiến nghị, phản ánh",
      match,
      data: { kind: r.kind, status: r.status },
      sealed: true,
      exception: "state_function",
    });
  }
  return out;
}
