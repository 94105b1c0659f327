import type {
  Activity,
  ActivityChannel,
  ActivityDetail,
  ActivityKind,
  ActivityTopic,
  BodyKind,
} from "@toandan/contracts";
import type { Actor } from "../../kernel/authz";
import { activityAbilities } from "./activities.policy";
import type { ActivityDbRow } from "./activities.queries";

const BODY_ORDER: string[] = [
  "front",
  "police",
  "steering",
  "farmers",
  "women",
  "veterans",
  "youth",
  "labour",
  "elderly",
  "grassroots_team",
];
// One collator: `localeCompare(…, "vi")` builds one per call (the presenter sorts on every write).
const byName = new Intl.Collator("vi").compare;
const byBody = (a: { kind: string; name: string }, b: { kind: string; name: string }) =>
  BODY_ORDER.indexOf(a.kind) - BODY_ORDER.indexOf(b.kind) || byName(a.name, b.name);

const iso = (v: string | Date) => new Date(v).toISOString();

/** Rounds a sum of hours to the 2 decimals it is stored with. */
export const hours2 = (v: number | string | null | undefined) => Math.round(Number(v ?? 0) * 100) / 100;

export function presentActivity(r: ActivityDbRow): Activity {
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    kind: r.kind as ActivityKind,
    date: r.date,
    title: r.title,
    topics: r.topics as ActivityTopic[],
    channels: (r.channels ?? []) as ActivityChannel[],
    tags: r.tags,
    attendees: r.attendees,
    households: r.households,
    students: r.students,
    leaflets: r.leaflets,
    panels: r.panels,
    slogans: r.slogans,
    broadcastItems: r.broadcastItems,
    broadcastHours: hours2(r.broadcastHours),
    broadcastStations: r.broadcastStations ?? 0,
    broadcastAirings: r.broadcastAirings ?? 0,
    broadcastMinutes: r.broadcastMinutes ?? 0,
    notes: r.notes,
    organizers: [...(r.organizers ?? [])]
      .sort(byBody)
      .map((o) => ({ id: o.id, kind: o.kind as BodyKind, name: o.name })),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    version: r.version,
  };
}

/** The activity with what the actor may do with it now (`locked`: an approved report's period). */
export function presentActivityDetail(r: ActivityDbRow & { locked: boolean }, actor: Actor): ActivityDetail {
  const activity = presentActivity(r);
  const can = activityAbilities(actor, {
    rollupPath: r.rollupPath,
    organizers: activity.organizers,
    locked: r.locked,
  });
  // Not `{ ...activity, can }`: a member after a spread is a runtime call on Node 20, and every
  // write answers with this.
  return Object.assign(activity, { can });
}
