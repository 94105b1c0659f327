import {
  CreateDutyLogBodySchema,
  DutyLogPageSchema,
  DutyLogSchema,
  GroupRostersQuerySchema,
  GroupRostersSchema,
  IdSchema,
  ListDutyLogsQuerySchema,
  UpdateDutyLogBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute } from "../../kernel/http/define-route";
import { createDutyLog, updateDutyLog } from "./commands/record-duty-log";
import { listDutyLogs } from "./group-duty.queries";
import { groupRosters } from "./group-rosters";
import { rosterCryptoFor } from "./groups.crypto";

const params = z.object({ id: IdSchema });
const logParams = z.object({ id: IdSchema, logId: IdSchema });
const tags = ["groups"];

/** A grassroots team's duty and patrol log (sổ trực, tuần tra). */
export const groupDutyRoutes = [
  defineRoute({
    method: "GET",
    url: "/groups/rosters",
    operationId: "listGroupRosters",
    summary: "Teams and models of a unit's subtree with their members active on a day (offline capture)",
    tags,
    permission: "group.read",
    querystring: GroupRostersQuerySchema,
    response: GroupRostersSchema,
    handler: ({ db, app, actor, query }) => groupRosters(db, rosterCryptoFor(app), actor, query),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/duty-logs",
    operationId: "createDutyLog",
    summary: "Record a team's duty or patrol day: members on duty (from the roster that day), incidents",
    tags,
    permission: "group.manage",
    params,
    body: CreateDutyLogBodySchema,
    status: 201,
    response: DutyLogSchema,
    idempotent: true,
    handler: ({ db, actor, params, body }) => createDutyLog(db, actor, params.id, body),
  }),
  defineRoute({
    method: "GET",
    url: "/groups/:id/duty-logs",
    operationId: "listDutyLogs",
    summary: "A team's duty log, newest day first (optionally from/to)",
    tags,
    permission: "group.read",
    params,
    querystring: ListDutyLogsQuerySchema,
    response: DutyLogPageSchema,
    handler: ({ readDb, actor, params, query }) => listDutyLogs(readDb, actor, params.id, query),
  }),
  defineRoute({
    method: "PATCH",
    url: "/groups/:id/duty-logs/:logId",
    operationId: "updateDutyLog",
    summary: "Edit a duty log entry (If-Match: its version)",
    tags,
    permission: "group.manage",
    params: logParams,
    body: UpdateDutyLogBodySchema,
    response: DutyLogSchema,
    idempotent: true,
    versioned: { table: "group_duty_logs", param: "logId" },
    handler: ({ db, actor, params, body }) => updateDutyLog(db, actor, params.id, params.logId, body),
  }),
];
