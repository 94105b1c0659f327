import {
  IdSchema,
  ListRemoteCommunesQuerySchema,
  PublicUnitListSchema,
  PublicUnitsQuerySchema,
  RemoteCommunePageSchema,
  RemoteCommuneSchema,
  SetRemoteCommuneBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { setRemoteCommune } from "./commands/set-remote-commune";
import { listRemoteCommunes } from "./remote-communes.queries";
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
  defineRoute({
    method: "GET",
    url: "/remote-communes",
    operationId: "listRemoteCommunes",
    summary:
      "Remote communes (48-hour transfer of urgent tips, JC 01/2017 Art. 8.5) in the caller's provinces",
    tags: ["tips"],
    permission: "remote_commune.manage",
    querystring: ListRemoteCommunesQuerySchema,
    response: RemoteCommunePageSchema,
    handler: ({ db, actor, query }) => listRemoteCommunes(db, actor, query),
  }),
  defineRoute({
    method: "PUT",
    url: "/remote-communes/:orgUnitId",
    operationId: "setRemoteCommune",
    summary: "Put a current commune on the remote list with its legal basis, or take it off (audited)",
    tags: ["tips"],
    permission: "remote_commune.manage",
    params: z.object({ orgUnitId: IdSchema }),
    body: SetRemoteCommuneBodySchema,
    response: RemoteCommuneSchema,
    handler: ({ db, actor, params, body }) => setRemoteCommune(db, actor, params.orgUnitId, body),
  }),
]);
