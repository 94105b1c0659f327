import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { LightMyRequestResponse } from "fastify";
import { queryRows, type Db } from "../db/client";
import type { Session } from "./harness";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A request with extra headers (Idempotency-Key, If-Match) as the offline client sends them. */
export function send(
  app: FastifyInstance,
  session: Session,
  method: Method,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrf, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

export const newKey = () => ({ "idempotency-key": randomUUID() });

/** Audit events of an action on an entity. */
export async function auditCount(db: Db, action: string, entityId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`,
  );
  return row!.n;
}

/** An approved report's lock of a period over a unit's subtree. */
export async function lockPeriod(db: Db, unitId: string, from: string, to: string): Promise<void> {
  await db.execute(
    sql`insert into period_locks (org_unit_id, unit_path, period_from, period_to)
        select id, path, ${from}::date, ${to}::date from org_units where id = ${unitId}`,
  );
}
