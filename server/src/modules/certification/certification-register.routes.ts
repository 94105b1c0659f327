import {
  CertificationHistorySchema,
  CertificationOverviewQuerySchema,
  CertificationOverviewSchema,
  DisqualifyingEventPageSchema,
  DisqualifyingEventSchema,
  IdSchema,
  ListDisqualifyingEventsQuerySchema,
  RecordDisqualifyingEventBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { recordDisqualifyingEvent } from "./commands/record-disqualifying-event";
import {
  certificationHistory,
  certificationOverview,
  disqualifyingEvent,
  listDisqualifyingEvents,
} from "./certification.register-queries";

const tags = ["certification"];

export const certificationRegisterRoutes = routesPlugin([
  defineRoute({
    method: "POST",
    url: "/certification/disqualifying-events",
    operationId: "recordDisqualifyingEvent",
    summary: "Add an event to the register of disqualifying events",
    tags,
    permission: "certification.record_event",
    body: RecordDisqualifyingEventBodySchema,
    status: 201,
    response: DisqualifyingEventSchema,
    handler: async ({ db, actor, body }) =>
      disqualifyingEvent(db, await recordDisqualifyingEvent(db, actor, body)),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/disqualifying-events",
    operationId: "listDisqualifyingEvents",
    summary: "The register of disqualifying events in the caller's scope, newest first",
    tags,
    permission: "certification.read",
    querystring: ListDisqualifyingEventsQuerySchema,
    response: DisqualifyingEventPageSchema,
    handler: ({ db, actor, query }) => listDisqualifyingEvents(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/overview",
    operationId: "getCertificationOverview",
    summary: "Per status counts, units not yet registered and overdue cycles under a unit",
    tags,
    permission: "certification.read",
    querystring: CertificationOverviewQuerySchema,
    response: CertificationOverviewSchema,
    handler: ({ db, actor, query }) => certificationOverview(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/units/:id/history",
    operationId: "getCertificationHistory",
    summary: "Year-on-year results of one unit",
    tags,
    permission: "certification.read",
    params: z.object({ id: IdSchema }),
    response: CertificationHistorySchema,
    handler: ({ db, actor, params }) => certificationHistory(db, actor, params.id),
  }),
]);
