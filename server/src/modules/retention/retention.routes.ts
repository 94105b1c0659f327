import {
  RetentionKindSchema,
  RetentionRuleListSchema,
  RetentionRuleSchema,
  RetentionRunSchema,
  RunRetentionBodySchema,
  UpdateRetentionRuleBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { retentionWorker, startRetentionSchedule } from "./retention.job";
import { listRetentionRules, runRetention, updateRetentionRule } from "./retention.service";

const tags = ["retention"];

const routes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/retention/rules",
    operationId: "listRetentionRules",
    summary: "Retention rules per kind of record, with their basis; can.update (country) and can.run",
    tags,
    permission: "retention.read",
    response: RetentionRuleListSchema,
    handler: ({ db, actor }) => listRetentionRules(db, actor),
  }),
  defineRoute({
    method: "PUT",
    url: "/retention/rules/:kind",
    operationId: "updateRetentionRule",
    summary: "Change a rule's period or switch it off (retention.run held at the country); audited",
    tags,
    permission: "retention.run",
    params: z.object({ kind: RetentionKindSchema }),
    body: UpdateRetentionRuleBodySchema,
    response: RetentionRuleSchema,
    handler: ({ db, actor, params, body }) => updateRetentionRule(db, actor, params.kind, body),
  }),
  defineRoute({
    method: "POST",
    url: "/retention/run",
    operationId: "runRetention",
    summary:
      "Apply the retention rules in the caller's units: dryRun counts what is due and writes nothing; " +
      "a real run de-identifies it (figures unchanged) with one audit event per rule",
    tags,
    permission: "retention.run",
    body: RunRetentionBodySchema,
    response: RetentionRunSchema,
    handler: ({ db, actor, body }) => runRetention(db, actor, body),
  }),
]);

/** The routes, and the daily run through the job queue (not in tests: they run it by hand). */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  if (app.config.env !== "test") {
    const worker = retentionWorker(app.db, app.log);
    let stopSchedule: (() => void) | null = null;
    app.addHook("onReady", async () => {
      worker.start();
      stopSchedule = startRetentionSchedule(app.db, worker, app.log);
    });
    app.addHook("onClose", async () => {
      stopSchedule?.();
      await worker.stop();
    });
  }
  await app.register(routes);
};
