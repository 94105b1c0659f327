import {
  CriteriaVersionListSchema,
  IdSchema,
  ListCriteriaVersionsQuerySchema,
  UpdateCertificationCriteriaBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { updateCertificationCriteria } from "./commands/update-certification-criteria";
import { listCriteriaVersions } from "./certification.versions";

const tags = ["certification"];

/** The criteria versions (Circular 124/2021 Art. 8.1) and a province's way to add one. */
export const certificationCriteriaRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/certification/criteria-versions",
    operationId: "listCertificationCriteriaVersions",
    summary:
      "National criteria versions and a province's versions (default: the province the caller administers), with can.update",
    tags,
    permission: "certification.read",
    querystring: ListCriteriaVersionsQuerySchema,
    response: CriteriaVersionListSchema,
    handler: ({ db, actor, query }) => listCriteriaVersions(db, actor, query),
  }),
  defineRoute({
    method: "PUT",
    url: "/certification/provinces/:provinceId/criteria",
    operationId: "updateCertificationCriteria",
    summary:
      "A new version of a province's extra criteria and recognising authorities, effective from a date (province-level administrator of that province only); earlier versions and decisions stay",
    tags,
    permission: "certification.configure",
    params: z.object({ provinceId: IdSchema }),
    body: UpdateCertificationCriteriaBodySchema,
    response: CriteriaVersionListSchema,
    handler: async ({ db, actor, params, body }) => {
      await updateCertificationCriteria(db, actor, params.provinceId, body);
      return listCriteriaVersions(db, actor, { provinceId: params.provinceId });
    },
  }),
]);
