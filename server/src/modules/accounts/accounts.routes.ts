import {
  AccountPageSchema,
  AccountSchema,
  CreateAccountBodySchema,
  IdSchema,
  ListAccountsQuerySchema,
  ROLE_BODIES,
  ROLE_PERMISSIONS,
  ROLE_UNIT_KINDS,
  ROLES,
  RoleInfoSchema,
  UpdateAccountBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { getAccount, listAccounts } from "./accounts.queries";
import { createAccount } from "./commands/create-account";
import { updateAccount } from "./commands/update-account";

const IdParams = z.object({ id: IdSchema });

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/accounts",
    {
      config: { permission: "account.read" },
      schema: {
        operationId: "listAccounts",
        tags: ["accounts"],
        summary: "Accounts with a role inside the caller's scope",
        querystring: ListAccountsQuerySchema,
        response: { 200: AccountPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "account.read");
      const offset = decodeCursor(req.query.cursor);
      const rows = await listAccounts(app.db, actor, req.query.q, offset, req.query.limit);
      return pageFrom(rows, offset, req.query.limit);
    },
  );

  app.get(
    "/accounts/:id",
    {
      config: { permission: "account.read" },
      schema: {
        operationId: "getAccount",
        tags: ["accounts"],
        params: IdParams,
        response: { 200: AccountSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "account.read");
      return getAccount(app.db, actor, req.params.id);
    },
  );

  app.post(
    "/accounts",
    {
      config: { permission: "account.create" },
      schema: {
        operationId: "createAccount",
        tags: ["accounts"],
        summary: "Create an account holding roles at units for bodies",
        body: CreateAccountBodySchema,
        response: { 201: AccountSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "account.create");
      const id = await createAccount(app.db, actor, req.body);
      return reply.status(201).send(await getAccount(app.db, actor, id));
    },
  );

  app.patch(
    "/accounts/:id",
    {
      config: { permission: "account.update" },
      schema: {
        operationId: "updateAccount",
        tags: ["accounts"],
        summary: "Rename, disable/enable, reset password, unlock or change roles",
        params: IdParams,
        body: UpdateAccountBodySchema,
        response: { 200: AccountSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "account.update");
      await updateAccount(app.db, actor, req.params.id, req.body);
      return getAccount(app.db, actor, req.params.id);
    },
  );

  app.get(
    "/roles",
    {
      schema: {
        operationId: "listRoles",
        tags: ["accounts"],
        summary: "Roles, their permissions, and where they may be held",
        response: { 200: z.object({ items: z.array(RoleInfoSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      requireActor(req);
      return {
        items: ROLES.map((role) => ({
          role,
          permissions: [...ROLE_PERMISSIONS[role]],
          unitKinds: [...ROLE_UNIT_KINDS[role]],
          bodies: [...ROLE_BODIES[role]],
        })),
      };
    },
  );
};
