import {
  CertificationHistorySchema,
  CertificationOverviewQuerySchema,
  CertificationOverviewSchema,
  DisqualifyingEventPageSchema,
  IdSchema,
  ListDisqualifyingEventsQuerySchema,
  RecordDisqualifyingEventBodySchema,
  DisqualifyingEventSchema,
  type CertificationUnitType,
  type CertificationStatus,
  type MovementLevel,
  todayInVietnam,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { queryRows } from "../../db/client";
import { pathInScope } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { recordDisqualifyingEvent } from "./commands/record-disqualifying-event";
import { disqualifies, SELECT_EVENT, type EventRow } from "./certification.evidence";
import { escapeLike, listCycles, presentCycle } from "./certification.queries";
import { unitTypeOf } from "./certification.rules";
import { subtreePath } from "./certification.routes";

const TAGS = ["certification"];
const CERTIFIED_KINDS = sql`('residential_area', 'commune', 'agency', 'enterprise', 'school')`;

/** An event is judged against the type of the unit it happened in. */
const present = (e: EventRow, kind: string) => ({
  ...e,
  disqualifies: disqualifies(e, unitTypeOf(kind)),
});

export const certificationRegisterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/certification/disqualifying-events",
    {
      config: { permission: "certification.record_event" },
      schema: {
        operationId: "recordDisqualifyingEvent",
        tags: TAGS,
        summary: "Add an event to the register of disqualifying events",
        body: RecordDisqualifyingEventBodySchema,
        response: { 201: DisqualifyingEventSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await recordDisqualifyingEvent(app.db, actor, req.body);
      const [row] = await queryRows<EventRow & { unitKind: string }>(
        app.db,
        sql`select x.*, u2.kind as "unitKind" from (${SELECT_EVENT} where e.id = ${id}) x
            join org_units u2 on u2.id = x."orgUnitId"`,
      );
      const { unitKind, ...event } = row!;
      return reply.status(201).send(present(event, unitKind));
    },
  );

  app.get(
    "/certification/disqualifying-events",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "listDisqualifyingEvents",
        tags: TAGS,
        summary: "The register of disqualifying events in the caller's scope, newest first",
        querystring: ListDisqualifyingEventsQuerySchema,
        response: { 200: DisqualifyingEventPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const offset = decodeCursor(q.cursor);
      const prefix = await subtreePath(app, actor, q.orgUnitId);
      const rows = await queryRows<EventRow & { unitKind: string }>(
        app.db,
        sql`select x.*, u2.kind as "unitKind" from (${SELECT_EVENT}
            where ${pathInScope(actor, "certification.read", sql`e.unit_path`)}
              and ${prefix ? sql`e.unit_path like ${`${escapeLike(prefix)}%`}` : sql`true`}
              and ${q.from ? sql`e.occurred_on >= ${q.from}::date` : sql`true`}
              and ${q.to ? sql`e.occurred_on <= ${q.to}::date` : sql`true`}) x
            join org_units u2 on u2.id = x."orgUnitId"
            order by x."occurredOn" desc, x.id limit ${q.limit + 1} offset ${offset}`,
      );
      const page = pageFrom(rows, offset, q.limit);
      return { ...page, items: page.items.map(({ unitKind, ...e }) => present(e, unitKind)) };
    },
  );

  app.get(
    "/certification/overview",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "getCertificationOverview",
        tags: TAGS,
        summary: "Per status counts, units not yet registered and overdue cycles under a unit",
        querystring: CertificationOverviewQuerySchema,
        response: { 200: CertificationOverviewSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { orgUnitId, year } = req.query;
      const prefix = (await subtreePath(app, actor, orgUnitId))!;
      const like = `${escapeLike(prefix)}%`;
      const counts = await queryRows<{ status: string; n: number | string }>(
        app.db,
        sql`select status, count(*) as n from certification_cycles c
            where c.unit_path like ${like} and c.year = ${year}
              and ${pathInScope(actor, "certification.read", sql`c.unit_path`)} group by status`,
      );
      const missing = await queryRows<{ orgUnitId: string; name: string; kind: string }>(
        app.db,
        sql`select u.id as "orgUnitId", u.full_name as name, u.kind from org_units u
            where u.path like ${like} and u.valid_to is null and u.kind in ${CERTIFIED_KINDS}
              and ${pathInScope(actor, "certification.read", sql`u.path`)}
              and not exists (select 1 from certification_cycles c where c.org_unit_id = u.id and c.year = ${year})
            order by u.depth, u.sort_name limit 500`,
      );
      const overdue = await listCycles(
        app.db,
        actor,
        { prefix, year },
        0,
        500,
        sql`c.status not in ('recognised', 'not_recognised') and c.decision_deadline < ${todayInVietnam()}::date`,
      );
      return {
        orgUnitId,
        year,
        byStatus: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
        notRegistered: missing.map((m) => ({
          orgUnitId: m.orgUnitId,
          name: m.name,
          unitType: m.kind as CertificationUnitType,
        })),
        overdue: overdue.slice(0, 500).map((r) => presentCycle(r)),
      };
    },
  );

  app.get(
    "/certification/units/:id/history",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "getCertificationHistory",
        tags: TAGS,
        summary: "Year-on-year results of one unit",
        params: z.object({ id: IdSchema }),
        response: { 200: CertificationHistorySchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const unit = await loadUnit(app.db, actor, req.params.id, { permission: "certification.read" });
      const rows = await queryRows<{
        year: number;
        cycleId: string;
        status: CertificationStatus;
        decisionNumber: string | null;
        crimes: number | null;
        socialEvils: number | null;
        level: MovementLevel | null;
      }>(
        app.db,
        sql`select c.year, c.id as "cycleId", c.status, c.decision_number as "decisionNumber",
              (c.self_assessment->>'crimes')::int as crimes, (c.self_assessment->>'socialEvils')::int as "socialEvils",
              c.classification->>'level' as level
            from certification_cycles c where c.org_unit_id = ${unit.id}
              and ${pathInScope(actor, "certification.read", sql`c.unit_path`)}
            order by c.year desc`,
      );
      return {
        orgUnitId: unit.id,
        items: rows.map(({ level, ...r }) => ({ ...r, classification: level })),
      };
    },
  );
};
