import type { reportsVi } from "../vi/reports";

/** Dashboard and reports strings (English). */
export const reportsEn: typeof reportsVi = {
  dashboard: {
    title: "Dashboard",
    year: "Year",
    indicators: "Indicators",
    target: "Plan target",
    noTarget: "—",
    status: {
      met: "Met",
      on_track: "On track",
      behind: "Behind",
      no_target: "No target",
      no_data: "No data",
    },
    trend: "Monthly trend",
    savePng: "Download chart (PNG)",
    children: "Ranking of child units",
    tiles: "Tile grid of child units (instead of a map)",
    rank: "Rank",
    unit: "Unit",
    drill: "Open {{name}}",
    none: "No child units.",
    activities: "Activities",
    attendees: "Attendances",
  },
};
