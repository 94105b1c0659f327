import type {
  RetentionKind,
  RetentionRule,
  RetentionRuleList,
  RetentionRun,
  UpdateRetentionRuleBody,
} from "@toandan/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";

/** `listRetentionRules`: the rules with their basis, and what the caller may do (can.update, can.run). */
export const retentionRulesQuery = () =>
  queryOptions({
    queryKey: ["retention", "rules"],
    queryFn: ({ signal }) => api<RetentionRuleList>("/retention/rules", { signal }),
  });

/** `updateRetentionRule`: a rule's period or whether it applies. */
export const updateRetentionRule = (kind: RetentionKind, body: UpdateRetentionRuleBody) =>
  api<RetentionRule>(`/retention/rules/${kind}`, { method: "PUT", body });

/** `runRetention`: a dry run counts what is due; a real run de-identifies it. */
export const runRetention = (dryRun: boolean) =>
  api<RetentionRun>("/retention/run", { method: "POST", body: { dryRun } });
