import { PublicUnitListSchema, PublicUnitsQuerySchema } from "@toandan/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { routableUnits } from "./routing";

/** The citizen channels' shared routes (the tip and feedback forms' place picker). */
export const citizenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/public/units",
    {
      config: { public: true },
      schema: {
        operationId: "listPublicUnits",
        // Listed with the tips in the API document, where the place picker first appeared.
        tags: ["tips"],
        summary: "Provinces, or the communes of a province, for the citizen forms' place picker",
        querystring: PublicUnitsQuerySchema,
        response: { 200: PublicUnitListSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const items = await routableUnits(app.db, req.query.provinceId);
      void (reply as FastifyReply).header("cache-control", "public, max-age=3600");
      return { items };
    },
  );
};
