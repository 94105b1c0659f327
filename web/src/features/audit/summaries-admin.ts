// The audit log line of each action (see summaries.ts): sign-in, accounts, units, system jobs, the holidays table and news.
import { CALENDAR_DAY_KIND_LABELS } from "@toandan/contracts";
import { d, n, none, orDash, type GroupSummaries } from "./summary-kit";

export const SUMMARIES_ADMIN: GroupSummaries<
  | `auth.${string}`
  | `org_unit.${string}`
  | `account.${string}`
  | `system.${string}`
  | `calendar.${string}`
  | `news.${string}`
> = {
  "auth.login": none,
  "auth.logout": none,
  "auth.login_failed": (v, x) => x.t("audit.summaries.auth.login_failed", { n: n(v.failures) }),
  "auth.locked": (v, x) => x.t("audit.summaries.auth.locked", { minutes: n(v.minutes) }),
  "auth.password_changed": none,

  "org_unit.created": (v, x) =>
    x.t("audit.summaries.org_unit.created", {
      kind: x.t(`kinds.${v.kind}`),
      name: v.name,
      code: orDash(v.code),
    }),
  "org_unit.imported": (v, x) =>
    x.t("audit.summaries.org_unit.imported", {
      n: n(v.created),
      communes: n(new Set(v.communes).size),
    }),

  "org_unit.population_recorded": (v, x) =>
    x.t("audit.summaries.org_unit.population_recorded", {
      population: n(v.population),
      asOf: d(v.asOf),
      source: v.source,
    }),

  "account.created": (v, x) =>
    x.t(v.isDemo ? "audit.summaries.account.createdDemo" : "audit.summaries.account.created", {
      username: v.username,
      roles: v.roles.map((r) => x.t(`roles.${r.role}`)).join(", "),
    }),
  "account.updated": (v, x) => {
    const changes = [
      v.displayName !== undefined ? x.t("audit.changes.displayName", { name: v.displayName }) : null,
      v.disabled === true ? x.t("audit.changes.disabled") : null,
      v.disabled === false ? x.t("audit.changes.enabled") : null,
      v.roles
        ? x.t("audit.changes.roles", {
            roles: v.roles.map((r) => x.t(`roles.${r.role}`)).join(", "),
          })
        : null,
      v.unlock ? x.t("audit.changes.unlock") : null,
      v.passwordReset ? x.t("audit.changes.passwordReset") : null,
    ].filter((c): c is string => c !== null);
    return changes.join("; ");
  },

  "system.units_imported": (v, x) =>
    x.t("audit.summaries.system.units_imported", {
      units: n(v.units),
      lineage: n(v.lineage),
      changes: n(v.changes),
    }),
  "system.demo_seeded": (v, x) => {
    if ("parentCode" in v) {
      return x.t("audit.summaries.system.demo_area", {
        name: v.name,
        code: v.parentCode,
      });
    }
    if ("activities" in v) {
      return x.t("audit.summaries.system.demo_activities", {
        n: n(v.activities),
      });
    }
    if ("households" in v) {
      return x.t("audit.summaries.system.demo_households", {
        households: n(v.households),
        commitments: n(v.commitments),
      });
    }
    if ("cycles" in v) {
      return x.t("audit.summaries.system.demo_cycles", {
        n: n(v.cycles),
        year: v.year,
      });
    }
    if ("plans" in v) {
      return x.t("audit.summaries.system.demo_plans", { sources: n(v.sources), plans: v.plans.join(", ") });
    }
    if ("tips" in v) return x.t("audit.summaries.system.demo_tips", { n: n(v.tips) });
    if ("safeFamilies" in v) {
      return x.t("audit.summaries.system.demo_safe_families", { n: n(v.safeFamilies) });
    }
    if ("helpInstances" in v) {
      return x.t("audit.summaries.system.demo_case_help", {
        cases: n(v.cases),
        instances: n(v.helpInstances),
        sessions: n(v.communitySessions),
      });
    }
    if ("supervisions" in v) {
      return x.t("audit.summaries.system.demo_supervision_training", {
        supervisions: n(v.supervisions),
        trainings: n(v.trainings),
        trainees: n(v.trainees),
      });
    }
    return x.t("audit.summaries.system.demo_cases", {
      cases: n(v.cases),
      hotspots: n(v.hotspots),
      commendations: n(v.commendations),
    });
  },

  "calendar.holiday_upserted": (v, x) =>
    x.t("audit.summaries.calendar.holiday_upserted", {
      date: d(v.date),
      kind: CALENDAR_DAY_KIND_LABELS[v.kind][x.lang],
      name: v.name,
    }),
  "calendar.holiday_deleted": (v, x) =>
    x.t("audit.summaries.calendar.holiday_deleted", { date: d(v.date), name: v.name, reason: v.reason }),

  "news.created": (v, x) =>
    x.t(v.kind === "warning" ? "audit.summaries.news.warning" : "audit.summaries.news.created", {
      title: v.title,
    }),
  "news.image_consent_withdrawn": (v, x) =>
    x.t("audit.summaries.news.image_consent_withdrawn", { title: v.title }),
};
