import type { AddOnlineChannelBody, CloseOnlineChannelBody } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, notFound, validationFailed } from "../../../kernel/errors";
import { getVisibleGroup } from "../groups.queries";
import { groupOnlineChannels } from "../group-equipment.table";
import { assertInLife } from "./record-equipment";

/** Adds an online group (Zalo, Facebook…) a model uses for propaganda and receiving information. */
export async function addOnlineChannel(
  db: Db,
  actor: Actor,
  groupId: string,
  body: AddOnlineChannelBody,
): Promise<void> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  assertInLife(group, body.startedOn, "startedOn");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupOnlineChannels)
      .values({ groupId, ...body, createdBy: actor.accountId })
      .returning({ id: groupOnlineChannels.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.channel_added",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: { channelId: row!.id, platform: body.platform, members: body.members, startedOn: body.startedOn },
    });
  });
}

/** Records the date an online group stopped: 409 when already closed, 400 before it started. */
export async function closeOnlineChannel(
  db: Db,
  actor: Actor,
  groupId: string,
  channelId: string,
  body: CloseOnlineChannelBody,
): Promise<void> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  const [channel] = await db
    .select()
    .from(groupOnlineChannels)
    .where(and(eq(groupOnlineChannels.id, channelId), eq(groupOnlineChannels.groupId, groupId)));
  if (!channel) throw notFound();
  if (channel.closedOn) throw conflict("Nhóm trực tuyến này đã ngừng hoạt động");
  if (body.closedOn < channel.startedOn) {
    throw validationFailed([{ path: "closedOn", message: "Ngày ngừng hoạt động trước ngày lập nhóm" }]);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(groupOnlineChannels)
      .set({ closedOn: body.closedOn })
      .where(eq(groupOnlineChannels.id, channelId));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.channel_closed",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: { channelId, closedOn: body.closedOn },
    });
  });
}
