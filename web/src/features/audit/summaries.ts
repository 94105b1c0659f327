// One short, readable line per audit action, from its typed data (AuditEventDataMap). SUMMARIES
// has one entry per action: a new action without one does not compile.
import {
  CALENDAR_DAY_KIND_LABELS,
  FEEDBACK_ACCEPTANCE_LABELS,
  FEEDBACK_NOTICE_CHANNEL_LABELS,
  FEEDBACK_STATUS_LABELS,
  TIP_CHANNEL_LABELS,
  TIP_NOTICE_CHANNEL_LABELS,
  TIP_NOTICE_KIND_LABELS,
  TIP_NOTICE_RECIPIENT_LABELS,
  TIP_STATUS_LABELS,
} from "@toandan/contracts";
import {
  d,
  fields,
  fileType,
  kb,
  n,
  none,
  orDash,
  quarter,
  short,
  type Summaries,
  type Summary,
} from "./summary-kit";

const reportMove: Summary<"report.submitted" | "report.returned" | "report.approved"> = (v, x) =>
  x.t("audit.summaries.report.moved", {
    from: x.t(`reports:reports.statuses.${v.from}`),
    to: x.t(`reports:reports.statuses.${v.to}`),
    comment: v.comment ? ` — “${v.comment}”` : "",
  });

const caseAccess: Summary<"case.read" | "case.listed" | "case.exported"> = (v, x) =>
  x.t("audit.summaries.case.access", {
    n: n(v.caseIds.length),
    reason: v.reason,
  });

