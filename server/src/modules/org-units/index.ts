// What other modules may use from the org-units module.
export { type LocalUnitInput, insertLocalUnits } from "./commands/create-org-unit";
export { findRoot, importOfficialUnits } from "./import/official-units";
export { ORG_UNITS_CACHE, type OrgUnitDbRow, validOn } from "./org-units.queries";
export {
  type BodyAtPath,
  type BodyRow,
  type LoadUnitOptions,
  type UnitRow,
  type UnitScope,
  ancestorsOf,
  bodiesOf,
  bodiesOfUnitAndAncestors,
  existedOn,
  findCurrentUnit,
  idsInPath,
  listCurrentUnits,
  loadUnit,
  provinceOf,
  recordsOfUnit,
} from "./places";
export { orgUnitRoutes } from "./org-units.routes";
export { populationsOn } from "./populations";
export { populationRoutes } from "./populations.routes";
