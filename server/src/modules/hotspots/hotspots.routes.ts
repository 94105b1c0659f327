import {
  DesignateHotspotBodySchema,
  HotspotDetailSchema,
  HotspotPageSchema,
  IdSchema,
  ListHotspotsQuerySchema,
  RecordHotspotEvidenceBodySchema,
  UpdateHotspotStatusBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { designateHotspot } from "./commands/designate-hotspot";
import { recordHotspotEvidence } from "./commands/record-hotspot-evidence";
import { updateHotspotStatus } from "./commands/update-hotspot-status";
import { hotspotDetail, hotspotPage } from "./hotspots.queries";

const params = z.object({ id: IdSchema });
const tags = ["hotspots"];

export const hotspotRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/hotspots",
    operationId: "listHotspots",
    summary: "Designated areas in scope",
    tags,
    permission: "hotspot.read",
    querystring: ListHotspotsQuerySchema,
    response: HotspotPageSchema,
    handler: ({ db, actor, query }) => hotspotPage(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/hotspots/:id",
    operationId: "getHotspot",
    summary: "One area with its plan, evidence and history",
    tags,
    permission: "hotspot.read",
    params,
    response: HotspotDetailSchema,
    handler: ({ db, actor, params }) => hotspotDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/hotspots",
    operationId: "designateHotspot",
    summary: "Designate an area with reasons, date and transformation plan",
    tags,
    permission: "hotspot.manage",
    body: DesignateHotspotBodySchema,
    status: 201,
    response: HotspotDetailSchema,
    handler: ({ db, actor, body }) => designateHotspot(db, actor, body),
  }),
  defineRoute({
    method: "POST",
    url: "/hotspots/:id/status",
    operationId: "updateHotspotStatus",
    summary: "Move along designated → transforming → transformed | removed",
    tags,
    permission: "hotspot.manage",
    params,
    body: UpdateHotspotStatusBodySchema,
    response: HotspotDetailSchema,
    handler: ({ db, actor, params, body }) => updateHotspotStatus(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/hotspots/:id/evidence",
    operationId: "recordHotspotEvidence",
    summary: "Record an observation over time",
    tags,
    permission: "hotspot.manage",
    params,
    body: RecordHotspotEvidenceBodySchema,
    response: HotspotDetailSchema,
    handler: ({ db, actor, params, body }) => recordHotspotEvidence(db, actor, params.id, body),
  }),
]);
