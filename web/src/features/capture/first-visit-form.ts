import { ACTIVITY_KINDS, ACTIVITY_TOPICS, type FirstVisitForm } from "@toandan/contracts";
import { captureVi } from "../../locales/vi/capture";
import { consoleVi } from "../../locales/vi/console";
import { publicVi } from "../../locales/vi/public";
import { DECIMAL_FIGURES, DEFAULT_ACTIVITY_KIND, MAIN_FIGURES, MORE_FIGURES } from "./activity-fields";

/**
 * What the server needs to render the capture hub and the activity form as plain HTML on a first
 * visit, before the scripts arrive (issue 18: Slow 3G, ≤ 5 s): the same fields, choices and
 * Vietnamese labels as the React form, taken from the same sources at build time
 * (vite.config.ts writes it to dist/capture-first.json). The server only adds the account's data:
 * its area, the organiser bodies to tick, the CSRF token, and the values and issues of a refused
 * submit.
 */
export function firstVisitForm(): FirstVisitForm {
  const hub = captureVi.hub;
  const figure = (name: (typeof MAIN_FIGURES)[number]) => ({
    name,
    label: consoleVi.figures[name],
    decimal: DECIMAL_FIGURES.includes(name),
  });
  return {
    appName: publicVi.appName,
    skipToContent: publicVi.skipToContent,
    hub: {
      title: hub.title,
      intro: hub.intro,
      area: hub.area,
      noUnit: hub.noUnit,
      outbox: hub.outbox,
      activity: { title: hub.activity, hint: hub.activityHint },
      tiles: [
        { href: "/thu-thap/ho-gia-dinh", title: hub.household, hint: hub.householdHint },
        { href: "/thu-thap/to", title: hub.roster, hint: hub.rosterHint },
        { href: "/thu-thap/truc", title: hub.duty, hint: hub.dutyHint },
      ],
    },
    form: {
      kind: captureVi.form.kind,
      date: captureVi.form.date,
      organizers: captureVi.form.organizers,
      upperOrganizers: captureVi.form.upperOrganizers,
      topics: captureVi.form.topics,
      title: captureVi.form.title,
      figures: captureVi.form.figures,
      moreFigures: captureVi.form.moreFigures,
      save: captureVi.firstVisit.save,
      sent: captureVi.firstVisit.sent,
      notSent: captureVi.firstVisit.notSent,
    },
    defaultKind: DEFAULT_ACTIVITY_KIND,
    kinds: ACTIVITY_KINDS.map((k) => ({ value: k, label: consoleVi.activityKinds[k] })),
    topics: ACTIVITY_TOPICS.map((t) => ({ value: t, label: consoleVi.activityTopics[t] })),
    mainFigures: MAIN_FIGURES.map(figure),
    moreFigures: MORE_FIGURES.map(figure),
  };
}
