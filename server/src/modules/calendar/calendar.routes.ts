import {
  DeleteHolidayBodySchema,
  HolidayListSchema,
  HolidayParamsSchema,
  HolidaySchema,
  ListHolidaysQuerySchema,
  OkSchema,
  UpsertHolidayBodySchema,
} from "@toandan/contracts";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { deleteHoliday } from "./commands/delete-holiday";
import { upsertHoliday } from "./commands/upsert-holiday";
import { listHolidays } from "./calendar.queries";

const tags = ["calendar"];

export const calendarRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/calendar/holidays",
    operationId: "listHolidays",
    summary: "Weekdays off and make-up working weekend days (all, or one year); can.manage for the caller",
    tags,
    // Every role holds org_unit.read: anyone signed in may read the table.
    permission: "org_unit.read",
    querystring: ListHolidaysQuerySchema,
    response: HolidayListSchema,
    handler: ({ db, actor, query }) => listHolidays(db, actor, query),
  }),
  defineRoute({
    method: "PUT",
    url: "/calendar/holidays/:date",
    operationId: "upsertHoliday",
    summary: "Add or correct the day at this date (national system administrators); audited",
    tags,
    permission: "calendar.manage",
    params: HolidayParamsSchema,
    body: UpsertHolidayBodySchema,
    response: HolidaySchema,
    handler: ({ db, actor, params, body }) => upsertHoliday(db, actor, params.date, body),
  }),
  defineRoute({
    method: "POST",
    url: "/calendar/holidays/:date/delete",
    operationId: "deleteHoliday",
    summary: "Remove a wrong entry, with the reason (national system administrators); audited",
    tags,
    permission: "calendar.manage",
    params: HolidayParamsSchema,
    body: DeleteHolidayBodySchema,
    response: OkSchema,
    handler: async ({ db, actor, params, body }) => {
      await deleteHoliday(db, actor, params.date, body.reason);
      return { ok: true as const };
    },
  }),
]);
