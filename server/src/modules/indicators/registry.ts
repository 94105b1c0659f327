import {
  SMALL_CELL_THRESHOLD,
  INDICATORS,
  indicatorOf,
  type ActivityFigureTotals,
  type BodyKind,
  type IndicatorCode,
} from "@toandan/contracts";
import type { Db } from "../../db/client";
import { rollupsCover } from "../../kernel/rollups";
import {
  activityTotals,
  heldFestivalFigures,
  isWholeMonths,
  readActivityRollups,
  traineeCount,
} from "../activities";
import { caseHelpFigures, reintegrationFigures } from "../cases";
import { agencyRate, communeRate, residentialAreaRate } from "../certification";
import { equipmentTotals, groupTotals } from "../groups";
import { mediaFigures } from "../media";
import { pilotFigures } from "../pilots";
import { feedbackFigures } from "../feedback";
import { hotspotStatistics } from "../hotspots";
import { commitmentCoverage, safeFamilyFigures } from "../households";
import { tipFigures } from "../tips";

/** Where and when an indicator is measured. */
export type IndicatorScope = {
  /** Rollup path of the unit: records of its whole subtree (and of pre-reform units merged into it). */
  rollupPathPrefix: string;
  /** The year of stock figures (households, commitments) and the default period. */
  year: number;
  /** Period of flow figures (activities, tips…); the whole `year` when absent. */
  from?: string | undefined;
  to?: string | undefined;
  /** Count only what this body organised or, for member households, this organisation's members. */
  bodyKind?: BodyKind | undefined;
  /** Only activities of this kind or topic (activity indicators). */
  kind?: string | undefined;
  topic?: string | undefined;
  /**
   * A pre-reform unit's own path (its records are those of its old subtree; `rollupPathPrefix` is
   * then the unit it rolls up into). Sources read it with `recordsOfUnit` (see `OLD_TREE`).
   */
  unitPath?: string | undefined;
  /** Stock indicators (groups, households) are read on this date: the period's end or today. */
  asOf: string;
};

/** Shares one source read between the indicators of one scope (e.g. all activity figures). */
export type Memo = <T>(key: string, load: () => Promise<T>) => Promise<T>;
export function newMemo(): Memo {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as Promise<T>;
  };
}

/**
 * How one indicator is computed; `null` means its source has no data (yet). A module that lands
 * later replaces its line below with its own function of the same shape.
 */
export type Compute = (db: Db, scope: IndicatorScope, memo: Memo) => Promise<number | null>;

const periodOf = (s: IndicatorScope) => ({
  from: s.from ?? `${s.year}-01-01`,
  to: s.to ?? `${s.year}-12-31`,
});

/** Every activity figure of a scope: from the monthly rollups when they answer it exactly. */
export async function activityFigures(db: Db, s: IndicatorScope): Promise<ActivityFigureTotals> {
  const { from, to } = periodOf(s);
  const dims = [
    s.bodyKind && `body:${s.bodyKind}`,
    s.kind && `kind:${s.kind}`,
    s.topic && `topic:${s.topic}`,
  ].filter((d): d is string => Boolean(d));
  if (!s.unitPath && dims.length <= 1 && isWholeMonths(from, to) && rollupsCover(s.rollupPathPrefix)) {
    const [row] = await readActivityRollups(db, {
      path: s.rollupPathPrefix,
      from,
      to,
      dim: { exact: dims[0] ?? "" },
    });
    if (!row) return zeroTotals();
    const { child: _c, dim: _d, month: _m, ...sums } = row;
    return { ...sums, broadcastHours: Math.round(sums.broadcastHours * 100) / 100 };
  }
  return activityTotals(db, {
    rollupPathPrefix: s.rollupPathPrefix,
    from,
    to,
    bodyKind: s.bodyKind,
    kind: s.kind,
    topic: s.topic,
    unitPath: s.unitPath,
  });
}

function zeroTotals(): ActivityFigureTotals {
  return {
    activities: 0,
    attendees: 0,
    households: 0,
    students: 0,
    leaflets: 0,
    panels: 0,
    slogans: 0,
    broadcastItems: 0,
    broadcastHours: 0,
  };
}

