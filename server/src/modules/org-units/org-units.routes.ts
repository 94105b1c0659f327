import {
  CreateOrgUnitBodySchema,
  GetOrgUnitQuerySchema,
  IdSchema,
  ImportOrgUnitsBodySchema,
  ImportOrgUnitsResultSchema,
  ListOrgUnitsQuerySchema,
  OrgUnitDetailSchema,
  OrgUnitPageSchema,
  OrgUnitSchema,
  OrganizerBodiesSchema,
  type OrgUnitDetail,
  type OrganizerBodies,
  todayInVietnam,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { createOrgUnit } from "./commands/create-org-unit";
import { importOrgUnits } from "./commands/import-org-units";
import { presentOrgUnit } from "./org-units.presenter";
import { changesOf, lineageOf, listOrgUnits } from "./org-units.queries";
import { ancestorsOf, bodiesOf, bodiesOfUnitAndAncestors, loadUnit } from "./places";

const IdParams = z.object({ id: IdSchema });

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/org-units",
    {
      config: { permission: "org_unit.read" },
      schema: {
        operationId: "listOrgUnits",
        tags: ["org-units"],
        summary: "List, search and browse units in the caller's scope",
        querystring: ListOrgUnitsQuerySchema,
        response: { 200: OrgUnitPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "org_unit.read");
      const q = req.query;
      const offset = decodeCursor(q.cursor);
      let at = q.at ?? todayInVietnam();
      if (!q.at && q.parentId) {
        // Browsing a historic unit shows its children as they stood when it was last valid.
        const parent = await loadUnit(app.db, actor, q.parentId, { at });
        if (parent.validTo && parent.validTo < at) at = parent.validTo;
      }
      // The subtree root must itself be visible (else 404); its path makes an indexed prefix match.
      const within = q.within ? await loadUnit(app.db, actor, q.within, { at }) : undefined;
      const { rows, total } = await listOrgUnits(app.db, actor, q, offset, at, within?.path);
      const page = pageFrom(rows, offset, q.limit);
      const changes = await changesOf(
        app.db,
        page.items.map((r) => r.id),
      );
      return { ...page, items: page.items.map((r) => presentOrgUnit(r, changes, at)), total };
    },
  );

  app.get(
    "/org-units/:id",
    {
      config: { permission: "org_unit.read" },
      schema: {
        operationId: "getOrgUnit",
        tags: ["org-units"],
        summary: "A unit with its ancestors, bodies, lineage and changes",
        params: IdParams,
        querystring: GetOrgUnitQuerySchema,
        response: { 200: OrgUnitDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req): Promise<OrgUnitDetail> => {
      const actor = requireActor(req);
      requirePermission(actor, "org_unit.read");
      let at = req.query.at ?? todayInVietnam();
      const row = await loadUnit(app.db, actor, req.params.id, { at });
      if (!req.query.at && row.validTo && row.validTo < at) at = row.validTo;
      const [ancestors, bodyRows, next, prev] = await Promise.all([
        ancestorsOf(app.db, row, at),
        bodiesOf(app.db, [row.id]),
        lineageOf(app.db, actor, row.id, "next", at),
        lineageOf(app.db, actor, row.id, "prev", at),
      ]);
      const all = [row, ...ancestors, ...next, ...prev];
      const changes = await changesOf(
        app.db,
        all.map((r) => r.id),
      );
      return {
        ...presentOrgUnit(row, changes, at),
        ancestors: ancestors.map((a) => presentOrgUnit(a, changes, at)),
        bodies: bodyRows.map((b) => ({ id: b.id, kind: b.kind, name: b.name })),
        successors: next.map((n) => ({ unit: presentOrgUnit(n, changes, at), mergeType: n.mergeType })),
        predecessors: prev.map((p) => ({ unit: presentOrgUnit(p, changes, at), mergeType: p.mergeType })),
        changes: changes.filter((c) => c.orgUnitId === row.id).map(({ orgUnitId: _o, ...c }) => c),
      };
    },
  );

  app.get(
    "/org-units/:id/organizer-bodies",
    {
      config: { permission: "org_unit.read" },
      schema: {
        operationId: "listOrganizerBodies",
        tags: ["org-units"],
        summary:
          "The bodies that may organise a record at a unit: the unit's and its ancestors', by unit (the co-organiser picker)",
        params: IdParams,
        response: { 200: OrganizerBodiesSchema, ...ERROR_RESPONSES },
      },
    },
    async (req): Promise<OrganizerBodies> => {
      const actor = requireActor(req);
      requirePermission(actor, "org_unit.read");
      // The unit must be visible; its ancestors need not be (a residential area's cadre cannot
      // read its ward or province, yet may name their bodies as co-organisers).
      const unit = await loadUnit(app.db, actor, req.params.id);
      return { orgUnitId: unit.id, levels: await bodiesOfUnitAndAncestors(app.db, unit) };
    },
  );

  app.post(
    "/org-units",
    {
      config: { permission: "org_unit.create" },
      schema: {
        operationId: "createOrgUnit",
        tags: ["org-units"],
        summary: "Create a residential area, agency, enterprise or school under a commune",
        body: CreateOrgUnitBodySchema,
        response: { 201: OrgUnitSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "org_unit.create");
      const id = await createOrgUnit(app.db, actor, req.body);
      const row = await loadUnit(app.db, actor, id);
      return reply.status(201).send(presentOrgUnit(row, [], todayInVietnam()));
    },
  );

  app.post(
    "/org-units/import",
    {
      bodyLimit: 6 * 1024 * 1024,
      config: { permission: "org_unit.import" },
      schema: {
        operationId: "importOrgUnits",
        tags: ["org-units"],
        summary: "Import local units from CSV (kind,name,code,type,commune_code); all or nothing",
        body: ImportOrgUnitsBodySchema,
        response: { 200: ImportOrgUnitsResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "org_unit.import");
      return { created: await importOrgUnits(app.db, actor, req.body) };
    },
  );
};
