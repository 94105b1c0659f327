import {
  IdSchema,
  RecordSafeFamiliesBodySchema,
  RecordSafeFamiliesResultSchema,
  RecordSafeFamilyBodySchema,
  SafeFamilyReviewQuerySchema,
  SafeFamilyReviewSchema,
  SafeFamilySchema,
  SafeFamilyTotalsQuerySchema,
  SafeFamilyTotalsSchema,
  WithdrawSafeFamilyBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { recordSafeFamilies, recordSafeFamily, withdrawSafeFamily } from "./commands/safe-families";
import { getSafeFamily, safeFamilyReview, safeFamilyTotals } from "./safe-families.queries";

const IdParams = z.object({ id: IdSchema });
const TAGS = ["households"];

/** Safe families ("gia đình an toàn về ANTT"): recognitions per household and year, and their totals. */
export const safeFamilyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/households/safe-families",
    {
      config: { permission: "household.read" },
      schema: {
        operationId: "listSafeFamilies",
        tags: TAGS,
        summary: "A residential area's households of a year with their safe-family recognition",
        querystring: SafeFamilyReviewQuerySchema,
        response: { 200: SafeFamilyReviewSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.read");
      return safeFamilyReview(app.db, actor, req.query.orgUnitId, req.query.year);
    },
  );

  app.get(
    "/households/safe-families/totals",
    {
      config: { permission: "household.read" },
      schema: {
        operationId: "getSafeFamilyTotals",
        tags: TAGS,
        summary: "Households, recognised safe families and rate of a unit's subtree for a year",
        querystring: SafeFamilyTotalsQuerySchema,
        response: { 200: SafeFamilyTotalsSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.read");
      return safeFamilyTotals(app.db, actor, req.query);
    },
  );

  app.post(
    "/households/:id/safe-families",
    {
      config: { permission: "household.manage" },
      schema: {
        operationId: "recordSafeFamily",
        tags: TAGS,
        summary: "Record a household's recognition as a safe family for a year",
        params: IdParams,
        body: RecordSafeFamilyBodySchema,
        response: { 201: SafeFamilySchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.manage");
      const id = await recordSafeFamily(app.db, actor, req.params.id, req.body);
      return reply.status(201).send(await getSafeFamily(app.db, id));
    },
  );

  app.post(
    "/households/safe-families/review",
    {
      config: { permission: "household.manage" },
      schema: {
        operationId: "recordSafeFamilies",
        tags: TAGS,
        summary: "Record a residential area's yearly review: the households recognised as safe families",
        body: RecordSafeFamiliesBodySchema,
        response: { 200: RecordSafeFamiliesResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.manage");
      return recordSafeFamilies(app.db, actor, req.body);
    },
  );

  app.post(
    "/households/safe-families/:id/withdraw",
    {
      config: { permission: "household.manage" },
      schema: {
        operationId: "withdrawSafeFamily",
        tags: TAGS,
        summary: "Withdraw a safe-family recognition, with the reason",
        params: IdParams,
        body: WithdrawSafeFamilyBodySchema,
        response: { 200: SafeFamilySchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.manage");
      await withdrawSafeFamily(app.db, actor, req.params.id, req.body);
      return getSafeFamily(app.db, req.params.id);
    },
  );
};
