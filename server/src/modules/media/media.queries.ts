import type {
  ListMediaPartnershipsQuery,
  MediaItem,
  MediaPartnership,
  MediaPartnershipDetail,
  MediaPartnershipPage,
  Permission,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { mayCreateMedia, mediaAbilities } from "./media.policy";

export type MediaPartnershipRow = MediaPartnership & { rollupPath: string };

const SELECT = sql`select p.id, p.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    p.owner_body_id as "ownerBodyId", b.name as "ownerBodyName", b.kind as "ownerBodyKind",
    p.partner_name as "partnerName", p.partner_kind as "partnerKind",
    p.agreement_number as "agreementNumber", p.agreement_date::text as "agreementDate",
    p.period_from::text as "periodFrom", p.period_to::text as "periodTo", p.notes, p.version,
    p.rollup_path as "rollupPath",
    (select count(*) from media_items i where i.partnership_id = p.id)::int as items
  from media_partnerships p join org_units u on u.id = p.org_unit_id
  join bodies b on b.id = p.owner_body_id`;

const present = ({ rollupPath: _r, ...p }: MediaPartnershipRow): MediaPartnership => p;

/** One partnership in the actor's scope for the permission, or 404. */
export async function getPartnershipRow(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<MediaPartnershipRow> {
  const [row] = await queryRows<MediaPartnershipRow>(
    db,
    sql`${SELECT} where p.id = ${id} and ${pathInScope(actor, permission, sql`p.rollup_path`)}`,
  );
  if (!row) throw notFound();
  return row;
}

export async function partnershipDetail(db: Db, actor: Actor, id: string): Promise<MediaPartnershipDetail> {
  const row = await getPartnershipRow(db, actor, id, "activity.read");
  const itemList = await queryRows<MediaItem>(
    db,
    sql`select id, published_on::text as "publishedOn", title, kind, link, topic from media_items
        where partnership_id = ${id} order by published_on desc, id desc`,
  );
  return { ...present(row), itemList, can: mediaAbilities(actor, row) };
}

/** A page of partnerships in scope (and in a unit's subtree), the latest period first. */
export async function partnershipPage(
  db: Db,
  actor: Actor,
  q: ListMediaPartnershipsQuery,
): Promise<MediaPartnershipPage> {
  const offset = decodeCursor(q.cursor);
  const where: SQL[] = [pathInScope(actor, "activity.read", sql`p.rollup_path`)];
  if (q.orgUnitId) {
    const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "activity.read", scope: "rollup" });
    where.push(
      unit.path === unit.rollupPath
        ? sql`p.rollup_path like ${`${unit.path}%`}`
        : sql`u.path like ${`${unit.path}%`}`,
    );
  }
  const rows = await queryRows<MediaPartnershipRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)}
        order by p.period_from desc, p.partner_name, p.id limit ${q.limit + 1} offset ${offset}`,
  );
  const page = pageFrom(rows, offset, q.limit);
  return { ...page, items: page.items.map(present), can: { create: mayCreateMedia(actor) } };
}

/**
 * In a period, in a rollup-path subtree (or a pre-reform unit's own subtree, `unitPath`): items
 * published or aired, and partnerships whose period overlaps it.
 */
export async function mediaFigures(
  db: Db,
  q: { rollupPathPrefix: string; unitPath?: string | undefined; from: string; to: string },
): Promise<{ items: number; partnerships: number }> {
  const where = q.unitPath
    ? sql`u.path like ${`${q.unitPath}%`}`
    : sql`p.rollup_path like ${`${q.rollupPathPrefix}%`}`;
  const [row] = await queryRows<{ items: number; partnerships: number }>(
    db,
    sql`select
          (select count(*) from media_items i join media_partnerships p on p.id = i.partnership_id
            join org_units u on u.id = p.org_unit_id
            where ${where} and i.published_on between ${q.from}::date and ${q.to}::date)::int as items,
          (select count(*) from media_partnerships p join org_units u on u.id = p.org_unit_id
            where ${where} and p.period_from <= ${q.to}::date and p.period_to >= ${q.from}::date)::int
            as partnerships`,
  );
  return row!;
}
