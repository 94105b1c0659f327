import {
  ApiErrorBodySchema,
  SYNC_OPERATIONS,
  SyncBatchBodySchema,
  SyncBatchResponseSchema,
  type ApiIssue,
  type SyncBatchResult,
  type SyncOperation,
} from "@toandan/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { validationFailed } from "../../kernel/errors";
import { hashedClientKey } from "../../kernel/http/client-key";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";

/**
 * Batch sync of the offline outbox (decision 0015). Each entry is dispatched through the app's own
 * router to its operation's route, so it runs exactly as that route does when called alone: the
 * auth hooks (session, CSRF), the permission, the text guard, the route's schema, scope, the
 * Idempotency-Key (the entry's client id), If-Match, the command's transaction and its audit event.
 * This module therefore imports no other module: the routes are its only contract with them.
 */

type Method = "POST" | "PATCH";

/** Each operation a batch may carry: its method and URL below the API prefix. */
const OPERATION_ROUTES = {
  createActivity: { method: "POST", url: "/activities" },
  updateActivity: { method: "PATCH", url: "/activities/:id" },
  createHousehold: { method: "POST", url: "/households" },
  updateHousehold: { method: "PATCH", url: "/households/:id" },
  recordCommitment: { method: "POST", url: "/households/:id/commitments" },
  addGroupMember: { method: "POST", url: "/groups/:id/members" },
  removeGroupMember: { method: "POST", url: "/groups/:id/members/:memberId/leave" },
  createDutyLog: { method: "POST", url: "/groups/:id/duty-logs" },
  updateDutyLog: { method: "PATCH", url: "/groups/:id/duty-logs/:logId" },
} as const satisfies Record<SyncOperation, { method: Method; url: string }>;

/** The request headers an entry's own request carries over from the batch. */
const FORWARDED = ["cookie", "x-csrf-token", "authorization", "accept-language", "user-agent"] as const;

const paramNames = (url: string) => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

type Entry = z.output<typeof SyncBatchBodySchema>["entries"][number];

/**
 * Every entry's path parameters, checked before anything is sent: each one the route needs is given
 * once, as a value (`params`) or as an earlier entry of this batch (`refs`); missing, unknown or
 * doubly given ones, and a ref to no earlier entry, are 400.
 */
function checkParams(entries: Entry[]): void {
  const issues: ApiIssue[] = [];
  const earlier = new Set<string>();
  entries.forEach((e, i) => {
    const wanted = paramNames(OPERATION_ROUTES[e.operation].url);
    const given = [...Object.keys(e.params), ...Object.keys(e.refs)];
    const missing = wanted.filter((p) => !given.includes(p));
    const extra = given.filter((p) => !wanted.includes(p));
    const twice = Object.keys(e.params).filter((p) => p in e.refs);
    if (missing.length > 0) {
      issues.push({ path: `entries.${i}.params`, message: `Thiếu tham số: ${missing.join(", ")}` });
    }
    if (extra.length > 0) {
      issues.push({ path: `entries.${i}.params`, message: `Tham số không dùng: ${extra.join(", ")}` });
    }
    if (twice.length > 0) {
      issues.push({ path: `entries.${i}.refs`, message: `Tham số được gửi hai lần: ${twice.join(", ")}` });
    }
    for (const [name, clientId] of Object.entries(e.refs)) {
      if (!earlier.has(clientId)) {
        issues.push({
          path: `entries.${i}.refs.${name}`,
          message: "Chỉ tham chiếu được bản ghi đứng trước trong cùng lần gửi",
        });
      }
    }
    earlier.add(e.clientId);
  });
  if (issues.length > 0) throw validationFailed(issues);
}

function urlOf(prefix: string, e: Entry, params: Record<string, string>): string {
  const { url } = OPERATION_ROUTES[e.operation];
  return prefix + url.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name]!));
}

