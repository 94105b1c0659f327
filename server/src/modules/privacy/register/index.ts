import type { ProcessingActivity } from "@toandan/contracts";
import { MOVEMENT_ACTIVITIES } from "./movement";
import { PROTECTED_ACTIVITIES } from "./protected";

/**
 * The register of processing: one entry per kind of personal data, naming the tables that hold it.
 * register.test.ts walks db/schema.ts and fails when a table has a column that looks personal and
 * neither an entry here nor a reasoned exception in NOT_PERSONAL.
 */
export const PROCESSING_REGISTER: readonly ProcessingActivity[] = [
  ...MOVEMENT_ACTIVITIES,
  ...PROTECTED_ACTIVITIES,
];

/** Column names that look like data about a person (a name, a way to reach or identify them, their words). */
export const PERSONAL_COLUMN =
  /(^|_)(full_name|head_name|nominee_name|public_name|display_name|username|signer_name|name_index|phone|email|address|birth|identity|ethnicity|religion|photo|image|contact|mentor|trainee|attendees?|attendee_ids|helper|provider|presided_by|members|place|venues?|location|notes?|content|intake|description|scan_path|achievements|commitments|offence|review_meeting|account_id|actor_id)(_|$)|^body$/;

/**
 * Columns that match PERSONAL_COLUMN but hold no data about a person, each with the reason.
 * `table.column`; a stale key fails the test.
 */
export const NOT_PERSONAL: Record<string, string> = {
  "activities.attendees": "a count of attendees, no names",
  "activities.notes": "notes about an activity (propaganda, meeting); the form asks for no names",
  "media_partnerships.notes": "notes on an agreement with a newspaper or station; no names asked",
  "activity_rollups.attendees": "a sum of counts",
  "activity_year_rollups.attendees": "a sum of counts",
  "activity_rollup_pending.attendees": "a count of attendees, no names (a copy of activities.attendees)",
  "groups.notes": "notes about a team or model, not its members",
  "group_surveys.notes": "notes on a survey of an area's situation (counts of incidents)",
  "group_duty_logs.notes": "notes on a team's duty day; members are linked in group_duty_log_members",
  "group_duty_logs.incident_note": "what happened on duty at a place; no names asked",
  "group_rollups.members": "a count of members",
  "group_year_rollups.members": "a count of members",
  "group_online_channels.members": "a count of a channel's members",
  "hotspots.description": "describes an area designated for transformation, not a person",
  "disqualifying_events.description": "an incident at a unit that affects certification; no names asked",
  "plan_tasks.description": "a plan's task",
  "org_units.full_name": "the full name of an administrative unit, not a person",
  "group_equipment_changes.note": "a note on equipment installed or removed",
  "pilots.note": "a note on a pilot designated by decision",
  "pilot_replications.note": "a note on a unit that replicated a pilot",
  "remote_communes.note": "why a commune is listed as remote",
  "festivals.ceremony_content": "the programme of a festival day",
  "festivals.festival_content": "the programme of a festival day",
  "festivals.venues": "where a festival was held (public places)",
  "festivals.attendees": "a count of attendees",
  "supervision_findings.content": "findings about a body's work, not a person",
  "supervision_recommendations.content": "a recommendation to a body",
  "supervision_recommendations.response_content": "a body's answer to a recommendation",
};
