import type {
  CertificationCycleDetail,
  CertificationEvidence,
  CertificationUnitType,
  CriterionEvidence,
  DisqualifyingEvent,
  EvidenceVerdict,
} from "@toandan/contracts";
import { EVENT_SEVERITIES, isWarningOrAbove } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { commitmentCoverage } from "../households";
import type { EvidenceKey } from "./certification.catalogue";
import { EVENT_RULES } from "./certification.event-rules";
import type { CycleRow } from "./certification.queries";
import { escapeLike } from "./certification.queries";
import { periodOf, ruleFor } from "./certification.rules";
import { criteriaOf, versionOfCycle } from "./certification.versions";

const RATING_RANK: Record<string, number> = { excellent: 3, good: 2, completed: 1, not_completed: 0 };
/** Lowest acceptable team rating: "completed duties" for areas, "completed well" for the rest. */
const MIN_RATING: Record<CertificationUnitType, number> = {
  residential_area: 1,
  commune: 1,
  agency: 2,
  enterprise: 2,
  school: 2,
};

export type EventRow = Omit<DisqualifyingEvent, "disqualifies" | "basis">;
type JudgedEvent = Pick<EventRow, "kind" | "severity" | "forceMajeure" | "reportedPromptly"> & {
  disciplineLevel?: EventRow["disciplineLevel"] | undefined;
};

/**
 * Whether an event disqualifies a unit of this type, and the rule's source (EVENT_RULES, one row per
 * article of Circular 124/2021). The force majeure exception is applied as its article words it.
 */
export function judgeEvent(
  e: JudgedEvent,
  unitType: CertificationUnitType,
): { disqualifies: boolean; basis: string | null } {
  const rule = EVENT_RULES[e.kind][unitType];
  if (!rule) return { disqualifies: false, basis: null };
  const basis = rule.basis;
  if (EVENT_SEVERITIES.indexOf(e.severity) < EVENT_SEVERITIES.indexOf(rule.minSeverity)) {
    return { disqualifies: false, basis };
  }
  // Art. 6.3.h, 6.4, 7.4, 7.5: discipline "từ hình thức cảnh cáo trở lên". An event recorded before
  // the level was kept (null) still counts: the register cannot show it was lighter.
  if (rule.warningOrAbove && e.disciplineLevel && !isWarningOrAbove(e.disciplineLevel)) {
    return { disqualifies: false, basis };
  }
  const excused =
    rule.excuse === "force_majeure"
      ? e.forceMajeure
      : rule.excuse === "force_majeure_handled"
        ? e.forceMajeure && e.reportedPromptly
        : false;
  return { disqualifies: !excused, basis };
}

/** Whether an event of this kind and these flags disqualifies a unit of this type. */
export function disqualifies(e: JudgedEvent, unitType: CertificationUnitType): boolean {
  return judgeEvent(e, unitType).disqualifies;
}

export const SELECT_EVENT = sql`select e.id, e.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", e.kind,
    e.occurred_on::text as "occurredOn", e.severity, e.force_majeure as "forceMajeure",
    e.reported_promptly as "reportedPromptly", e.discipline_level as "disciplineLevel", e.description, e.created_at::text as "createdAt"
  from disqualifying_events e join org_units u on u.id = e.org_unit_id`;

/** Events recorded in the unit's subtree within the window (both ends included). */
async function eventsIn(db: Db, path: string, from: string, to: string): Promise<EventRow[]> {
  return queryRows<EventRow>(
    db,
    sql`${SELECT_EVENT} where e.unit_path like ${`${escapeLike(path)}%`}
      and e.occurred_on between ${from}::date and ${to}::date order by e.occurred_on, e.id`,
  );
}

