import {
  CreatePlanBodySchema,
  CreatePlanSourceBodySchema,
  ListPlanSourcesQuerySchema,
  PlanSourcePageSchema,
  PlanSourceSchema,
  RecordPlanReviewBodySchema,
  IdSchema,
  ImplementedPlansSchema,
  IndicatorSchema,
  ListImplementedPlansQuerySchema,
  ListPlansQuerySchema,
  OkSchema,
  PlanPageSchema,
  PlanProgressSchema,
  PlanSchema,
  UpdatePlanBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { listIndicators } from "../indicators";
import { loadUnit } from "../org-units";
import { createPlan } from "./commands/create-plan";
import { recordPlanReview } from "./commands/record-plan-review";
import { registerPlanSource } from "./commands/register-plan-source";
import { getPlanSource, listPlanSources } from "./plan-sources.queries";
import { deletePlan, updatePlan } from "./commands/update-plan";
import { listImplementedPlans } from "./implemented-plans";
import { planProgress } from "./plan-progress";
import { canCreatePlan, getPlan, listPlans } from "./plans.queries";

const IdParams = z.object({ id: IdSchema });

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/indicators",
    {
      config: { permission: "plan.read" },
      schema: {
        operationId: "listIndicators",
        tags: ["plans"],
        summary: "The indicator registry: every figure a target or report can use",
        response: { 200: z.object({ items: z.array(IndicatorSchema) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ items: [...listIndicators()] }),
  );

  app.post(
    "/plans",
    {
      config: { permission: "plan.manage" },
      schema: {
        operationId: "createPlan",
        tags: ["plans"],
        summary: "Create a joint plan with tasks, yearly milestones and targets",
        body: CreatePlanBodySchema,
        response: { 201: PlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await createPlan(app.db, actor, req.body);
      const { unitPath: _p, ...plan } = await getPlan(app.db, actor, id);
      return reply.status(201).send(plan);
    },
  );

  app.get(
    "/plans",
    {
      config: { permission: "plan.read" },
      schema: {
        operationId: "listPlans",
        tags: ["plans"],
        querystring: ListPlansQuerySchema,
        response: { 200: PlanPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const offset = decodeCursor(q.cursor);
      const unit = q.orgUnitId
        ? await loadUnit(app.db, actor, q.orgUnitId, { permission: "plan.read" })
        : null;
      const rows = await listPlans(app.db, actor, {
        unitPath: unit?.path,
        year: q.year,
        kind: q.kind,
        sourceId: q.sourceId,
        offset,
        limit: q.limit,
      });
      return { ...pageFrom(rows, offset, q.limit), can: { create: canCreatePlan(actor) } };
    },
  );

  app.get(
    "/plans/implemented",
    {
      config: { permission: "plan.read" },
      schema: {
        operationId: "listImplementedPlans",
        tags: ["plans"],
        summary: "Plans of the levels above the caller's units, with each unit's share of their targets",
        querystring: ListImplementedPlansQuerySchema,
        response: { 200: ImplementedPlansSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => listImplementedPlans(app.db, requireActor(req), { year: req.query.year }),
  );

  app.get(
    "/plans/:id",
    {
      config: { permission: "plan.read" },
      schema: {
        operationId: "getPlan",
        tags: ["plans"],
        params: IdParams,
        response: { 200: PlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const { unitPath: _p, ...plan } = await getPlan(app.db, requireActor(req), req.params.id);
      return plan;
    },
  );

  app.put(
    "/plans/:id",
    {
      config: { permission: "plan.manage" },
      schema: {
        operationId: "updatePlan",
        tags: ["plans"],
        summary: "Correct a plan: its whole content is sent again (the unit stays)",
        params: IdParams,
        body: UpdatePlanBodySchema,
        response: { 200: PlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await updatePlan(app.db, actor, req.params.id, req.body);
      const { unitPath: _p, ...plan } = await getPlan(app.db, actor, req.params.id);
      return plan;
    },
  );

  app.delete(
    "/plans/:id",
    {
      config: { permission: "plan.manage" },
      schema: {
        operationId: "deletePlan",
        tags: ["plans"],
        params: IdParams,
        response: { 200: OkSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      await deletePlan(app.db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/plans/:id/progress",
    {
      config: { permission: "plan.read" },
      schema: {
        operationId: "getPlanProgress",
        tags: ["plans"],
        summary: "Each target against the figure computed now from the records",
        params: IdParams,
        response: { 200: PlanProgressSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const plan = await getPlan(app.db, requireActor(req), req.params.id);
      return planProgress(app.db, plan);
    },
  );

  app.post(
    "/plan-sources",
    {
      config: { permission: "plan.manage" },
      schema: {
        operationId: "registerPlanSource",
        tags: ["plans"],
        summary:
          "Register a source document plans implement: a Party directive or programme, a project, a higher plan",
        body: CreatePlanSourceBodySchema,
        response: { 201: PlanSourceSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await registerPlanSource(app.db, actor, req.body);
      return reply.status(201).send(await getPlanSource(app.db, actor, id));
    },
  );

  app.get(
    "/plan-sources",
    {
      config: { permission: "plan.read" },
      schema: {
        operationId: "listPlanSources",
        tags: ["plans"],
        summary: "Source documents registered at the caller's units and the units above them",
        querystring: ListPlanSourcesQuerySchema,
        response: { 200: PlanSourcePageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const q = req.query;
      const offset = decodeCursor(q.cursor);
      const rows = await listPlanSources(app.db, requireActor(req), {
        kind: q.kind,
        q: q.q,
        offset,
        limit: q.limit,
      });
      return pageFrom(rows, offset, q.limit);
    },
  );

  app.get(
    "/plan-sources/:id",
    {
      config: { permission: "plan.read" },
      schema: {
        operationId: "getPlanSource",
        tags: ["plans"],
        params: IdParams,
        response: { 200: PlanSourceSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => getPlanSource(app.db, requireActor(req), req.params.id),
  );

  app.post(
    "/plans/:id/reviews",
    {
      config: { permission: "plan.manage" },
      schema: {
        operationId: "recordPlanReview",
        tags: ["plans"],
        summary:
          "Record a yearly, five-year (sơ kết) or ten-year (tổng kết) review, with the targets computed that day",
        params: IdParams,
        body: RecordPlanReviewBodySchema,
        response: { 201: PlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await recordPlanReview(app.db, actor, req.params.id, req.body);
      const { unitPath: _p, ...plan } = await getPlan(app.db, actor, req.params.id);
      return reply.status(201).send(plan);
    },
  );
};
