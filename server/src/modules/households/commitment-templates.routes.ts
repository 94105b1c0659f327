import {
  CommitmentTemplateListSchema,
  CommitmentTemplateSchema,
  CreateCommitmentTemplateBodySchema,
  ListCommitmentTemplatesQuerySchema,
} from "@toandan/contracts";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { createCommitmentTemplate, listCommitmentTemplates } from "./commitment-templates";

const tags = ["households"];

export const commitmentTemplateRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/commitment-templates",
    operationId: "listCommitmentTemplates",
    summary: "The commitment templates a unit's households may sign: its own and its ancestors'",
    tags,
    permission: "household.read",
    querystring: ListCommitmentTemplatesQuerySchema,
    response: CommitmentTemplateListSchema,
    handler: ({ db, actor, query }) => listCommitmentTemplates(db, actor, query.orgUnitId),
  }),
  defineRoute({
    method: "POST",
    url: "/commitment-templates",
    operationId: "createCommitmentTemplate",
    summary: "Add a commitment template at a unit (unique name per unit)",
    tags,
    permission: "household.manage",
    body: CreateCommitmentTemplateBodySchema,
    status: 201,
    response: CommitmentTemplateSchema,
    handler: ({ db, actor, body }) => createCommitmentTemplate(db, actor, body),
  }),
]);
