// Request and response schemas of a model's equipment ("camera an ninh", "đèn đường", "cổng rào"…)
// and of its online groups (Zalo, Facebook) used for propaganda and for receiving information.
// Equipment is a ledger of changes: each installation adds, each removal takes away, so the count
// of a kind on any date is the sum of the changes on or before that date.
import { z } from "zod";
import { isNotFuture } from "../calendar";
import { IdSchema, IsoDateSchema } from "../common";

/** Camera an ninh, đèn đường (đèn an ninh), cổng rào, loa truyền thanh, biển báo / pano, khác. */
export const EQUIPMENT_KINDS = ["camera", "street_light", "gate", "loudspeaker", "sign", "other"] as const;
export const EquipmentKindSchema = z.enum(EQUIPMENT_KINDS);
export type EquipmentKind = z.infer<typeof EquipmentKindSchema>;

/** Ngân sách nhà nước, nhân dân đóng góp (xã hội hóa), nhà tài trợ. */
export const EQUIPMENT_FUNDERS = ["state", "community", "donor"] as const;
export const EquipmentFunderSchema = z.enum(EQUIPMENT_FUNDERS);
export type EquipmentFunder = z.infer<typeof EquipmentFunderSchema>;

export const ONLINE_PLATFORMS = ["zalo", "facebook", "other"] as const;
export const OnlinePlatformSchema = z.enum(ONLINE_PLATFORMS);
export type OnlinePlatform = z.infer<typeof OnlinePlatformSchema>;

const pastDate = (message: string) => IsoDateSchema.refine((d) => isNotFuture(d), { message });
const note = z.string().trim().max(1000, "Ghi chú tối đa 1.000 ký tự").optional();
const quantity = z
  .number({ error: "Số lượng phải là số nguyên" })
  .int("Số lượng phải là số nguyên")
  .min(1, "Số lượng ít nhất là 1")
  .max(100_000, "Số lượng quá lớn");

export const InstallEquipmentBodySchema = z.object({
  kind: EquipmentKindSchema,
  quantity,
  on: pastDate("Ngày lắp đặt không được ở tương lai"),
  fundedBy: EquipmentFunderSchema,
  note,
});
export type InstallEquipmentBody = z.infer<typeof InstallEquipmentBodySchema>;

export const RemoveEquipmentBodySchema = z.object({
  kind: EquipmentKindSchema,
  quantity,
  on: pastDate("Ngày tháo dỡ không được ở tương lai"),
  note,
});
export type RemoveEquipmentBody = z.infer<typeof RemoveEquipmentBodySchema>;

/** One change: +quantity for an installation, −quantity for a removal. */
export const EquipmentChangeSchema = z.object({
  id: IdSchema,
  kind: EquipmentKindSchema,
  change: z.number().int(),
  on: z.string(),
  fundedBy: EquipmentFunderSchema.nullable(),
  note: z.string().nullable(),
});
export type EquipmentChange = z.infer<typeof EquipmentChangeSchema>;

export const OnlineChannelSchema = z.object({
  id: IdSchema,
  platform: OnlinePlatformSchema,
  name: z.string(),
  members: z.number().int(),
  startedOn: z.string(),
  closedOn: z.string().nullable(),
  forPropaganda: z.boolean(),
  forTips: z.boolean(),
});
export type OnlineChannel = z.infer<typeof OnlineChannelSchema>;

export const AddOnlineChannelBodySchema = z
  .object({
    platform: OnlinePlatformSchema,
    name: z.string().trim().min(1, "Chưa nhập tên nhóm").max(200, "Tên nhóm tối đa 200 ký tự"),
    members: z
      .number({ error: "Số thành viên phải là số nguyên" })
      .int("Số thành viên phải là số nguyên")
      .min(0, "Số thành viên không được âm")
      .max(1_000_000, "Số thành viên quá lớn"),
    startedOn: pastDate("Ngày lập nhóm không được ở tương lai"),
    forPropaganda: z.boolean().default(true),
    forTips: z.boolean().default(true),
  })
  .refine((b) => b.forPropaganda || b.forTips, {
    message: "Nhóm dùng để tuyên truyền, tiếp nhận thông tin hoặc cả hai",
    path: ["forPropaganda"],
  });
export type AddOnlineChannelBody = z.infer<typeof AddOnlineChannelBodySchema>;

export const CloseOnlineChannelBodySchema = z.object({
  closedOn: pastDate("Ngày ngừng hoạt động không được ở tương lai"),
});
export type CloseOnlineChannelBody = z.infer<typeof CloseOnlineChannelBodySchema>;

/** A model's equipment on a date (today by default), its ledger, and its online groups. */
export const GroupEquipmentSchema = z.object({
  on: z.string(),
  counts: z.array(z.object({ kind: EquipmentKindSchema, count: z.number().int() })),
  changes: z.array(EquipmentChangeSchema),
  channels: z.array(OnlineChannelSchema),
  can: z.object({ manage: z.boolean() }),
});
export type GroupEquipment = z.infer<typeof GroupEquipmentSchema>;

export const EquipmentTotalsQuerySchema = z.object({
  orgUnitId: IdSchema.optional(),
  on: IsoDateSchema.optional(),
});
export type EquipmentTotalsQuery = z.infer<typeof EquipmentTotalsQuerySchema>;

/** Equipment of the models in a unit's subtree, and their online groups open on the date. */
export const EquipmentTotalsSchema = z.object({
  on: z.string(),
  byKind: z.array(z.object({ kind: EquipmentKindSchema, count: z.number().int() })),
  /** Installed quantities up to the date by who paid for them. */
  byFunder: z.array(z.object({ fundedBy: EquipmentFunderSchema, installed: z.number().int() })),
  channels: z.number().int(),
  channelMembers: z.number().int(),
  byPlatform: z.array(
    z.object({ platform: OnlinePlatformSchema, channels: z.number().int(), members: z.number().int() }),
  ),
});
export type EquipmentTotals = z.infer<typeof EquipmentTotalsSchema>;
