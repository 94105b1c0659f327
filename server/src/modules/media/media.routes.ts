import {
  AddMediaItemBodySchema,
  CreateMediaPartnershipBodySchema,
  IdSchema,
  ListMediaPartnershipsQuerySchema,
  MediaPartnershipDetailSchema,
  MediaPartnershipPageSchema,
  UpdateMediaPartnershipBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { addMediaItem } from "./commands/add-media-item";
import { createMediaPartnership } from "./commands/create-media-partnership";
import { removeMediaItem } from "./commands/remove-media-item";
import { updateMediaPartnership } from "./commands/update-media-partnership";
import { partnershipDetail, partnershipPage } from "./media.queries";

const params = z.object({ id: IdSchema });
const tags = ["media"];

/** Partnerships with the press, radio and television, and the items published or aired under them. */
export const mediaRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/media-partnerships",
    operationId: "listMediaPartnerships",
    summary: "Media partnerships in the caller's scope, optionally within a unit's subtree",
    tags,
    permission: "activity.read",
    querystring: ListMediaPartnershipsQuerySchema,
    response: MediaPartnershipPageSchema,
    handler: ({ readDb, actor, query }) => partnershipPage(readDb, actor, query),
  }),
  defineRoute({
    method: "POST",
    url: "/media-partnerships",
    operationId: "createMediaPartnership",
    summary: "Record a partnership of a unit's body with a newspaper, a station or an official page",
    tags,
    permission: "activity.create",
    body: CreateMediaPartnershipBodySchema,
    status: 201,
    response: MediaPartnershipDetailSchema,
    handler: ({ db, actor, body }) => createMediaPartnership(db, actor, body),
  }),
  defineRoute({
    method: "GET",
    url: "/media-partnerships/:id",
    operationId: "getMediaPartnership",
    summary: "A media partnership with its items",
    tags,
    permission: "activity.read",
    params,
    response: MediaPartnershipDetailSchema,
    handler: ({ db, actor, params }) => partnershipDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "PATCH",
    url: "/media-partnerships/:id",
    operationId: "updateMediaPartnership",
    summary: "Edit a media partnership (If-Match: its version); audited with before and after",
    tags,
    permission: "activity.update",
    params,
    body: UpdateMediaPartnershipBodySchema,
    response: MediaPartnershipDetailSchema,
    versioned: { table: "media_partnerships" },
    handler: ({ db, actor, params, body }) => updateMediaPartnership(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/media-partnerships/:id/items",
    operationId: "addMediaItem",
    summary: "Record an item published or aired under a partnership",
    tags,
    permission: "activity.create",
    params,
    body: AddMediaItemBodySchema,
    status: 201,
    response: MediaPartnershipDetailSchema,
    handler: ({ db, actor, params, body }) => addMediaItem(db, actor, params.id, body),
  }),
  defineRoute({
    method: "DELETE",
    url: "/media-partnerships/:id/items/:itemId",
    operationId: "removeMediaItem",
    summary: "Remove an item entered by mistake",
    tags,
    permission: "activity.delete",
    params: z.object({ id: IdSchema, itemId: IdSchema }),
    response: MediaPartnershipDetailSchema,
    handler: ({ db, actor, params }) => removeMediaItem(db, actor, params.id, params.itemId),
  }),
]);