const scopeKey = (s: IndicatorScope) =>
  [s.rollupPathPrefix, s.unitPath, s.year, s.from, s.to, s.bodyKind, s.kind, s.topic, s.asOf].join("|");

function activityFigure(field: keyof ActivityFigureTotals): Compute {
  return async (db, s, memo) =>
    (await memo(`activities|${scopeKey(s)}`, () => activityFigures(db, s)))[field];
}

// The subtree every source reads: the rollup path and, for a pre-reform unit, its own path.
const where = (s: IndicatorScope) => ({ rollupPathPrefix: s.rollupPathPrefix, unitPath: s.unitPath });
const whereKey = (s: IndicatorScope) => `${s.rollupPathPrefix}|${s.unitPath ?? ""}`;

const groupsOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`groups|${whereKey(s)}|${s.asOf}`, () => groupTotals(db, { ...where(s), at: s.asOf }));
const coverageOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`households|${whereKey(s)}|${s.year}`, () => commitmentCoverage(db, { ...where(s), year: s.year }));

const safeFamiliesOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`safe_families|${whereKey(s)}|${s.year}`, () => safeFamilyFigures(db, { ...where(s), year: s.year }));

const tipsOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`tips|${whereKey(s)}|${periodOf(s).from}|${periodOf(s).to}`, () =>
    tipFigures(db, { ...where(s), ...periodOf(s) }),
  );
const feedbackOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`feedback|${whereKey(s)}|${periodOf(s).from}|${periodOf(s).to}|${s.asOf}`, () =>
    feedbackFigures(db, { ...where(s), ...periodOf(s), asOf: s.asOf }),
  );

const festivalsOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`festivals|${whereKey(s)}|${periodOf(s).from}|${periodOf(s).to}`, () =>
    heldFestivalFigures(db, { ...where(s), ...periodOf(s) }),
  );

const reintegrationOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`reintegration|${whereKey(s)}|${periodOf(s).from}|${periodOf(s).to}`, () =>
    reintegrationFigures(db, { ...where(s), ...periodOf(s) }),
  );

const caseHelpOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`case-help|${whereKey(s)}|${periodOf(s).from}|${periodOf(s).to}`, () =>
    caseHelpFigures(db, { ...where(s), ...periodOf(s) }),
  );

// Equipment and online groups of the models, and pilots, read on the stock date.
const equipmentOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`equipment|${s.rollupPathPrefix}|${s.asOf}`, () =>
    equipmentTotals(db, { rollupPathPrefix: s.rollupPathPrefix, at: s.asOf }),
  );
const equipmentOfKind =
  (kind: string): Compute =>
  async (db, s, memo) =>
    (await equipmentOf(db, s, memo)).byKind.find((k) => k.kind === kind)?.count ?? 0;
const pilotsOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`pilots|${s.rollupPathPrefix}|${s.asOf}`, () =>
    pilotFigures(db, { rollupPathPrefix: s.rollupPathPrefix, at: s.asOf }),
  );

// Media partnerships: items published or aired in the period, partnerships in force in it.
const mediaOf = (db: Db, s: IndicatorScope, memo: Memo) =>
  memo(`media|${whereKey(s)}|${periodOf(s).from}|${periodOf(s).to}`, () =>
    mediaFigures(db, { ...where(s), ...periodOf(s) }),
  );

