import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgUnits } from "../org-units/org-units.table";

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("vi"),
    isDemo: boolean("is_demo").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockCount: integer("lock_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("accounts_demo_idx")
      .on(t.isDemo)
      .where(sql`${t.isDemo}`),
  ],
);
export type AccountRow = typeof accounts.$inferSelect;

/** An account holds a role at a unit for a body. */
export const accountRoles = pgTable(
  "account_roles",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    body: text("body").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.role, t.orgUnitId, t.body] }),
    index("account_roles_unit_idx").on(t.orgUnitId),
  ],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_account_idx").on(t.accountId)],
);
