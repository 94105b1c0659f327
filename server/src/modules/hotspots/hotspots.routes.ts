import {
  DesignateHotspotBodySchema,
  HotspotDetailSchema,
  HotspotPageSchema,
  IdSchema,
  ListHotspotsQuerySchema,
  RecordHotspotEvidenceBodySchema,
  UpdateHotspotStatusBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { designateHotspot } from "./commands/designate-hotspot";
import { recordHotspotEvidence } from "./commands/record-hotspot-evidence";
import { updateHotspotStatus } from "./commands/update-hotspot-status";
import { hotspotDetail, listHotspotRows, presentHotspot } from "./hotspots.queries";

const IdParams = z.object({ id: IdSchema });
const tags = ["hotspots"];
const detail = { 200: HotspotDetailSchema, ...ERROR_RESPONSES };

export const hotspotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/hotspots",
    {
      config: { permission: "hotspot.read" },
      schema: {
        operationId: "listHotspots",
        tags,
        summary: "Designated areas in scope",
        querystring: ListHotspotsQuerySchema,
        response: { 200: HotspotPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "hotspot.read");
      const offset = decodeCursor(req.query.cursor);
      const rows = await listHotspotRows(app.db, actor, req.query.status, offset, req.query.limit);
      const page = pageFrom(rows, offset, req.query.limit);
      return { ...page, items: page.items.map(presentHotspot) };
    },
  );
  app.get(
    "/hotspots/:id",
    {
      config: { permission: "hotspot.read" },
      schema: {
        operationId: "getHotspot",
        tags,
        summary: "One area with its plan, evidence and history",
        params: IdParams,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "hotspot.read");
      return hotspotDetail(app.db, actor, req.params.id);
    },
  );
  app.post(
    "/hotspots",
    {
      config: { permission: "hotspot.manage" },
      schema: {
        operationId: "designateHotspot",
        tags,
        summary: "Designate an area with reasons, date and transformation plan",
        body: DesignateHotspotBodySchema,
        response: { 201: HotspotDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "hotspot.manage");
      return reply.status(201).send(await designateHotspot(app.db, actor, req.body));
    },
  );
  app.post(
    "/hotspots/:id/status",
    {
      config: { permission: "hotspot.manage" },
      schema: {
        operationId: "updateHotspotStatus",
        tags,
        summary: "Move along designated → transforming → transformed | removed",
        params: IdParams,
        body: UpdateHotspotStatusBodySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "hotspot.manage");
      return updateHotspotStatus(app.db, actor, req.params.id, req.body);
    },
  );
  app.post(
    "/hotspots/:id/evidence",
    {
      config: { permission: "hotspot.manage" },
      schema: {
        operationId: "recordHotspotEvidence",
        tags,
        summary: "Record an observation over time",
        params: IdParams,
        body: RecordHotspotEvidenceBodySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "hotspot.manage");
      return recordHotspotEvidence(app.db, actor, req.params.id, req.body);
    },
  );
};
