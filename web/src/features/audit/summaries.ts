// One short, readable line per audit action, from its typed data (AuditEventDataMap). SUMMARIES
// has one entry per action: a new action without one does not compile.
import type { Summaries } from "./summary-kit";
import { SUMMARIES_ADMIN } from "./summaries-admin";
import { SUMMARIES_PLANS } from "./summaries-plans";
import { SUMMARIES_ACTIVITIES } from "./summaries-activities";
import { SUMMARIES_GROUPS } from "./summaries-groups";
import { SUMMARIES_HOUSEHOLDS } from "./summaries-households";
import { SUMMARIES_CERTIFICATION } from "./summaries-certification";
import { SUMMARIES_CASES } from "./summaries-cases";
import { SUMMARIES_CITIZENS } from "./summaries-citizens";
import { SUMMARIES_PRIVACY } from "./summaries-privacy";
import { SUMMARIES_RETENTION } from "./summaries-retention";

export const SUMMARIES: Summaries = {
  ...SUMMARIES_ADMIN,
  ...SUMMARIES_PLANS,
  ...SUMMARIES_ACTIVITIES,
  ...SUMMARIES_GROUPS,
  ...SUMMARIES_HOUSEHOLDS,
  ...SUMMARIES_CERTIFICATION,
  ...SUMMARIES_CASES,
  ...SUMMARIES_CITIZENS,
  ...SUMMARIES_PRIVACY,
  ...SUMMARIES_RETENTION,
};
