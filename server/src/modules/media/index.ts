// What other modules (indicators, the demo, app.ts) may use from the media module.
export { mediaFigures } from "./media.queries";
export { createMediaPartnership } from "./commands/create-media-partnership";
export { addMediaItem } from "./commands/add-media-item";
export { mediaRoutes } from "./media.routes";
