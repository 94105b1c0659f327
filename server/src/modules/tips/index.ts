// What other modules may use from the tips module.
export { cleanImage, decodeBase64 } from "./attachments";
export { citizenRateLimit, citizenRoute } from "./citizen-route";
export { appendTipMessage } from "./commands/reply-to-tip";
export { submitTip } from "./commands/submit-tip";
export { ReceiptVerifier, newReceiptCode, newSecret } from "./receipt";
export { routeToUnit } from "./routing";
export { shownCount, tipFigures } from "./tips.counts";
export { isPolice } from "./tips.policy";
export { tipRoutes } from "./tips.routes";
