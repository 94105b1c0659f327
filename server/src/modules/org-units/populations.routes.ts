import { IdSchema, RecordPopulationBodySchema, UnitPopulationsSchema } from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { listPopulations, recordPopulation } from "./populations";

const params = z.object({ id: IdSchema });
const tags = ["org-units"];

/** A commune's population: its history and a new figure (number, as-of day, source). */
export const populationRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/org-units/:id/populations",
    operationId: "listUnitPopulations",
    summary: "A commune's recorded populations, the one in force first",
    tags,
    permission: "org_unit.read",
    params,
    response: UnitPopulationsSchema,
    handler: ({ db, actor, params }) => listPopulations(db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/org-units/:id/populations",
    operationId: "recordUnitPopulation",
    summary: "Record a commune's population (kept with the earlier figures as history)",
    tags,
    permission: "org_unit.population",
    params,
    body: RecordPopulationBodySchema,
    status: 201,
    response: UnitPopulationsSchema,
    handler: async ({ db, actor, params, body }) => {
      await recordPopulation(db, actor, params.id, body);
      return listPopulations(db, actor, params.id);
    },
  }),
]);
