import type {
  CertificationEvidence,
  CertificationUnitType,
  CriterionEvidence,
  DisqualifyingEvent,
  EvidenceVerdict,
} from "@toandan/contracts";
import { EVENT_SEVERITIES } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { commitmentCoverage } from "../households";
import { EVENT_RULES, type EvidenceKey } from "./certification.catalogue";
import type { CycleRow } from "./certification.queries";
import { escapeLike } from "./certification.queries";
import { periodOf, ruleFor } from "./certification.rules";

const RATING_RANK: Record<string, number> = { excellent: 3, good: 2, completed: 1, not_completed: 0 };
/** Lowest acceptable team rating: "completed duties" for areas, "completed well" for the rest. */
const MIN_RATING: Record<CertificationUnitType, number> = {
  residential_area: 1,
  commune: 1,
  agency: 2,
  enterprise: 2,
  school: 2,
};

export type EventRow = Omit<DisqualifyingEvent, "disqualifies">;

/** Whether an event of this kind and these flags disqualifies a unit of this type (EVENT_RULES). */
export function disqualifies(
  e: Pick<EventRow, "kind" | "severity" | "forceMajeure" | "reportedPromptly">,
  unitType: CertificationUnitType,
): boolean {
  const rule = EVENT_RULES[e.kind];
  if (!rule.unitTypes.includes(unitType)) return false;
  if (EVENT_SEVERITIES.indexOf(e.severity) < EVENT_SEVERITIES.indexOf(rule.minSeverity)) return false;
  return !rule.excusedBy.some((flag) => e[flag]);
}

export const SELECT_EVENT = sql`select e.id, e.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", e.kind,
    e.occurred_on::text as "occurredOn", e.severity, e.force_majeure as "forceMajeure",
    e.reported_promptly as "reportedPromptly", e.description, e.created_at::text as "createdAt"
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

const reduced = (now: number, before: number) => now < before || (now === 0 && before === 0);

/** What the records say about each criterion of a cycle. */
export async function computeEvidence(db: Db, cycle: CycleRow): Promise<CertificationEvidence> {
  const { windowFrom: from, windowTo: to, unitType } = cycle;
  const rule = await ruleFor(db, unitType, cycle.provinceId);
  const deadline = periodOf(rule, cycle.year).registrationDeadline;
  const events = (await eventsIn(db, cycle.unitPath, from, to)).map((e) => ({
    ...e,
    disqualifies: disqualifies(e, unitType),
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
    events.filter((e) => e.disqualifies && EVENT_RULES[e.kind].evidence === key);

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
      return { verdict: ok ? "met" : "not_met", facts };
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
      const disciplined = g.disciplined + hits("grassroots_force").length;
      const facts: CriterionEvidence["facts"] = [
        { key: "teamRating", value: g.rating },
        { key: "disciplinedMembers", value: disciplined },
      ];
      if (disciplined > 0) return { verdict: "not_met", facts };
      if (g.worst === null) return { verdict: "unknown", facts };
      return { verdict: g.worst >= MIN_RATING[unitType] ? "met" : "not_met", facts };
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
      const n = hits("school_safety").length;
      return { verdict: n > 0 ? "not_met" : "met", facts: [{ key: "schoolViolenceEvents", value: n }] };
    },
  };

  const criteria = await queryRows<{
    code: string;
    article: string;
    titleVi: string;
    titleEn: string;
    evidenceKey: EvidenceKey | null;
    provincial: boolean;
  }>(
    db,
    sql`select code, article, title_vi as "titleVi", title_en as "titleEn", evidence_key as "evidenceKey",
          (province_id is not null) as provincial
        from certification_criteria
        where version = ${cycle.criteriaVersion} and unit_type = ${unitType}
          and (province_id is null or province_id = ${cycle.provinceId})
        order by province_id nulls first, sort_order, code`,
  );
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
    overall: fold(
      list.map((c) =>
        c.verdict === "unknown" && c.selfAssessed !== null ? (c.selfAssessed ? "met" : "not_met") : c.verdict,
      ),
    ),
  };
}
