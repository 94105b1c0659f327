import { calendarOf, setWorkingCalendar } from "@toandan/contracts";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { calendarVersion, holidayRows } from "./calendar.queries";

/**
 * The working calendar of this process comes from the holidays table: loaded when the app starts,
 * after every change made in this process, and re-read when another process changed it (a cheap
 * count/max(updated_at) fingerprint checked every REFRESH_MS).
 *
 * The calendar in force is process state (setWorkingCalendar in contracts/src/calendar), like the
 * clock. Issue 16 moves shared state to the database; until then the periodic check is what keeps
 * several server processes in step (at most REFRESH_MS apart).
 */
export const CALENDAR_REFRESH_MS = 60_000;

let loadedVersion: string | null = null;

/** Reads the table and makes it the calendar in force. */
export async function reloadWorkingCalendar(db: Db): Promise<void> {
  const version = await calendarVersion(db);
  setWorkingCalendar(calendarOf(await holidayRows(db)));
  loadedVersion = version;
}

/** Reloads when the table changed since the last load (another process's upsert or delete). */
export async function refreshWorkingCalendarIfChanged(db: Db): Promise<boolean> {
  if ((await calendarVersion(db)) === loadedVersion) return false;
  await reloadWorkingCalendar(db);
  return true;
}

/** Loads the calendar for the app and keeps it fresh until the app closes. */
export async function startWorkingCalendar(app: FastifyInstance): Promise<void> {
  try {
    await reloadWorkingCalendar(app.db);
  } catch (e) {
    // A database without the table (not yet migrated): keep the shipped table, say so once.
    app.log.warn({ err: e }, "holidays table not readable; using the shipped 2025–2027 calendar");
    return;
  }
  const timer = setInterval(() => {
    refreshWorkingCalendarIfChanged(app.db).catch((e: unknown) =>
      app.log.warn({ err: e }, "holidays table refresh failed; keeping the calendar in force"),
    );
  }, CALENDAR_REFRESH_MS);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}
