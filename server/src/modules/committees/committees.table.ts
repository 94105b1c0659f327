import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { orgUnits } from "../org-units/org-units.table";

/**
 * A steering committee (Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào Toàn
 * dân bảo vệ ANTQ) of a commune or province, established or consolidated by a decision.
 */
export const steeringCommittees = pgTable(
  "steering_committees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    name: text("name").notNull(),
    decisionKind: text("decision_kind").notNull(),
    decisionNumber: text("decision_number").notNull(),
    decisionOn: date("decision_on").notNull(),
    decisionIssuer: text("decision_issuer").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("steering_committees_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`)],
);

/** A member: who, from which body, which role (head, deputy, member), from when and until when. */
export const committeeMembers = pgTable(
  "committee_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => steeringCommittees.id),
    fullName: text("full_name").notNull(),
    position: text("position").notNull(),
    organisation: text("organisation").notNull(),
    role: text("role").notNull(),
    area: text("area"),
    joinedOn: date("joined_on").notNull(),
    leftOn: date("left_on"),
    leftReason: text("left_reason"),
  },
  (t) => [index("committee_members_committee_idx").on(t.committeeId)],
);

/** A meeting: regular, extraordinary, interim or final review; who attended, agenda, conclusions. */
export const committeeMeetings = pgTable(
  "committee_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => steeringCommittees.id),
    heldOn: date("held_on").notNull(),
    kind: text("kind").notNull(),
    attendeeIds: uuid("attendee_ids").array().notNull(),
    agenda: text("agenda").notNull(),
    conclusions: text("conclusions"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
  },
  (t) => [index("committee_meetings_committee_idx").on(t.committeeId, t.heldOn)],
);

/** A task the committee gives one of its members, with a due date and when it was done. */
export const committeeAssignments = pgTable(
  "committee_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => steeringCommittees.id),
    meetingId: uuid("meeting_id").references(() => committeeMeetings.id),
    title: text("title").notNull(),
    responsibleMemberId: uuid("responsible_member_id")
      .notNull()
      .references(() => committeeMembers.id),
    dueOn: date("due_on"),
    doneOn: date("done_on"),
  },
  (t) => [index("committee_assignments_committee_idx").on(t.committeeId)],
);
