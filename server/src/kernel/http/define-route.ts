import type { Permission } from "@toandan/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Db } from "../../db/client";
import { requirePermission, type Actor } from "../authz";
import { claimOf, runIdempotent, sendIdempotent } from "../idempotency";
import { ifMatchOf, runVersioned } from "../row-version";
import { requireActor } from "./context";
import { readHandle } from "./read-routing";
import { ERROR_RESPONSES } from "./openapi";

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;
type Success = 200 | 201 | 202 | 204;

/** What a handler is given: the checked actor, the database and the validated input. */
export type RouteContext<P, Q, B> = {
  actor: Actor;
  db: Db;
  /**
   * For read-only queries that may be a little behind: the replica when one is set, lagging less than
   * DATABASE_READ_MAX_LAG, and the caller has not just written; else the primary (read-routing.ts).
   */
  readDb: Db;
  app: FastifyInstance;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  req: FastifyRequest;
  reply: FastifyReply;
};

type Common<P, Q, B> = {
  method: HTTPMethods;
  url: string;
  operationId: string;
  summary: string;
  tags: string[];
  params?: P;
  querystring?: Q;
  body?: B;
  /** Success status (default 200); its schema is `response`. */
  status?: Success;
  /** The response schema; the documented error shape is added to every route. */
  response?: Schema;
  /** Extra Fastify route config (rate limits). */
  config?: Record<string, unknown>;
  /** Extra OpenAPI fields (consumes, produces, description). */
  openapi?: Record<string, unknown>;
  /** Largest accepted body in bytes (uploads), when above the app's default. */
  bodyLimit?: number;
  /** "silent" for citizen routes: no request log lines. */
  logLevel?: "silent";
  /**
   * Accepts `Idempotency-Key` (kernel/idempotency.ts): the handler runs in a transaction that claims
   * the key and stores its answer; a resend is answered the same. The handler must use `ctx.db` for
   * everything and return its body (not send the reply itself).
   */
  idempotent?: true;
  /**
   * Accepts `If-Match: <version>` (kernel/row-version.ts) for the row of `table` whose id is the
   * path parameter `param` (default "id"): a stale version is 412 `version_conflict`.
   */
  versioned?: { table: string; param?: string };
};

/** A route that needs a signed-in actor holding `permission` (401, then 403, then 400). */
export type ProtectedRoute<P, Q, B> = Common<P, Q, B> & {
  /**
   * `null`: any signed-in actor (401 without one), for a route whose parts each check their own
   * permission (the outbox's batch: every entry runs through its own route).
   */
  permission: Permission | null;
  public?: never;
  handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown>;
};

/** A route anyone may call (sign-in, the public portal's API). */
export type PublicRoute<P, Q, B> = Common<P, Q, B> & {
  public: true;
  permission?: never;
  handler: (ctx: Omit<RouteContext<P, Q, B>, "actor"> & { actor: Actor | null }) => Promise<unknown>;
};

export type RouteDefinition = ProtectedRoute<Schema, Schema, Schema> | PublicRoute<Schema, Schema, Schema>;

/**
 * One route, stated once: its operationId, permission, schemas and handler. The permission is
 * checked before validation by the auth hooks and once more here, so a handler is never reached
 * without it; the handler calls one command or query and returns what is sent.
 */
export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(route: ProtectedRoute<P, Q, B> | PublicRoute<P, Q, B>): RouteDefinition {
  return route as unknown as RouteDefinition;
}

/** A module's routes as one Fastify plugin, registered from the list in app.ts. */
export function routesPlugin(routes: readonly RouteDefinition[]): FastifyPluginAsyncZod {
  return async (app) => {
    for (const r of routes) {
      const status = r.status ?? 200;
      app.route({
        method: r.method,
        url: r.url,
        ...(r.bodyLimit ? { bodyLimit: r.bodyLimit } : {}),
        ...(r.logLevel ? { logLevel: r.logLevel } : {}),
        config: r.public
          ? { ...r.config, public: true }
          : { ...r.config, ...(r.permission ? { permission: r.permission } : {}) },
        schema: {
          operationId: r.operationId,
          summary: r.summary,
          tags: r.tags,
          ...(r.params ? { params: r.params } : {}),
          ...(r.querystring ? { querystring: r.querystring } : {}),
          ...(r.body ? { body: r.body } : {}),
          ...r.openapi,
          response: { ...(r.response ? { [status]: r.response } : {}), ...ERROR_RESPONSES },
        },
        handler: async (req, reply) => {
          const base = {
            db: app.db,
            readDb: readHandle(app, req).db,
            app,
            params: req.params,
            query: req.query,
            body: req.body,
            req,
            reply,
          };
          let result: unknown;
          if (r.public) {
            result = await r.handler({ ...base, actor: req.actor });
          } else {
            const actor = requireActor(req);
            if (r.permission) requirePermission(actor, r.permission);
            if (r.idempotent || r.versioned) return guardedWrite(r, req, reply, actor, base);
            result = await r.handler({ ...base, actor });
          }
          const out = reply as FastifyReply;
          // A handler that sends the reply itself (files, streams, headers) returns the reply.
          if (result === reply || out.sent) return out;
          return out.status(status).send(result);
        },
      });
    }
  };
}

/** A protected write with `idempotent` and/or `versioned`: the handler runs on their transaction. */
async function guardedWrite(
  r: ProtectedRoute<Schema, Schema, Schema>,
  req: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  base: Omit<RouteContext<Schema, Schema, Schema>, "actor">,
): Promise<FastifyReply> {
  const expected = r.versioned ? ifMatchOf(req) : undefined;
  const claim = r.idempotent ? claimOf(req, actor.accountId, r.operationId) : undefined;
  const run = (db: Db) => r.handler({ ...base, actor, db, readDb: db });
  const versioned = (db: Db) => {
    if (!r.versioned) return run(db);
    const id = (req.params as Record<string, string>)[r.versioned.param ?? "id"]!;
    return runVersioned(db, r.versioned.table, id, expected, run);
  };
  if (!claim) return reply.status(r.status ?? 200).send(await versioned(base.db));
  return sendIdempotent(reply, await runIdempotent(base.db, claim, r.status ?? 200, versioned));
}