export const SUMMARIES: Summaries = {
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
    return x.t("audit.summaries.system.demo_cases", {
      cases: n(v.cases),
      hotspots: n(v.hotspots),
      commendations: n(v.commendations),
    });
  },

  "plan.created": (v, x) =>
    x.t("audit.summaries.plan.created", {
      number: v.number,
      tasks: n(v.tasks),
      targets: n(v.targets),
    }),
  "plan.updated": (v, x) =>
    x.t("audit.summaries.plan.updated", {
      number: v.after.number,
      from: v.after.periodFrom,
      to: v.after.periodTo,
      tasks: n(v.tasks),
      milestones: n(v.milestones),
      targets: n(v.targets),
    }),
  "plan.deleted": (v, x) => x.t("audit.summaries.plan.deleted", { number: v.number, title: v.title }),
  "plan.source_registered": (v, x) =>
    x.t("audit.summaries.plan.source_registered", {
      kind: x.t(`planSources.kinds.${v.kind}`),
      number: v.number,
      issuer: v.issuer,
    }),
  "plan.reviewed": (v, x) =>
    x.t("audit.summaries.plan.reviewed", {
      number: v.number,
      kind: x.t(`planReviews.kinds.${v.kind}`),
      year: v.year,
    }),

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
  "pilot.designated": (v, x) =>
    x.t("audit.summaries.pilot.designated", { number: v.decisionNumber, date: d(v.decisionOn) }),
  "pilot.evaluated": (v, x) =>
    x.t("audit.summaries.pilot.evaluated", {
      date: d(v.evaluatedOn),
      result: x.t(`audit.summaries.pilot.results.${v.result}`),
    }),
  "pilot.replicated": (v, x) => x.t("audit.summaries.pilot.replicated", { date: d(v.replicatedOn) }),

  "household.created": (v, x) =>
    x.t("audit.summaries.household.created", {
      code: orDash(v.code),
      members: n(v.members),
    }),
  "household.updated": (v, x) => x.t("audit.summaries.changed", { fields: fields(v.fields, x) || "—" }),
  "household.imported": (v, x) => x.t("audit.summaries.household.imported", { n: n(v.created) }),
  "household.safe_family_recorded": (v, x) =>
    x.t("audit.summaries.household.safe_family_recorded", { year: v.year, date: d(v.decidedOn) }),
  "household.safe_family_withdrawn": (v, x) =>
    x.t("audit.summaries.household.safe_family_withdrawn", {
      year: v.year,
      date: d(v.withdrawnOn),
      reason: v.reason,
    }),
  "commitment.recorded": (v, x) =>
    x.t("audit.summaries.commitment.recorded", {
      year: v.year,
      signedOn: d(v.signedOn),
    }),
  "commitment.scan_attached": (v, x) =>
    x.t("audit.summaries.commitment.scan_attached", {
      year: v.year,
      type: fileType(v.type),
      size: kb(v.bytes),
    }),
  "commitment_template.created": (v, x) =>
    x.t("audit.summaries.commitment_template.created", { name: v.name }),

  "certification.registered": (v, x) =>
    x.t("audit.summaries.certification.registered", {
      year: v.year,
      date: d(v.registeredOn),
      unitType: x.t(`certification:unitType.${v.unitType}`),
    }),
  "certification.self_assessed": (v, x) =>
    x.t("audit.summaries.certification.self_assessed", {
      date: d(v.assessedOn),
      met: n(v.answers.filter((a) => a.met).length),
      total: n(v.answers.length),
    }),
  "certification.reviewed": (v, x) =>
    x.t("audit.summaries.certification.reviewed", {
      date: d(v.meetingDate),
      votesFor: n(v.votesFor),
      votesTotal: n(v.votesTotal),
      attendees: n(v.attendees),
    }),
  "certification.appraised": (v, x) =>
    x.t("audit.summaries.certification.appraised", {
      date: d(v.appraisedOn),
      recommendation: x.t(`certification:recommend.${v.recommendation}`),
    }),
  "certification.decided": (v, x) =>
    x.t(v.late ? "audit.summaries.certification.decidedLate" : "audit.summaries.certification.decided", {
      outcome: x.t(`certification:outcomes.${v.outcome}`),
      number: v.decisionNumber,
      date: d(v.decisionDate),
    }),
  "certification.document_uploaded": (v, x) =>
    x.t("audit.summaries.file", {
      what: x.t(`certification:docs.${v.kind}`),
      type: fileType(v.type),
      size: kb(v.bytes),
    }),
  "certification.classified": (v, x) =>
    x.t("audit.summaries.certification.classified", {
      total: n(v.total),
      level: x.t(`certification:levels.${v.level}`),
      sheet: v.sheetCode,
    }),
  "certification.criteria_updated": (v, x) =>
    x.t("audit.summaries.certification.criteria_updated", {
      date: d(v.effectiveFrom),
      criteria: v.extraCriteria.length,
      authorities: v.authorities.length,
      basis: v.basis,
    }),
  "certification.event_recorded": (v, x) =>
    x.t("audit.summaries.certification.event_recorded", {
      kind: x.t(`certification:eventKinds.${v.kind}`),
      date: d(v.occurredOn),
      severity: x.t(`certification:severities.${v.severity}`),
    }),
  "certification.history_recorded": (v, x) =>
    x.t("audit.summaries.certification.history_recorded", {
      year: v.year,
      result: x.t(v.certified ? "certification:pastYears.certified" : "certification:pastYears.notCertified"),
      unitType: x.t(`certification:unitType.${v.unitType}`),
      decision: v.decisionNumber
        ? ` — ${v.decisionNumber}${v.decisionDate ? ` (${d(v.decisionDate)})` : ""}`
        : "",
    }),
  "certification.history_imported": (v, x) =>
    x.t("audit.summaries.certification.history_imported", {
      created: n(v.created),
      certified: n(v.certified),
      years: v.years.join(", "),
    }),

  "case.created": (v, x) =>
    x.t("audit.summaries.case.created", {
      kind: x.t(`cases:cases.kinds.${v.kind}`),
      date: d(v.reportedInOn),
      due: d(v.assignDueOn),
    }),
  "case.assigned": (v, x) =>
    x.t(v.onTime ? "audit.summaries.case.assigned" : "audit.summaries.case.assignedLate", {
      number: v.decisionNumber,
      date: d(v.decidedOn),
    }),
  "case.report_recorded": (v, x) =>
    x.t("audit.summaries.case.report_recorded", {
      quarter: quarter(v.quarter, x),
      date: d(v.reportedOn),
    }),
  "case.classified": (v, x) =>
    x.t("audit.summaries.case.classified", {
      quarter: quarter(v.quarter, x),
      group: v.group,
      date: d(v.classifiedOn),
    }),
  "case.support_recorded": (v, x) =>
    x.t("audit.summaries.case.support_recorded", {
      kind: x.t(`cases:cases.supportKinds.${v.kind}`),
      date: d(v.providedOn),
      provider: v.provider,
    }),
  "case.help_recorded": (v, x) =>
    x.t("audit.summaries.case.help_recorded", {
      kind: x.t(`cases:cases.help.kinds.${v.kind}`),
      date: d(v.receivedOn),
      helper: v.helper,
    }),
  "case.help_outcome_recorded": (v, x) =>
    x.t("audit.summaries.case.help_outcome_recorded", {
      outcome: x.t(`cases:cases.help.outcomes.${v.outcome}`),
      date: d(v.outcomeOn),
    }),
  "case.referral_recorded": (v, x) =>
    x.t("audit.summaries.case.referral_recorded", {
      mode: x.t(`cases:cases.referral.modes.${v.mode}`),
      date: d(v.referredOn),
      facility: v.facility,
    }),
  "case.referral_outcome_recorded": (v, x) =>
    x.t("audit.summaries.case.referral_outcome_recorded", {
      outcome: x.t(`cases:cases.referral.outcomes.${v.outcome}`),
      date: d(v.outcomeOn),
    }),
  "case.community_session_recorded": (v, x) =>
    x.t("audit.summaries.case.community_session_recorded", { date: d(v.heldOn), who: v.presidedBy }),
  "case.closed": (v, x) =>
    x.t("audit.summaries.case.closed", {
      outcome: x.t(`cases:cases.outcomes.${v.outcome}`),
      date: d(v.closedOn),
    }),
  "case.transferred": (v, x) =>
    x.t("audit.summaries.case.transferred", {
      moved: d(v.movedOn),
      date: d(v.transferredOn),
      due: d(v.receiveDueOn),
    }),
  "case.transfer_received": (v, x) =>
    x.t(v.onTime ? "audit.summaries.case.transfer_received" : "audit.summaries.case.transfer_receivedLate", {
      date: d(v.receivedOn),
      checked: d(v.residenceCheckedOn),
    }),
  "case.read": caseAccess,
  "case.listed": caseAccess,
  "case.exported": caseAccess,

  "hotspot.designated": (v, x) =>
    x.t("audit.summaries.hotspot.designated", {
      name: v.name,
      date: d(v.designatedOn),
      tasks: n(v.tasks.length),
    }),
  "hotspot.status_changed": (v, x) =>
    x.t("audit.summaries.hotspot.status_changed", {
      from: x.t(`hotspots:hotspots.statuses.${v.from}`),
      to: x.t(`hotspots:hotspots.statuses.${v.to}`),
      date: d(v.date),
      reason: v.reason,
    }),
  "hotspot.evidence_recorded": (v, x) =>
    v.incidents === undefined
      ? x.t("audit.summaries.hotspot.evidence", { date: d(v.observedOn) })
      : x.t("audit.summaries.hotspot.evidenceIncidents", {
          date: d(v.observedOn),
          n: n(v.incidents),
        }),

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

  "report.created": (v, x) =>
    x.t("audit.summaries.report.created", {
      template: x.t(`reports:reports.templates.${v.template}`),
      from: d(v.periodFrom),
      to: d(v.periodTo),
      symbol: v.symbol,
    }),
  "report.updated": (v, x) => x.t("audit.summaries.changed", { fields: fields(v.fields, x) || "—" }),
  "report.compiled": (v, x) =>
    x.t("audit.summaries.report.compiled", { children: n(v.children), missing: n(v.missing) }),
  "report.submitted": reportMove,
  "report.returned": reportMove,
  "report.approved": reportMove,
  "period.unlocked": (v, x) =>
    x.t("audit.summaries.period.unlocked", {
      from: d(v.periodFrom),
      to: d(v.periodTo),
      n: n(v.locks.length),
      reason: v.reason,
    }),

  "tip.triaged": (v, x) =>
    x.t("audit.summaries.tip.triaged", {
      code: v.code,
      urgency: x.t(`audit.urgency.${v.urgency}`),
      duplicate: v.duplicateOfCode ? x.t("audit.summaries.tip.duplicate", { code: v.duplicateOfCode }) : "",
    }),
  "tip.message_sent": (v, x) => x.t("audit.summaries.tip.message_sent", { code: v.code, n: n(v.n) }),
  "tip.outcome_recorded": (v, x) =>
    x.t("audit.summaries.tip.outcome_recorded", {
      code: v.code,
      from: TIP_STATUS_LABELS[v.from][x.lang],
      to: TIP_STATUS_LABELS[v.outcome][x.lang],
    }),
  "tip.extended": (v, x) => x.t("audit.summaries.tip.extended", { code: v.code, level: v.level }),
  "tip.resumed": (v, x) => x.t("audit.summaries.tip.resumed", { code: v.code }),
  "tip.notice_recorded": (v, x) =>
    x.t("audit.summaries.tip.notice_recorded", {
      code: v.code,
      kind: TIP_NOTICE_KIND_LABELS[v.kind][x.lang],
      recipient: TIP_NOTICE_RECIPIENT_LABELS[v.recipient][x.lang],
      channel: TIP_NOTICE_CHANNEL_LABELS[v.channel][x.lang],
    }),
  "tip.content_read": (v, x) => x.t("audit.summaries.tip.content_read", { code: v.code }),
  "tip.intake_recorded": (v, x) =>
    x.t("audit.summaries.tip.intake_recorded", {
      code: v.code,
      channel: TIP_CHANNEL_LABELS[v.channel][x.lang],
      anonymous: v.anonymous ? x.t("audit.summaries.tip.anonymous") : "",
    }),
  "remote_commune.set": (v, x) =>
    x.t("audit.summaries.remote_commune.set", {
      number: v.basisNumber,
      date: d(v.basisDate),
      text: v.basisText,
    }),
  "remote_commune.unset": (v, x) =>
    x.t("audit.summaries.remote_commune.unset", { number: v.basisNumber, date: d(v.basisDate) }),
  "feedback.answered": (v, x) =>
    x.t("audit.summaries.feedback.answered", {
      code: v.code,
      from: FEEDBACK_STATUS_LABELS[v.from][x.lang],
      to: FEEDBACK_STATUS_LABELS[v.to][x.lang],
    }),
  "feedback.acceptance_recorded": (v, x) =>
    x.t("audit.summaries.feedback.acceptance_recorded", {
      code: v.code,
      decision: FEEDBACK_ACCEPTANCE_LABELS[v.decision][x.lang],
      date: d(v.noticedOn),
      channel: FEEDBACK_NOTICE_CHANNEL_LABELS[v.channel][x.lang],
    }),
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
};
