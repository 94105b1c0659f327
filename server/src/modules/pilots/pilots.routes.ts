import {
  DesignatePilotBodySchema,
  EvaluatePilotBodySchema,
  IdSchema,
  ListPilotsQuerySchema,
  PilotDetailSchema,
  PilotPageSchema,
  PilotTotalsQuerySchema,
  PilotTotalsSchema,
  RecordReplicationBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { designatePilot } from "./commands/designate-pilot";
import { evaluatePilot } from "./commands/evaluate-pilot";
import { recordReplication } from "./commands/record-replication";
import { pilotDetail, pilotPage, pilotTotals } from "./pilots.queries";

const params = z.object({ id: IdSchema });
const tags = ["pilots"];

/** Pilots ("xây dựng điểm"): designation by decision, evaluations, replication ("nhân rộng"). */
export const pilotRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/pilots",
    operationId: "listPilots",
    summary: "Pilots in the caller's scope, optionally within a unit's subtree or at one stage",
    tags,
    permission: "group.read",
    querystring: ListPilotsQuerySchema,
    response: PilotPageSchema,
    handler: ({ readDb, actor, query }) => pilotPage(readDb, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/pilots/totals",
    operationId: "getPilotTotals",
    summary: "Pilots designated, evaluated, ready to replicate and replicated on a date, in a unit's subtree",
    tags,
    permission: "group.read",
    querystring: PilotTotalsQuerySchema,
    response: PilotTotalsSchema,
    handler: ({ readDb, actor, query }) => pilotTotals(readDb, actor, query),
  }),
  defineRoute({
    method: "POST",
    url: "/pilots",
    operationId: "designatePilot",
    summary: "Designate a commune or ward, a residential area or a model as a pilot by a decision",
    tags,
    permission: "group.manage",
    body: DesignatePilotBodySchema,
    status: 201,
    response: PilotDetailSchema,
    handler: ({ db, actor, body }) => designatePilot(db, actor, body),
  }),
  defineRoute({
    method: "GET",
    url: "/pilots/:id",
    operationId: "getPilot",
    summary: "A pilot with its evaluations and the units that replicated it",
    tags,
    permission: "group.read",
    params,
    response: PilotDetailSchema,
    handler: ({ db, actor, params }) => pilotDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/pilots/:id/evaluations",
    operationId: "evaluatePilot",
    summary: "Record an evaluation of a pilot: date, result, findings",
    tags,
    permission: "group.manage",
    params,
    body: EvaluatePilotBodySchema,
    response: PilotDetailSchema,
    handler: ({ db, actor, params, body }) => evaluatePilot(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/pilots/:id/replications",
    operationId: "recordPilotReplication",
    summary: "Record a unit that replicated the pilot (409 before an evaluation found it ready)",
    tags,
    permission: "group.manage",
    params,
    body: RecordReplicationBodySchema,
    response: PilotDetailSchema,
    handler: ({ db, actor, params, body }) => recordReplication(db, actor, params.id, body),
  }),
]);