const COMPUTE: Record<IndicatorCode, Compute> = {
  "activities.count": activityFigure("activities"),
  "activities.attendees": activityFigure("attendees"),
  "activities.households": activityFigure("households"),
  "activities.students": activityFigure("students"),
  "activities.leaflets": activityFigure("leaflets"),
  "activities.panels": activityFigure("panels"),
  "activities.slogans": activityFigure("slogans"),
  "activities.broadcast_items": activityFigure("broadcastItems"),
  "activities.broadcast_hours": activityFigure("broadcastHours"),
  "groups.count": async (db, s, memo) => (await groupsOf(db, s, memo)).groups,
  "groups.members": async (db, s, memo) => (await groupsOf(db, s, memo)).members,
  "groups.teams": async (db, s, memo) =>
    (await groupsOf(db, s, memo)).byType
      .filter((t) => t.category === "team")
      .reduce((n, t) => n + t.groups, 0),
  "groups.models": async (db, s, memo) =>
    (await groupsOf(db, s, memo)).byType
      .filter((t) => t.category === "model")
      .reduce((n, t) => n + t.groups, 0),
  "groups.cameras": equipmentOfKind("camera"),
  "groups.street_lights": equipmentOfKind("street_light"),
  "groups.gates": equipmentOfKind("gate"),
  "groups.online_channels": async (db, s, memo) => (await equipmentOf(db, s, memo)).channels,
  "groups.online_channel_members": async (db, s, memo) => (await equipmentOf(db, s, memo)).channelMembers,
  "media.items": async (db, s, memo) => (await mediaOf(db, s, memo)).items,
  "media.partnerships": async (db, s, memo) => (await mediaOf(db, s, memo)).partnerships,
  "pilots.designated": async (db, s, memo) => (await pilotsOf(db, s, memo)).designated,
  "pilots.evaluated": async (db, s, memo) => (await pilotsOf(db, s, memo)).evaluated,
  "pilots.replicated": async (db, s, memo) => (await pilotsOf(db, s, memo)).replicated,
  "pilots.replications": async (db, s, memo) => (await pilotsOf(db, s, memo)).replications,
  "households.count": async (db, s, memo) => (await coverageOf(db, s, memo)).households,
  "households.signed": async (db, s, memo) => (await coverageOf(db, s, memo)).signed,
  "households.commitment_rate": async (db, s, memo) => (await coverageOf(db, s, memo)).rate,
  "households.member_commitment_rate": async (db, s, memo) => {
    const c = await coverageOf(db, s, memo);
    if (!s.bodyKind) return c.memberRate;
    const org = c.byOrg.find((o) => o.kind === s.bodyKind);
    return !org || org.members === 0 ? null : Math.round((org.signed / org.members) * 10_000) / 10_000;
  },
  "households.safe_families": async (db, s, memo) => (await safeFamiliesOf(db, s, memo)).recognised,
  "households.safe_family_rate": async (db, s, memo) => (await safeFamiliesOf(db, s, memo)).rate,
  // Null when no unit of the type has a cycle in the scope and year: no data, never a made-up number.
  "certification.residential_area_rate": residentialAreaRate,
  "certification.commune_rate": communeRate,
  "certification.agency_rate": agencyRate,
  // Tips received in the period (exact; suppressed for non-police readers by queryIndicators).
  "tips.received": async (db, s, memo) => (await tipsOf(db, s, memo)).received,
  "tips.transferred": async (db, s, memo) => (await tipsOf(db, s, memo)).transferred,
  "tips.solved": async (db, s, memo) => (await tipsOf(db, s, memo)).solved,
  "tips.arrests": async (db, s, memo) => (await tipsOf(db, s, memo)).arrests,
  "tips.people_handled": async (db, s, memo) => (await tipsOf(db, s, memo)).handled,
  "feedback.received": async (db, s, memo) => (await feedbackOf(db, s, memo)).received,
  "feedback.answered_on_time_rate": async (db, s, memo) => (await feedbackOf(db, s, memo)).answeredOnTimeRate,
  // Reintegration and community-education case files (counts of people, never personal data).
  "reintegration.reeducated": async (db, s, memo) => (await reintegrationOf(db, s, memo)).reeducated,
  "reintegration.helped": async (db, s, memo) => (await reintegrationOf(db, s, memo)).helped,
  "reintegration.reformed": async (db, s, memo) => (await reintegrationOf(db, s, memo)).reformed,
  // Social evils and drug users: instances ("lượt") and persons counted apart (cases module).
  "social_evils.help_instances": async (db, s, memo) => (await caseHelpOf(db, s, memo)).helpInstances,
  "social_evils.help_persons": async (db, s, memo) => (await caseHelpOf(db, s, memo)).helpPersons,
  "social_evils.reformed_instances": async (db, s, memo) => (await caseHelpOf(db, s, memo)).reformedInstances,
  "social_evils.community_educated": async (db, s, memo) => (await caseHelpOf(db, s, memo)).communityEducated,
  "drugs.rehab_referrals": async (db, s, memo) => (await caseHelpOf(db, s, memo)).referrals,
  // Festivals 19/8 held in the period and trainees of the period's training activities.
  "festivals.held": async (db, s, memo) => (await festivalsOf(db, s, memo)).held,
  "festivals.held_communes": async (db, s, memo) => (await festivalsOf(db, s, memo)).heldCommunes,
  "festivals.attendees": async (db, s, memo) => (await festivalsOf(db, s, memo)).attendees,
  "festivals.awards": async (db, s, memo) => (await festivalsOf(db, s, memo)).awards,
  // Hotspots designated and not yet transformed or removed on the stock date (the map's layer).
  "hotspots.open": async (db, s) =>
    (await hotspotStatistics(db, { rollupPathPrefix: s.rollupPathPrefix, ...periodOf(s), to: s.asOf }))
      .openAtEnd,
  "trainings.trainees": (db, s, memo) =>
    memo(`trainees|${s.rollupPathPrefix}|${periodOf(s).from}|${periodOf(s).to}`, () =>
      traineeCount(db, { rollupPathPrefix: s.rollupPathPrefix, ...periodOf(s) }),
    ),
};

