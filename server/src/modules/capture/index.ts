/**
 * The capture screens' first visit on a slow line: the hub and the activity form as server-rendered
 * HTML, and the plain form post they send before the app's scripts arrive (issue 18).
 */
export { capturePageRoutes } from "./capture-page.routes";
