// What other modules may use from the org-units module.
export { type LocalUnitInput, insertLocalUnits } from "./commands/create-org-unit";
export { findRoot, importOfficialUnits } from "./import/official-units";
export { type OrgUnitDbRow, getVisibleUnit, validOn } from "./org-units.queries";
export { orgUnitRoutes } from "./org-units.routes";
