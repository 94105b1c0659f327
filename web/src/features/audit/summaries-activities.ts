// The audit log line of each action (see summaries.ts): activities, trainings and festivals.
import { d, fields, n, type GroupSummaries } from "./summary-kit";

export const SUMMARIES_ACTIVITIES: GroupSummaries<
  `activity.${string}` | `festival.${string}` | `media.${string}`
> = {
  "activity.created": (v, x) =>
    x.t("audit.summaries.activity.created", {
      kind: x.t(`activityKinds.${v.kind}`),
      date: d(v.date),
      attendees: n(v.attendees),
      organizers: n(v.organizerBodyIds.length),
    }),
  "activity.updated": (v, x) =>
    x.t("audit.summaries.changed", {
      fields: fields(Object.keys(v.after), x) || "—",
    }),
  "activity.deleted": (v, x) =>
    x.t("audit.summaries.activity.deleted", {
      kind: x.t(`activityKinds.${v.before.kind}`),
      date: d(v.before.date),
      unit: v.before.orgUnitName,
    }),
  "activity.training_recorded": (v, x) =>
    x.t("audit.summaries.activity.training_recorded", {
      form: x.t(`trainingForms.${v.form}`),
      level: x.t(`trainingLevels.${v.level}`),
      trainees: n(v.trainees),
    }),

  "festival.created": (v, x) =>
    x.t("audit.summaries.festival.created", { year: v.year, level: x.t(`festivalLevels.${v.level}`) }),
  "festival.updated": (v, x) =>
    x.t("audit.summaries.changed", { fields: fields(Object.keys(v.after), x) || "—" }),
  "festival.held_recorded": (v, x) =>
    x.t("audit.summaries.festival.held_recorded", {
      heldOn: d(v.heldOn),
      attendees: n(v.attendees),
      awards: n(v.awards),
    }),

  "media.partnership_created": (v, x) =>
    x.t("audit.summaries.media.partnership_created", {
      partner: v.partnerName,
      from: d(v.periodFrom),
      to: d(v.periodTo),
    }),
  "media.partnership_updated": (v, x) =>
    x.t("audit.summaries.changed", { fields: fields(Object.keys(v.after), x) || "—" }),
  "media.item_added": (v, x) => x.t("audit.summaries.media.item_added", { date: d(v.publishedOn) }),
  "media.item_removed": (v, x) =>
    x.t("audit.summaries.media.item_removed", { title: v.title, date: d(v.publishedOn) }),
};
