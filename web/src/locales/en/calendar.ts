import type { CalendarStrings } from "../vi/calendar";

export const calendarEn: CalendarStrings = {
  holidays: {
    title: "Holidays and make-up days",
    intro:
      "Every deadline counted in working days (tips, feedback, case files, certification) uses this table: public holidays that fall on weekdays and the Saturdays or Sundays worked in exchange. Update it from the yearly notices of the Government and the Ministry of Home Affairs; a change applies at once and is audited.",
    basis:
      "Basis: Labour Code 2019 Art. 112; the yearly holiday notices of the Prime Minister and the Ministry of Home Affairs.",
    year: "Year",
    list: "Days in {{year}}",
    none: "No days recorded for this year.",
    date: "Date",
    weekday: "Weekday",
    kind: "Kind",
    name: "Name",
    confidence: "Confidence",
    source: "Source, notice number",
    actions: "Actions",
    add: "Add or correct a day",
    addHint: "Enter a date already listed to correct it.",
    datePlaceholder: "dd/mm/yyyy",
    dateInvalid: "Enter the date as dd/mm/yyyy",
    save: "Save",
    saved: "Saved {{date}}.",
    edit: "Edit",
    remove: "Delete",
    removeTitle: "Delete {{date}}?",
    removeText: "“{{name}}” will be removed; deadlines computed from now on will not skip this day.",
    reason: "Reason for deleting",
    removed: "Deleted {{date}}.",
    cancel: "Cancel",
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  },
};