/** The server id an earlier entry's answer carries, when it was written (or replayed). */
function idOf(result: SyncBatchResult | undefined): string | null {
  if (!result || result.status >= 400) return null;
  const id = (result.body as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" ? id : null;
}

/**
 * An entry whose ref names an earlier entry that was refused: not run (nothing written, its key
 * unspent), so the phone resends both once the earlier record is fixed.
 */
function notApplied(req: FastifyRequest, e: Entry, names: string[]): SyncBatchResult {
  return {
    clientId: e.clientId,
    status: 409,
    replayed: false,
    error: {
      code: "reference_missing",
      message: "Bản ghi đi trước mà bản ghi này cần chưa được ghi nhận, nên bản ghi này chưa được ghi.",
      issues: names.map((name) => ({
        path: `refs.${name}`,
        message: "Bản ghi đi trước chưa được ghi nhận",
      })),
      requestId: req.id,
    },
  };
}

/** One entry through its own route; its answer as the batch reports it. */
async function dispatch(
  app: FastifyInstance,
  req: FastifyRequest,
  prefix: string,
  e: Entry,
  done: Map<string, SyncBatchResult>,
): Promise<SyncBatchResult> {
  const params = { ...e.params };
  const unresolved: string[] = [];
  for (const [name, clientId] of Object.entries(e.refs)) {
    const id = idOf(done.get(clientId));
    if (id === null) unresolved.push(name);
    else params[name] = id;
  }
  if (unresolved.length > 0) return notApplied(req, e, unresolved);

  const headers: Record<string, string> = { "idempotency-key": e.clientId };
  for (const h of FORWARDED) {
    const v = req.headers[h];
    if (typeof v === "string") headers[h] = v;
  }
  if (e.ifMatch !== undefined) headers["if-match"] = String(e.ifMatch);
  if (e.body !== undefined) headers["content-type"] = "application/json";
  const res = await app.inject({
    method: OPERATION_ROUTES[e.operation].method,
    url: urlOf(prefix, e, params),
    headers,
    ...(e.body === undefined ? {} : { payload: JSON.stringify(e.body) }),
  });
  const result: SyncBatchResult = {
    clientId: e.clientId,
    status: res.statusCode,
    replayed: res.headers["idempotency-replayed"] === "true",
  };
  const parsed: unknown = res.body === "" ? undefined : JSON.parse(res.body);
  if (res.statusCode < 400) return { ...result, body: parsed };
  const error = ApiErrorBodySchema.safeParse(parsed);
  if (error.success) return { ...result, error: error.data.error };
  return {
    ...result,
    error: { code: "internal_error" as const, message: "Đã có lỗi xảy ra.", requestId: req.id },
  };
}

/**
 * The batch's own limit, per signed-in account (cadres of one commune hall share an address),
 * counted in the database when app processes share it (kernel/http/rate-limit-store.ts).
 */
const SYNC_BATCH_LIMIT = {
  max: (req: FastifyRequest) => req.server.config.syncBatchRateLimit,
  timeWindow: "1 minute",
  keyGenerator: (req: FastifyRequest) =>
    req.actor ? `account:${req.actor.accountId}` : hashedClientKey(req),
};

const syncBatch = defineRoute({
  method: "POST",
  url: "/sync/batch",
  operationId: "syncBatch",
  tags: ["sync"],
  summary:
    "Send up to 50 outbox records in order; each runs as its own route (Idempotency-Key = clientId, " +
    "If-Match = ifMatch, path parameters from earlier entries' answers by refs) in its own " +
    "transaction and gets its own status and body or error",
  // Any signed-in account: each entry is checked against its own route's permission.
  permission: null,
  body: SyncBatchBodySchema,
  response: SyncBatchResponseSchema,
  config: { rateLimit: SYNC_BATCH_LIMIT },
  handler: async ({ app, req, body }) => {
    const { entries } = body;
    checkParams(entries);
    const prefix = app.prefix;
    const done = new Map<string, SyncBatchResult>();
    // In order, one at a time: a later record may need an earlier one (a household's commitment).
    for (const e of entries) done.set(e.clientId, await dispatch(app, req, prefix, e, done));
    return { results: [...done.values()] };
  },
});

const routes = routesPlugin([syncBatch]);

export const syncRoutes: FastifyPluginAsyncZod = async (app, opts) => {
  const prefix = app.prefix;
  app.addHook("onReady", async () => {
    for (const op of SYNC_OPERATIONS) {
      const { method, url } = OPERATION_ROUTES[op];
      if (!app.hasRoute({ method, url: prefix + url })) {
        throw new Error(`syncBatch: no route ${method} ${prefix}${url} for ${op}`);
      }
    }
  });
  await routes(app, opts);
};
