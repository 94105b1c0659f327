import {
  AddSupervisionRecommendationBodySchema,
  CloseSupervisionBodySchema,
  CreateSupervisionBodySchema,
  IdSchema,
  ListSupervisionsQuerySchema,
  RecordRecommendationResponseBodySchema,
  RecordSupervisionFindingBodySchema,
  SupervisionDetailSchema,
  SupervisionPageSchema,
  SupervisionTotalsQuerySchema,
  SupervisionTotalsSchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { addSupervisionRecommendation } from "./commands/add-supervision-recommendation";
import { closeSupervision } from "./commands/close-supervision";
import { createSupervision } from "./commands/create-supervision";
import { recordRecommendationResponse } from "./commands/record-recommendation-response";
import { recordSupervisionFinding } from "./commands/record-supervision-finding";
import { supervisionDetail, supervisionPage } from "./supervision.queries";
import { supervisionTotals } from "./supervision.totals";

const params = z.object({ id: IdSchema });
const tags = ["supervision"];

export const supervisionRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/supervisions",
    operationId: "listSupervisions",
    summary: "Front supervisions in scope, and those with recommendations addressed to the caller's body",
    tags,
    permission: "supervision.read",
    querystring: ListSupervisionsQuerySchema,
    response: SupervisionPageSchema,
    handler: ({ db, actor, query }) => supervisionPage(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/supervisions/totals",
    operationId: "getSupervisionTotals",
    summary: "Supervisions held, recommendations made, answered and overdue in a unit's subtree",
    tags,
    permission: "supervision.read",
    querystring: SupervisionTotalsQuerySchema,
    response: SupervisionTotalsSchema,
    handler: ({ db, actor, query }) => supervisionTotals(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/supervisions/:id",
    operationId: "getSupervision",
    summary: "One supervision with its findings, recommendations and answers",
    tags,
    permission: "supervision.read",
    params,
    response: SupervisionDetailSchema,
    handler: ({ db, actor, params }) => supervisionDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/supervisions",
    operationId: "createSupervision",
    summary: "Plan a supervision: subject, form, period, delegation, decision",
    tags,
    permission: "supervision.manage",
    body: CreateSupervisionBodySchema,
    status: 201,
    response: SupervisionDetailSchema,
    handler: ({ db, actor, body }) => createSupervision(db, actor, body),
  }),
  defineRoute({
    method: "POST",
    url: "/supervisions/:id/findings",
    operationId: "recordSupervisionFinding",
    summary: "Record a finding (the first starts the supervision)",
    tags,
    permission: "supervision.manage",
    params,
    body: RecordSupervisionFindingBodySchema,
    response: SupervisionDetailSchema,
    handler: ({ db, actor, params, body }) => recordSupervisionFinding(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/supervisions/:id/recommendations",
    operationId: "addSupervisionRecommendation",
    summary: "Make a recommendation to a body or agency, with a due date",
    tags,
    permission: "supervision.manage",
    params,
    body: AddSupervisionRecommendationBodySchema,
    response: SupervisionDetailSchema,
    handler: ({ db, actor, params, body }) => addSupervisionRecommendation(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/supervisions/:id/recommendations/:recommendationId/response",
    operationId: "recordRecommendationResponse",
    summary: "Record the addressee's answer and action",
    tags,
    permission: "supervision.read",
    params: z.object({ id: IdSchema, recommendationId: IdSchema }),
    body: RecordRecommendationResponseBodySchema,
    response: SupervisionDetailSchema,
    handler: ({ db, actor, params, body }) =>
      recordRecommendationResponse(db, actor, params.id, params.recommendationId, body),
  }),
  defineRoute({
    method: "POST",
    url: "/supervisions/:id/close",
    operationId: "closeSupervision",
    summary: "Conclude with a result; unanswered recommendations need a stated reason",
    tags,
    permission: "supervision.manage",
    params,
    body: CloseSupervisionBodySchema,
    response: SupervisionDetailSchema,
    handler: ({ db, actor, params, body }) => closeSupervision(db, actor, params.id, body),
  }),
]);
