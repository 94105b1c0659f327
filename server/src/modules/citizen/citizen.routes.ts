import { PublicUnitListSchema, PublicUnitsQuerySchema } from "@toandan/contracts";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { routableUnits } from "./routing";

/** The citizen channels' shared routes (the tip and feedback forms' place picker). */
export const citizenRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/public/units",
    operationId: "listPublicUnits",
    summary: "Provinces, or the communes of a province, for the citizen forms' place picker",
    // Listed with the tips in the API document, where the place picker first appeared.
    tags: ["tips"],
    public: true,
    querystring: PublicUnitsQuerySchema,
    response: PublicUnitListSchema,
    handler: async ({ db, query, reply }) => {
      void reply.header("cache-control", "public, max-age=3600");
      return { items: await routableUnits(db, query.provinceId) };
    },
  }),
]);
