import type { Indicator, Plan } from "@toandan/contracts";
import { formatDate } from "../../lib/format";
import { blankToUndefined, isoFromVn, numberFrom } from "../../lib/form-values";

/** The plan form's values, as typed (numbers and dates as text). */
export type TaskValues = { title: string; description: string; bodyKinds: string[] };
export type MilestoneValues = { year: string; text: string };
export type TargetValues = {
  indicator: string;
  comparator: string;
  value: string;
  year: string;
  bodyKind: string;
  orgUnitId: string;
  label: string;
};
export type FormValues = {
  number: string;
  title: string;
  issuedOn: string;
  orgUnitId: string;
  periodFrom: string;
  periodTo: string;
  issuerBodyIds: string[];
  /** A plan, or a coordination programme of the police and one member organisation. */
  kind: Plan["kind"];
  sourceIds: string[];
  tasks: TaskValues[];
  milestones: MilestoneValues[];
  targets: TargetValues[];
};

/** The API body for the form's values (rates typed as percentages sent as fractions). */
export function toBody(v: FormValues, indicators: readonly Indicator[]): unknown {
  const rate = (code: string) => indicators.find((i) => i.code === code)?.unit === "rate";
  return {
    number: v.number,
    title: v.title,
    issuedOn: isoFromVn(v.issuedOn),
    orgUnitId: v.orgUnitId,
    periodFrom: numberFrom(v.periodFrom),
    periodTo: numberFrom(v.periodTo),
    issuerBodyIds: v.issuerBodyIds,
    kind: v.kind,
    sourceIds: v.sourceIds,
    tasks: v.tasks.map((x) => ({
      title: x.title,
      description: blankToUndefined(x.description),
      bodyKinds: x.bodyKinds,
    })),
    milestones: v.milestones.map((m) => ({ year: numberFrom(m.year), text: m.text })),
    targets: v.targets.map((x) => {
      const n = numberFrom(x.value);
      return {
        indicator: x.indicator,
        comparator: x.comparator,
        // Rates are typed as percentages (80) and stored as fractions (0.8).
        value: n !== undefined && rate(x.indicator) ? Math.round(n * 100) / 10000 : n,
        year: numberFrom(x.year),
        bodyKind: blankToUndefined(x.bodyKind),
        orgUnitId: blankToUndefined(x.orgUnitId),
        label: blankToUndefined(x.label),
      };
    }),
  };
}

/** The form's values for an existing plan (rates shown as percentages, dates as dd/mm/yyyy). */
export function valuesOf(plan: Plan, indicators: readonly Indicator[]): FormValues {
  const rate = (code: string) => indicators.find((i) => i.code === code)?.unit === "rate";
  return {
    number: plan.number,
    title: plan.title,
    issuedOn: formatDate(plan.issuedOn),
    orgUnitId: plan.orgUnitId,
    periodFrom: String(plan.periodFrom),
    periodTo: String(plan.periodTo),
    issuerBodyIds: plan.issuers.map((b) => b.id),
    kind: plan.kind,
    sourceIds: plan.sources.map((s) => s.id),
    tasks: plan.tasks.map((x) => ({
      title: x.title,
      description: x.description ?? "",
      bodyKinds: x.bodyKinds,
    })),
    milestones: plan.milestones.map((m) => ({ year: String(m.year), text: m.text })),
    targets: plan.targets.map((x) => ({
      indicator: x.indicator,
      comparator: x.comparator,
      value: String(rate(x.indicator) ? Math.round(x.value * 10000) / 100 : x.value),
      year: String(x.year),
      bodyKind: x.bodyKind ?? "",
      orgUnitId: x.orgUnitId ?? "",
      label: x.label ?? "",
    })),
  };
}
