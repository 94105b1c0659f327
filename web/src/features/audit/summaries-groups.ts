// The audit log line of each action (see summaries.ts): groups and their pilots, steering committees, Front supervision and commendations.
import { d, fields, n, none, short, type GroupSummaries } from "./summary-kit";

export const SUMMARIES_GROUPS: GroupSummaries<
  | `group.${string}`
  | `pilot.${string}`
  | `committee.${string}`
  | `supervision.${string}`
  | `commendation.${string}`
> = {
  "group.created": (v, x) =>
    x.t("audit.summaries.group.created", {
      name: v.name,
      foundedOn: d(v.foundedOn),
      status: x.t(`groupStatuses.${v.status}`),
    }),
  "group.updated": none,
  "group.status_changed": (v, x) =>
    x.t("audit.summaries.group.status_changed", {
      from: x.t(`groupStatuses.${v.from}`),
      to: x.t(`groupStatuses.${v.to}`),
      date: d(v.date),
      reason: v.reason ? ` — ${v.reason}` : "",
    }),
  "group.member_added": (v, x) =>
    x.t("audit.summaries.group.member_added", {
      member: short(v.memberId),
      role: v.role ? ` (${v.role})` : "",
      joinedOn: d(v.joinedOn),
    }),
  "group.member_left": (v, x) =>
    x.t("audit.summaries.group.member_left", {
      member: short(v.memberId),
      leftOn: d(v.leftOn),
    }),
  "group.surveyed": (v, x) =>
    x.t("audit.summaries.group.surveyed", {
      date: d(v.surveyedOn),
      crimes: n(v.crimes),
      drugUsers: n(v.drugUsers),
      gangs: n(v.gangs),
      socialEvils: n(v.socialEvils),
    }),
  "group.evaluated": (v, x) =>
    x.t("audit.summaries.group.evaluated", {
      rating: x.t(`ratings.${v.rating}`),
      from: d(v.periodFrom),
      to: d(v.periodTo),
    }),
  "group.year_rated": (v, x) => {
    const t = v.team;
    const rated = t ? x.t(`ratings.${t.rating}`) : "—";
    const team = t?.previous ? `${x.t(`ratings.${t.previous}`)} → ${rated}` : rated;
    return x.t("audit.summaries.group.year_rated", {
      year: v.year,
      team,
      members: n(v.members.length),
      changed: n(v.members.filter((m) => m.previous !== null && m.previous !== m.rating).length),
    });
  },
  "group.equipment_installed": (v, x) =>
    x.t("audit.summaries.group.equipment_installed", {
      quantity: n(v.quantity),
      kind: x.t(`audit.summaries.group.kinds.${v.kind}`),
      on: d(v.on),
    }),
  "group.equipment_removed": (v, x) =>
    x.t("audit.summaries.group.equipment_removed", {
      quantity: n(v.quantity),
      kind: x.t(`audit.summaries.group.kinds.${v.kind}`),
      on: d(v.on),
    }),
  "group.channel_added": (v, x) =>
    x.t("audit.summaries.group.channel_added", {
      platform: x.t(`audit.summaries.group.platforms.${v.platform}`),
      members: n(v.members),
      startedOn: d(v.startedOn),
    }),
  "group.channel_closed": (v, x) => x.t("audit.summaries.group.channel_closed", { closedOn: d(v.closedOn) }),
  "group.duty_logged": (v, x) =>
    x.t("audit.summaries.group.duty_logged", {
      date: d(v.date),
      members: n(v.memberIds.length),
      incidents: n(v.incidents),
    }),
  "group.duty_log_updated": (v, x) =>
    x.t("audit.summaries.group.duty_log_updated", { fields: fields(Object.keys(v.after), x) || "—" }),

  "pilot.designated": (v, x) =>
    x.t("audit.summaries.pilot.designated", { number: v.decisionNumber, date: d(v.decisionOn) }),
  "pilot.evaluated": (v, x) =>
    x.t("audit.summaries.pilot.evaluated", {
      date: d(v.evaluatedOn),
      result: x.t(`audit.summaries.pilot.results.${v.result}`),
    }),
  "pilot.replicated": (v, x) => x.t("audit.summaries.pilot.replicated", { date: d(v.replicatedOn) }),

  "supervision.created": (v) => `${v.title}, ${d(v.periodFrom)} – ${d(v.periodTo)}`,
  "supervision.finding_recorded": (v) => d(v.foundOn),
  "supervision.recommendation_added": (v) => `${d(v.madeOn)} → ${d(v.dueOn)}`,
  "supervision.response_recorded": (v) => d(v.respondedOn),
  "supervision.closed": (v) => d(v.closedOn),

  "committee.created": (v) => `${v.decisionNumber}, ${d(v.decisionOn)}`,
  "committee.member_added": (v) => d(v.joinedOn),
  "committee.member_removed": (v) => d(v.leftOn),
  "committee.meeting_recorded": (v) => d(v.heldOn),
  "committee.assignment_created": (v) => (v.dueOn ? d(v.dueOn) : ""),
  "committee.assignment_done": (v) => d(v.doneOn),

  "commendation.nominated": (v, x) =>
    x.t("audit.summaries.commendation.nominated", {
      kind: x.t(`commendations:commendations.nomineeKinds.${v.nomineeKind}`),
      date: d(v.nominatedOn),
      evidence: n(v.evidence.length),
    }),
  "commendation.endorsed": (v, x) =>
    x.t(v.approve ? "audit.summaries.commendation.approved" : "audit.summaries.commendation.rejected", {
      level: x.t(`commendations:commendations.levels.${v.level}`),
      date: d(v.endorsedOn),
    }),
  "commendation.decided": (v, x) =>
    x.t("audit.summaries.commendation.decided", {
      award: x.t(`commendations:commendations.awardForms.${v.awardForm}`),
      number: v.decisionNumber,
      date: d(v.decidedOn),
      issuer: v.issuer,
    }),
  "commendation.consent_recorded": (v, x) =>
    x.t(
      v.given ? "audit.summaries.commendation.consentGiven" : "audit.summaries.commendation.consentWithdrawn",
      {
        date: d(v.on),
        method: x.t(`commendations:commendations.consentMethods.${v.method}`),
      },
    ),
  "commendation.published": (v, x) =>
    x.t(v.published ? "audit.summaries.commendation.published" : "audit.summaries.commendation.unpublished"),
};