/**
 * Tip figures outside the police compartment: a count from 1 to 4 is hidden (null), as the tips
 * module shows it ("<5"), so a small area's few tips cannot be told apart.
 */
export function suppressSmallTipCells(values: Record<string, number | null>, exact: boolean) {
  if (exact) return values;
  for (const [code, v] of Object.entries(values)) {
    if (code.startsWith("tips.") && v !== null && v > 0 && v < SMALL_CELL_THRESHOLD) values[code] = null;
  }
  return values;
}

export function listIndicators() {
  return INDICATORS;
}

export function computeIndicator(
  db: Db,
  code: IndicatorCode,
  scope: IndicatorScope,
  memo: Memo = newMemo(),
): Promise<number | null> {
  return COMPUTE[code](db, scope, memo);
}

/**
 * The indicators whose source reads a pre-reform unit's old subtree (`unitPath`): every activity
 * figure and these. An indicator added later answers null for a pre-reform unit until its source
 * reads `unitPath` and it is listed here.
 */
const OLD_TREE = new Set<string>([
  "media.items",
  "media.partnerships",
  "groups.count",
  "groups.members",
  "groups.teams",
  "groups.models",
  "households.count",
  "households.signed",
  "households.commitment_rate",
  "households.member_commitment_rate",
  "households.safe_families",
  "households.safe_family_rate",
  "certification.residential_area_rate",
  "certification.commune_rate",
  "certification.agency_rate",
  "tips.received",
  "tips.transferred",
  "tips.solved",
  "tips.arrests",
  "tips.people_handled",
  "feedback.received",
  "feedback.answered_on_time_rate",
  "reintegration.reeducated",
  "reintegration.helped",
  "reintegration.reformed",
  "social_evils.help_instances",
  "social_evils.help_persons",
  "social_evils.reformed_instances",
  "social_evils.community_educated",
  "drugs.rehab_referrals",
  "festivals.held",
  "festivals.held_communes",
  "festivals.attendees",
  "festivals.awards",
]);

/**
 * Whether an indicator can answer for a scope: a kind or a topic are known only to activities; a
 * body only to the indicators that split by body; a pre-reform unit to those of `OLD_TREE`.
 */
export function answers(code: IndicatorCode, s: IndicatorScope): boolean {
  const ind = indicatorOf(code);
  if ((s.kind || s.topic) && ind.source !== "activities") return false;
  if (s.unitPath && ind.source !== "activities" && !OLD_TREE.has(code)) return false;
  return !s.bodyKind || ind.bodySplit;
}

/** Several indicators of one scope, each source read once; null where the scope is not answerable. */
export async function computeIndicators(
  db: Db,
  codes: readonly IndicatorCode[],
  scope: IndicatorScope,
  memo: Memo = newMemo(),
): Promise<Record<string, number | null>> {
  const values = await Promise.all(
    codes.map((c) => (answers(c, scope) ? COMPUTE[c](db, scope, memo) : Promise.resolve(null))),
  );
  return Object.fromEntries(codes.map((c, i) => [c, values[i] ?? null]));
}