async function groupFacts(db: Db, path: string, from: string, to: string) {
  const like = `${escapeLike(path)}%`;
  const [row] = await queryRows<{
    models: number | string;
    worst: number | null;
    disciplined: number | string;
  }>(
    db,
    sql`with latest as (
          select distinct on (g.id) g.id, t.category, e.rating
          from groups g join group_types t on t.code = g.type_code
          join group_evaluations e on e.group_id = g.id
          where g.rollup_path like ${like} and e.evaluated_on between ${from}::date and ${to}::date
          order by g.id, e.evaluated_on desc, e.id)
        select
          (select count(*) from latest where category = 'model' and rating = 'effective') as models,
          (select min(case rating when 'excellent' then 3 when 'good' then 2 when 'completed' then 1 else 0 end)
             from latest where category = 'team') as worst,
          (select count(*) from group_members m join groups g on g.id = m.group_id
             join group_types t on t.code = g.type_code
             where g.rollup_path like ${like} and t.category = 'team' and m.disciplined
               and m.joined_on <= ${to}::date and (m.left_on is null or m.left_on >= ${from}::date)) as disciplined`,
  );
  const worst = row?.worst === null || row?.worst === undefined ? null : Number(row.worst);
  const rating =
    worst === null ? null : (Object.keys(RATING_RANK).find((k) => RATING_RANK[k] === worst) ?? null);
  return { models: Number(row?.models ?? 0), worst, rating, disciplined: Number(row?.disciplined ?? 0) };
}

type Children = NonNullable<CertificationEvidence["children"]>;

/** The commune rule (Art. 5.4): 100% of its units registered and at least the threshold recognised. */
export function childrenRule(
  total: number,
  registered: number,
  recognised: number,
  threshold: number,
): Children {
  const bp = Math.round(threshold * 10_000);
  const passes = total > 0 && registered === total && recognised * 10_000 >= bp * total;
  const recognisedRate = total === 0 ? null : Math.round((recognised / total) * 10_000) / 10_000;
  return { total, registered, recognised, recognisedRate, threshold, passes };
}

async function childrenOf(db: Db, cycle: CycleRow, threshold: number): Promise<Children> {
  const [row] = await queryRows<{
    total: number | string;
    registered: number | string;
    recognised: number | string;
  }>(
    db,
    sql`select count(*) as total, count(c.id) as registered,
          count(*) filter (where c.status = 'recognised') as recognised
        from org_units u
        left join certification_cycles c on c.org_unit_id = u.id and c.year = ${cycle.year}::int
        where u.parent_id = ${cycle.orgUnitId} and u.valid_to is null
          and u.kind in ('residential_area', 'agency', 'enterprise', 'school')`,
  );
  return childrenRule(
    Number(row?.total ?? 0),
    Number(row?.registered ?? 0),
    Number(row?.recognised ?? 0),
    threshold,
  );
}

const fold = (verdicts: EvidenceVerdict[]): EvidenceVerdict =>
  verdicts.includes("not_met") ? "not_met" : verdicts.includes("unknown") ? "unknown" : "met";

/** Art. 6.1 / 7.1 facts from the self-assessment: null while not recorded. */
function briefingOf(sa: CertificationCycleDetail["selfAssessment"]) {
  const internalRules = sa?.internalRules ?? null;
  const peopleToBrief = sa?.peopleToBrief ?? null;
  const peopleBriefed = sa?.peopleBriefed ?? null;
  let met: boolean | null = null;
  if (internalRules === false) met = false;
  else if (
    peopleToBrief !== null &&
    peopleBriefed !== null &&
    (peopleToBrief === 0 || peopleBriefed < peopleToBrief)
  ) {
    met = false;
  } else if (internalRules && peopleToBrief !== null && peopleBriefed !== null) met = true;
  // Assessed without the facts (before they were asked): not shown as met.
  else if (sa) met = false;
  return { internalRules, peopleToBrief, peopleBriefed, met };
}

const reduced = (now: number, before: number) => now < before || (now === 0 && before === 0);

