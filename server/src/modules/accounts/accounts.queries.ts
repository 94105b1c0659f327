import { foldVietnamese, type Account, type Permission } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import type { RoleRow } from "../auth";

type AccountDbRow = {
  id: string;
  username: string;
  displayName: string;
  isDemo: boolean;
  disabledAt: string | null;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
};

// Vietnamese lower-case letters with marks, and the same letters folded: SQL `translate()` with
// these folds names like foldVietnamese() does, on both engines, without an extension.
const MARKED = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const FOLDED = [...MARKED].map((c) => foldVietnamese(c)).join("");

/** Accounts holding at least one role inside the actor's scope for `permission`. */
function accountVisible(actor: Actor, permission: Permission): SQL {
  return sql`exists (select 1 from account_roles r join org_units u on u.id = r.org_unit_id
    where r.account_id = a.id and ${pathInScope(actor, permission, sql`u.path`)})`;
}

const SELECT = sql`select a.id, a.username, a.display_name as "displayName", a.is_demo as "isDemo",
  a.disabled_at::text as "disabledAt", a.locked_until as "lockedUntil", a.last_login_at as "lastLoginAt",
  a.created_at as "createdAt" from accounts a`;

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

async function present(db: Db, rows: AccountDbRow[]): Promise<Account[]> {
  const roles = await loadRolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    isDemo: r.isDemo,
    disabled: r.disabledAt !== null,
    lockedUntil: r.lockedUntil && new Date(r.lockedUntil) > new Date() ? iso(r.lockedUntil) : null,
    lastLoginAt: iso(r.lastLoginAt),
    createdAt: iso(r.createdAt)!,
    roles: roles
      .filter((x) => x.accountId === r.id)
      .map(({ orgUnitPath: _p, accountId: _a, ...role }) => role),
  }));
}

/** Grants of many accounts in one query. */
async function loadRolesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return queryRows<RoleRow & { accountId: string }>(
    db,
    sql`select r.account_id as "accountId", r.role, r.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
          u.kind as "orgUnitKind", u.path as "orgUnitPath", r.body
        from account_roles r join org_units u on u.id = r.org_unit_id
        where r.account_id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})
        order by u.depth, u.full_name, r.role`,
  );
}

export async function listAccounts(
  db: Db,
  actor: Actor,
  q: string | undefined,
  offset: number,
  limit: number,
) {
  const where: SQL[] = [accountVisible(actor, "account.read")];
  if (q) {
    const like = `%${foldVietnamese(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(a.username like ${like} or translate(lower(a.display_name), ${MARKED}, ${FOLDED}) like ${like})`,
    );
  }
  const rows = await queryRows<AccountDbRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by a.username limit ${limit + 1} offset ${offset}`,
  );
  return present(db, rows);
}

export async function getAccount(db: Db, actor: Actor, id: string, permission: Permission = "account.read") {
  const rows = await queryRows<AccountDbRow>(
    db,
    sql`${SELECT} where a.id = ${id} and ${accountVisible(actor, permission)}`,
  );
  const [acc] = await present(db, rows);
  if (!acc) throw notFound();
  return acc;
}
