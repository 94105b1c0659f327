import type { Holiday, HolidayList, UpsertHolidayBody } from "@toandan/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";

/** The holidays table of one year, with whether the caller may change it (`listHolidays`). */
export function holidaysQuery(year: number) {
  return queryOptions({
    queryKey: ["calendar", "holidays", year],
    queryFn: ({ signal }) => api<HolidayList>("/calendar/holidays", { query: { year }, signal }),
    // Another year keeps the table on screen until its days arrive.
    placeholderData: keepPreviousData,
  });
}

/** `upsertHoliday`: add or correct the day at this date. */
export const upsertHoliday = (date: string, body: UpsertHolidayBody) =>
  api<Holiday>(`/calendar/holidays/${date}`, { method: "PUT", body });

/** `deleteHoliday`: remove a wrong entry, with the reason. */
export const deleteHoliday = (date: string, reason: string) =>
  api<{ ok: true }>(`/calendar/holidays/${date}/delete`, { method: "POST", body: { reason } });
