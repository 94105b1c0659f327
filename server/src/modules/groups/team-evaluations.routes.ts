import {
  IdSchema,
  RecordTeamEvaluationsBodySchema,
  TeamEvaluationsQuerySchema,
  TeamEvaluationsSchema,
  evaluationYearOf,
  todayInVietnam,
  type RecordTeamEvaluationsBody,
  type TeamEvaluations,
  type TeamEvaluationsQuery,
} from "@toandan/contracts";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { defineRoute } from "../../kernel/http/define-route";
import { recordTeamEvaluations } from "./commands/record-team-evaluations";
import { rosterCryptoFor, type RosterCrypto } from "./groups.crypto";
import { getVisibleGroup } from "./groups.queries";
import { mayRecordTeamEvaluations, teamYearState } from "./team-evaluations.queries";

const params = z.object({ id: IdSchema });
const tags = ["groups"];

/** A grassroots team's evaluation year (default: the one holding today), with what the caller may do. */
async function teamEvaluations(
  db: Db,
  crypto: RosterCrypto,
  actor: Actor,
  id: string,
  q: TeamEvaluationsQuery,
): Promise<TeamEvaluations> {
  const group = await getVisibleGroup(db, actor, id);
  const {
    recorded: _recorded,
    areaPath: _areaPath,
    restricted,
    ...state
  } = await teamYearState(db, group, q.year ?? evaluationYearOf(todayInVietnam()).year, crypto);
  const members = state.members.filter((m) => !restricted.has(m.memberId));
  return { ...state, members, can: { record: mayRecordTeamEvaluations(actor, group) } };
}

/** Records the ratings, answers the year as it now is. */
async function recordAndAnswer(
  db: Db,
  crypto: RosterCrypto,
  actor: Actor,
  id: string,
  body: RecordTeamEvaluationsBody,
) {
  await recordTeamEvaluations(db, crypto, actor, id, body);
  return teamEvaluations(db, crypto, actor, id, { year: body.year });
}

/** The yearly evaluation of grassroots security teams and their members (Hướng dẫn 01/HD-BCA-V05). */
export const teamEvaluationRoutes = [
  defineRoute({
    method: "GET",
    url: "/groups/:id/year-evaluations",
    operationId: "listTeamEvaluations",
    summary: "A grassroots team's evaluation year (15/11–14/11): months served, ratings, the excellent cap",
    tags,
    permission: "group.read",
    params,
    querystring: TeamEvaluationsQuerySchema,
    response: TeamEvaluationsSchema,
    handler: ({ db, app, actor, params, query }) =>
      teamEvaluations(db, rosterCryptoFor(app), actor, params.id, query),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/year-evaluations",
    operationId: "recordTeamEvaluations",
    summary: "Rate a grassroots team and its members for a year (9 months' service, the 20 % excellent cap)",
    tags,
    permission: "group.manage",
    params,
    body: RecordTeamEvaluationsBodySchema,
    response: TeamEvaluationsSchema,
    handler: ({ db, app, actor, params, body }) =>
      recordAndAnswer(db, rosterCryptoFor(app), actor, params.id, body),
  }),
];
