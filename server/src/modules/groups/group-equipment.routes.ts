import {
  AddOnlineChannelBodySchema,
  CloseOnlineChannelBodySchema,
  EquipmentTotalsQuerySchema,
  EquipmentTotalsSchema,
  GroupEquipmentSchema,
  IdSchema,
  InstallEquipmentBodySchema,
  IsoDateSchema,
  RemoveEquipmentBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { defineRoute } from "../../kernel/http/define-route";
import { addOnlineChannel, closeOnlineChannel } from "./commands/online-channels";
import { installEquipment, removeEquipment } from "./commands/record-equipment";
import { groupEquipment, unitEquipmentTotals } from "./group-equipment.queries";

const params = z.object({ id: IdSchema });
const channelParams = z.object({ id: IdSchema, channelId: IdSchema });
const tags = ["groups"];

/** Runs a write, then answers the model's equipment as it now is. */
const andAnswer =
  <A extends unknown[]>(write: (db: Db, actor: Actor, id: string, ...rest: A) => Promise<void>) =>
  async (db: Db, actor: Actor, id: string, ...rest: A) => {
    await write(db, actor, id, ...rest);
    return groupEquipment(db, actor, id);
  };

/** A model's equipment ("camera an ninh", "đèn đường", "cổng rào"…) and its online groups. */
export const groupEquipmentRoutes = [
  defineRoute({
    method: "GET",
    url: "/groups/equipment-totals",
    operationId: "getEquipmentTotals",
    summary: "Equipment by kind and online groups of the models existing on a date, in a unit's subtree",
    tags,
    permission: "group.read",
    querystring: EquipmentTotalsQuerySchema,
    response: EquipmentTotalsSchema,
    handler: ({ readDb, actor, query }) => unitEquipmentTotals(readDb, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/groups/:id/equipment",
    operationId: "getGroupEquipment",
    summary:
      "A model's equipment counts on a date, the ledger of installations and removals, its online groups",
    tags,
    permission: "group.read",
    params,
    querystring: z.object({ on: IsoDateSchema.optional() }),
    response: GroupEquipmentSchema,
    handler: ({ db, actor, params, query }) => groupEquipment(db, actor, params.id, query.on),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/equipment/installations",
    operationId: "installGroupEquipment",
    summary: "Record equipment installed at a model (kind, quantity, date, who paid)",
    tags,
    permission: "group.manage",
    params,
    body: InstallEquipmentBodySchema,
    response: GroupEquipmentSchema,
    handler: ({ db, actor, params, body }) => andAnswer(installEquipment)(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/equipment/removals",
    operationId: "removeGroupEquipment",
    summary: "Record equipment removed (400 when more than the model has on that date or later)",
    tags,
    permission: "group.manage",
    params,
    body: RemoveEquipmentBodySchema,
    response: GroupEquipmentSchema,
    handler: ({ db, actor, params, body }) => andAnswer(removeEquipment)(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/online-channels",
    operationId: "addGroupOnlineChannel",
    summary: "Add a model's online group (Zalo, Facebook…) for propaganda and receiving information",
    tags,
    permission: "group.manage",
    params,
    body: AddOnlineChannelBodySchema,
    response: GroupEquipmentSchema,
    handler: ({ db, actor, params, body }) => andAnswer(addOnlineChannel)(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/online-channels/:channelId/close",
    operationId: "closeGroupOnlineChannel",
    summary: "Record the date a model's online group stopped (409 when already closed)",
    tags,
    permission: "group.manage",
    params: channelParams,
    body: CloseOnlineChannelBodySchema,
    response: GroupEquipmentSchema,
    handler: async ({ db, actor, params, body }) => {
      await closeOnlineChannel(db, actor, params.id, params.channelId, body);
      return groupEquipment(db, actor, params.id);
    },
  }),
];