/** What the records say about each criterion of a cycle. */
export async function computeEvidence(db: Db, cycle: CycleRow): Promise<CertificationEvidence> {
  const { windowFrom: from, windowTo: to, unitType } = cycle;
  const rule = await ruleFor(db, unitType, cycle.provinceId);
  const deadline = periodOf(rule, cycle.year).registrationDeadline;
  const events = (await eventsIn(db, cycle.unitPath, from, to)).map((e) => ({
    ...e,
    ...judgeEvent(e, unitType),
  }));
  const g = await groupFacts(db, cycle.unitPath, from, to);
  let households: CertificationEvidence["households"] = null;
  if (unitType === "residential_area") {
    const cov = await commitmentCoverage(db, { rollupPathPrefix: cycle.unitPath, year: cycle.year });
    const registered = cycle.householdsRegistered ?? cov.signed;
    households = {
      households: cov.households,
      signed: cov.signed,
      commitmentRate: cov.rate,
      registered,
      registrationRate:
        cov.households === 0 ? null : Math.round((registered / cov.households) * 10_000) / 10_000,
    };
  }
  const sa = cycle.selfAssessment;
  const crime = sa
    ? {
        crimes: sa.crimes,
        crimesPreviousYear: sa.crimesPreviousYear,
        socialEvils: sa.socialEvils,
        socialEvilsPreviousYear: sa.socialEvilsPreviousYear,
        source: "self_assessment" as const,
      }
    : null;
  const children =
    unitType === "commune" ? await childrenOf(db, cycle, rule.childRecognisedThreshold ?? 0.7) : null;
  const hits = (key: EvidenceKey) =>
    events.filter((e) => e.disqualifies && EVENT_RULES[e.kind][unitType]?.evidence === key);

  const judge: Record<EvidenceKey, () => { verdict: EvidenceVerdict; facts: CriterionEvidence["facts"] }> = {
    registration: () => {
      const onTime = cycle.registeredOn <= deadline;
      const facts: CriterionEvidence["facts"] = [
        { key: "registeredOn", value: cycle.registeredOn },
        { key: "registrationDeadline", value: deadline },
        { key: "partyResolution", value: cycle.partyResolution },
      ];
      if (households) {
        facts.push({ key: "households", value: households.households });
        facts.push({ key: "householdsRegistered", value: households.registered });
        facts.push({ key: "registrationRate", value: households.registrationRate });
        if (households.registrationRate === null) return { verdict: "unknown", facts };
        const ok = onTime && cycle.partyResolution && households.registrationRate >= 1;
        return { verdict: ok ? "met" : "not_met", facts };
      }
      facts.push({ key: "planAdopted", value: cycle.planAdopted });
      facts.push({ key: "effectiveModels", value: g.models });
      const ok = onTime && cycle.partyResolution && cycle.planAdopted && g.models >= 1;
      if (unitType === "commune") return { verdict: ok ? "met" : "not_met", facts };
      // Art. 6.1 (agency, enterprise) and 7.1 (school): internal rules adopted and 100% of staff
      // (at a school also teachers and learners) briefed on them and on the criteria.
      const briefing = briefingOf(sa);
      facts.push({ key: "internalRules", value: briefing.internalRules });
      facts.push({ key: "peopleToBrief", value: briefing.peopleToBrief });
      facts.push({ key: "peopleBriefed", value: briefing.peopleBriefed });
      if (!ok || briefing.met === false) return { verdict: "not_met", facts };
      return { verdict: briefing.met ? "met" : "unknown", facts };
    },
    security_events: () => {
      const n = hits("security_events").length;
      return { verdict: n > 0 ? "not_met" : "met", facts: [{ key: "disqualifyingEvents", value: n }] };
    },
    crime_prevention: () => {
      const n =
        hits("crime_prevention").length + (unitType === "commune" ? hits("security_events").length : 0);
      const facts: CriterionEvidence["facts"] = [{ key: "disqualifyingEvents", value: n }];
      if (n > 0) return { verdict: "not_met", facts };
      if (!crime) return { verdict: "unknown", facts };
      facts.push(
        { key: "crimes", value: crime.crimes },
        { key: "crimesPreviousYear", value: crime.crimesPreviousYear },
        { key: "socialEvils", value: crime.socialEvils },
        { key: "socialEvilsPreviousYear", value: crime.socialEvilsPreviousYear },
      );
      const ok =
        reduced(crime.crimes, crime.crimesPreviousYear) &&
        reduced(crime.socialEvils, crime.socialEvilsPreviousYear);
      return { verdict: ok ? "met" : "not_met", facts };
    },
    grassroots_force: () => {
      const recorded = hits("grassroots_force").length;
      // Art. 4.5 counts any discipline of a team member; Art. 6.4 and 7.5 only "cảnh cáo" or above,
      // which a team roster's yes/no flag cannot tell: there the flag leaves the criterion to people.
      const anyForm = unitType === "residential_area";
      const disciplined = recorded + (anyForm ? g.disciplined : 0);
      const facts: CriterionEvidence["facts"] = [
        { key: "teamRating", value: g.rating },
        { key: "disciplinedMembers", value: disciplined },
      ];
      if (!anyForm) facts.push({ key: "disciplinedLevelUnknown", value: g.disciplined });
      if (disciplined > 0) return { verdict: "not_met", facts };
      if (g.worst === null || (!anyForm && g.disciplined > 0)) return { verdict: "unknown", facts };
      return { verdict: g.worst >= MIN_RATING[unitType] ? "met" : "not_met", facts };
    },
    commune_police: () => {
      // Art. 5.3: the commune police, none of its officers disciplined (any form). Whether it
      // "proactively knows the situation and advises" is for people to judge.
      const n = hits("commune_police").length;
      const facts: CriterionEvidence["facts"] = [{ key: "communePoliceDisciplined", value: n }];
      return { verdict: n > 0 ? "not_met" : "unknown", facts };
    },
    children: () => ({
      verdict: children?.passes ? "met" : "not_met",
      facts: [
        { key: "childUnits", value: children?.total ?? 0 },
        { key: "childRegistered", value: children?.registered ?? 0 },
        { key: "childRecognised", value: children?.recognised ?? 0 },
        { key: "childRecognisedRate", value: children?.recognisedRate ?? null },
      ],
    }),
    school_safety: () => {
      // Art. 7.4: school violence, or staff/learners with a crime or a social evil disciplined at
      // "cảnh cáo" or above (staff_disciplined, judged by judgeEvent).
      const n = hits("school_safety").length;
      return { verdict: n > 0 ? "not_met" : "met", facts: [{ key: "schoolViolenceEvents", value: n }] };
    },
  };

  const pv = await versionOfCycle(db, cycle);
  const criteria = await criteriaOf(db, cycle, pv?.version ?? null);
  const answers = new Map((sa?.answers ?? []).map((a) => [a.criterionCode, a.met]));
  const list: CriterionEvidence[] = criteria.map((c) => {
    const j = c.evidenceKey ? judge[c.evidenceKey]() : { verdict: "unknown" as const, facts: [] };
    return { ...c, ...j, selfAssessed: answers.get(c.code) ?? null };
  });
  return {
    cycleId: cycle.id,
    orgUnitId: cycle.orgUnitId,
    unitType,
    year: cycle.year,
    windowFrom: from,
    windowTo: to,
    households,
    effectiveModels: g.models,
    teamRating: g.rating,
    disciplinedMembers: g.disciplined,
    events,
    crime,
    children,
    criteria: list,
    criteriaVersion: cycle.criteriaVersion,
    provinceCriteriaVersion: pv
      ? {
          id: pv.version.id,
          label: pv.version.label,
          effectiveFrom: pv.version.effectiveFrom,
          basis: pv.version.basis,
          pinned: pv.pinned,
        }
      : null,
    overall: fold(
      list.map((c) =>
        c.verdict === "unknown" && c.selfAssessed !== null ? (c.selfAssessed ? "met" : "not_met") : c.verdict,
      ),
    ),
  };
}
