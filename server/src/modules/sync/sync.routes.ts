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
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";

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

/** Every entry's path parameters, checked before anything is sent: missing or unknown ones are 400. */
function checkParams(entries: Entry[]): void {
  const issues: ApiIssue[] = [];
  entries.forEach((e, i) => {
    const wanted = paramNames(OPERATION_ROUTES[e.operation].url);
    const missing = wanted.filter((p) => !(p in e.params));
    const extra = Object.keys(e.params).filter((p) => !wanted.includes(p));
    if (missing.length > 0) {
      issues.push({ path: `entries.${i}.params`, message: `Thiếu tham số: ${missing.join(", ")}` });
    }
    if (extra.length > 0) {
      issues.push({ path: `entries.${i}.params`, message: `Tham số không dùng: ${extra.join(", ")}` });
    }
  });
  if (issues.length > 0) throw validationFailed(issues);
}

function urlOf(prefix: string, e: Entry): string {
  const { url } = OPERATION_ROUTES[e.operation];
  return prefix + url.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(e.params[name]!));
}

/** One entry through its own route; its answer as the batch reports it. */
async function dispatch(app: FastifyInstance, req: FastifyRequest, prefix: string, e: Entry) {
  const headers: Record<string, string> = { "idempotency-key": e.clientId };
  for (const h of FORWARDED) {
    const v = req.headers[h];
    if (typeof v === "string") headers[h] = v;
  }
  if (e.ifMatch !== undefined) headers["if-match"] = String(e.ifMatch);
  if (e.body !== undefined) headers["content-type"] = "application/json";
  const res = await app.inject({
    method: OPERATION_ROUTES[e.operation].method,
    url: urlOf(prefix, e),
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

export const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  const prefix = app.prefix;
  app.addHook("onReady", async () => {
    for (const op of SYNC_OPERATIONS) {
      const { method, url } = OPERATION_ROUTES[op];
      if (!app.hasRoute({ method, url: prefix + url })) {
        throw new Error(`syncBatch: no route ${method} ${prefix}${url} for ${op}`);
      }
    }
  });

  app.post(
    "/sync/batch",
    {
      schema: {
        operationId: "syncBatch",
        tags: ["sync"],
        summary:
          "Send up to 50 outbox records in order; each runs as its own route (Idempotency-Key = clientId, " +
          "If-Match = ifMatch) in its own transaction and gets its own status and body or error",
        body: SyncBatchBodySchema,
        response: { 200: SyncBatchResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      requireActor(req);
      const { entries } = req.body;
      checkParams(entries);
      const results: SyncBatchResult[] = [];
      // In order, one at a time: a later record may need an earlier one (a household's commitment).
      for (const e of entries) results.push(await dispatch(app, req, prefix, e));
      return { results };
    },
  );
};
