import {
  CommendationPageSchema,
  CommendationSchema,
  DecideCommendationBodySchema,
  EndorseCommendationBodySchema,
  ExemplarPageSchema,
  IdSchema,
  ListCommendationsQuerySchema,
  ListExemplarsQuerySchema,
  NominateCommendationBodySchema,
  PublishExemplarBodySchema,
  RecordConsentBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { listExemplarRows } from "./commendations.public";
import { getCommendationRow, listCommendationRows, presentCommendation } from "./commendations.queries";
import { publishExemplar, recordConsent } from "./commands/consent-and-publish";
import { decideCommendation } from "./commands/decide-commendation";
import { endorseCommendation } from "./commands/endorse-commendation";
import { nominateCommendation } from "./commands/nominate-commendation";

const IdParams = z.object({ id: IdSchema });
const tags = ["commendations"];
const one = { 200: CommendationSchema, ...ERROR_RESPONSES };

export const commendationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/public/exemplars",
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        operationId: "listExemplars",
        tags,
        summary: "Public register of good people and good deeds (no account); consented entries only",
        querystring: ListExemplarsQuerySchema,
        response: { 200: ExemplarPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const offset = decodeCursor(req.query.cursor);
      void reply.header("cache-control", "public, max-age=60");
      return pageFrom(
        await listExemplarRows(app.db, req.query.provinceCode, offset, req.query.limit),
        offset,
        req.query.limit,
      );
    },
  );

  app.get(
    "/commendations",
    {
      config: { permission: "commendation.read" },
      schema: {
        operationId: "listCommendations",
        tags,
        summary: "Nominations in scope",
        querystring: ListCommendationsQuerySchema,
        response: { 200: CommendationPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "commendation.read");
      const offset = decodeCursor(req.query.cursor);
      const page = pageFrom(
        await listCommendationRows(app.db, actor, req.query.status, offset, req.query.limit),
        offset,
        req.query.limit,
      );
      return { ...page, items: page.items.map(presentCommendation) };
    },
  );

  app.get(
    "/commendations/:id",
    {
      config: { permission: "commendation.read" },
      schema: {
        operationId: "getCommendation",
        tags,
        summary: "One nomination",
        params: IdParams,
        response: one,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "commendation.read");
      return presentCommendation(await getCommendationRow(app.db, actor, req.params.id, "commendation.read"));
    },
  );

  app.post(
    "/commendations",
    {
      config: { permission: "commendation.nominate" },
      schema: {
        operationId: "nominateCommendation",
        tags,
        summary: "Nominate a person or a collective with evidence from records",
        body: NominateCommendationBodySchema,
        response: { 201: CommendationSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "commendation.nominate");
      return reply.status(201).send(await nominateCommendation(app.db, actor, req.body));
    },
  );

  app.post(
    "/commendations/:id/endorsements",
    {
      config: { permission: "commendation.endorse" },
      schema: {
        operationId: "endorseCommendation",
        tags,
        summary: "Opinion of one level, in order commune → province",
        params: IdParams,
        body: EndorseCommendationBodySchema,
        response: one,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "commendation.endorse");
      return endorseCommendation(app.db, actor, req.params.id, req.body);
    },
  );

  app.post(
    "/commendations/:id/decision",
    {
      config: { permission: "commendation.decide" },
      schema: {
        operationId: "decideCommendation",
        tags,
        summary: "The decision: form of award, number, date, issuer",
        params: IdParams,
        body: DecideCommendationBodySchema,
        response: one,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "commendation.decide");
      return decideCommendation(app.db, actor, req.params.id, req.body);
    },
  );

  app.post(
    "/commendations/:id/consent",
    {
      config: { permission: "commendation.publish" },
      schema: {
        operationId: "recordCommendationConsent",
        tags,
        summary: "Record (or withdraw) the person's consent to publication",
        params: IdParams,
        body: RecordConsentBodySchema,
        response: one,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "commendation.publish");
      return recordConsent(app.db, actor, req.params.id, req.body);
    },
  );

  app.post(
    "/commendations/:id/publication",
    {
      config: { permission: "commendation.publish" },
      schema: {
        operationId: "publishExemplar",
        tags,
        summary: "Put on (or take off) the public register; needs recorded consent",
        params: IdParams,
        body: PublishExemplarBodySchema,
        response: one,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "commendation.publish");
      return publishExemplar(app.db, actor, req.params.id, req.body.publish);
    },
  );
};
