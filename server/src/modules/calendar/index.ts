// What other modules may use from the calendar module (the holidays table behind every working-day clock).
export { calendarRoutes } from "./calendar.routes";
export {
  startWorkingCalendar,
  reloadWorkingCalendar,
  refreshWorkingCalendarIfChanged,
} from "./calendar.loader";
