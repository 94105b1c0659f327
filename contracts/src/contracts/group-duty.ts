// A grassroots team's duty or patrol log ("sổ trực, tuần tra"): one entry per shift day with the
// roster members on duty and the incidents noted. Entries are captured on a phone, often offline:
// the create takes an Idempotency-Key, an edit an If-Match version (decision 0015).
import { z } from "zod";
import { isNotFuture } from "../calendar";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageWithAbilitiesOf } from "../common";
import { GroupAbilitiesSchema, GroupMemberSchema, GroupSchema } from "./groups";

const NOTE_MAX = 1000;
const INCIDENT_NOTE_MAX = 500;
const MEMBERS_MAX = 200;

const dutyDate = IsoDateSchema.refine((d) => isNotFuture(d), { message: "Ngày trực không được ở tương lai" });
const memberIds = z
  .array(IdSchema)
  .min(1, "Chọn ít nhất một thành viên trực")
  .max(MEMBERS_MAX, `Tối đa ${MEMBERS_MAX} thành viên`)
  .refine((ids) => new Set(ids).size === ids.length, { message: "Một thành viên được chọn hai lần" });
const incidents = z
  .number({ error: "Số vụ việc phải là số nguyên" })
  .int("Số vụ việc phải là số nguyên")
  .min(0, "Số vụ việc không được âm")
  .max(10_000, "Số vụ việc quá lớn");
const incidentNote = z
  .string()
  .trim()
  .max(INCIDENT_NOTE_MAX, `Tóm tắt vụ việc tối đa ${INCIDENT_NOTE_MAX} ký tự`);
const notes = z.string().trim().max(NOTE_MAX, `Ghi chú tối đa ${NOTE_MAX} ký tự`);

/** A new entry: the day (Vietnam calendar, not after today), who was on duty, what was noted. */
export const CreateDutyLogBodySchema = z.object({
  date: dutyDate,
  /** Roster member ids, each a member of the team on that day. */
  memberIds,
  incidents: incidents.default(0),
  incidentNote: incidentNote.optional(),
  notes: notes.optional(),
});
export type CreateDutyLogBody = z.infer<typeof CreateDutyLogBodySchema>;

/** An edit: the fields to change ("" clears a note). Send the version read as `If-Match`. */
export const UpdateDutyLogBodySchema = z
  .object({
    date: dutyDate.optional(),
    memberIds: memberIds.optional(),
    incidents: incidents.optional(),
    incidentNote: incidentNote.optional(),
    notes: notes.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Không có thay đổi nào");
export type UpdateDutyLogBody = z.infer<typeof UpdateDutyLogBodySchema>;

export const ListDutyLogsQuerySchema = PageQuerySchema.extend({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type ListDutyLogsQuery = z.infer<typeof ListDutyLogsQuerySchema>;

export const DutyLogAbilitiesSchema = z.object({
  /** group.manage over the team's unit, the team not dissolved (a locked period still refuses). */
  edit: z.boolean(),
});

export const DutyLogSchema = z.object({
  id: IdSchema,
  groupId: IdSchema,
  date: IsoDateSchema,
  memberIds: z.array(IdSchema),
  incidents: z.number().int(),
  incidentNote: z.string().nullable(),
  notes: z.string().nullable(),
  /** Row version: send it back as `If-Match` with an edit (412 `version_conflict` when stale). */
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: DutyLogAbilitiesSchema,
});
export type DutyLog = z.infer<typeof DutyLogSchema>;

/** Newest day first; `can.create` says whether the caller may add an entry to this team. */
export const DutyLogPageSchema = pageWithAbilitiesOf(DutyLogSchema);
export type DutyLogPage = z.infer<typeof DutyLogPageSchema>;

/**
 * The rosters of every team and model at a unit's subtree in one read, for the offline capture forms
 * (members on duty, a member leaving): groups not dissolved, each with its members active on `activeOn`
 * (default today, Vietnam calendar). Up to 200 groups; `truncated` says there were more.
 */
export const GroupRostersQuerySchema = z.object({
  orgUnitId: IdSchema,
  activeOn: IsoDateSchema.optional(),
});
export type GroupRostersQuery = z.infer<typeof GroupRostersQuerySchema>;

export const GroupRostersSchema = z.object({
  orgUnitId: IdSchema,
  activeOn: IsoDateSchema,
  items: z.array(GroupSchema.extend({ can: GroupAbilitiesSchema, members: z.array(GroupMemberSchema) })),
  truncated: z.boolean(),
});
export type GroupRosters = z.infer<typeof GroupRostersSchema>;
