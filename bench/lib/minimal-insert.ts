// The floor createActivity is compared with: a route that goes through everything every write goes
// through — the session and CSRF hooks, the permission check, a Zod body, the JSON answer — and
// then inserts one row in one statement, with no scope, rules, organisers or audit. Registered by
// the bench only; it is not part of the application.
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { queryRows, type Database } from "../../server/src/db/client";
import { defineRoute, routesPlugin } from "../../server/src/kernel/http/define-route";

export const MINIMAL_PATH = "/api/v1/bench/minimal-insert";

const Body = z.object({ note: z.string().max(200) });
const Answer = z.object({ id: z.string() });

export async function registerMinimalInsert(app: FastifyInstance, database: Database): Promise<void> {
  await database.db.execute(
    sql`create table if not exists bench_minimal_inserts (
          id uuid primary key default gen_random_uuid(), account_id uuid not null, note text not null,
          created_at timestamptz not null default now())`,
  );
  const route = defineRoute({
    method: "POST",
    url: "/bench/minimal-insert",
    operationId: "benchMinimalInsert",
    summary: "Bench only: one authenticated row insert",
    tags: ["bench"],
    permission: "activity.create",
    body: Body,
    status: 201,
    response: Answer,
    handler: async ({ db, actor, body }) => {
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`insert into bench_minimal_inserts (account_id, note) values (${actor.accountId}, ${body.note}) returning id`,
      );
      return { id: row!.id };
    },
  });
  await app.register(routesPlugin([route]), { prefix: "/api/v1" });
}
