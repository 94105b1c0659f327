// What other modules may use from the news module.
export { newsRoutes } from "./news.routes";
export { portalRoutes } from "./portal/portal.routes";
export { seedDemoNews } from "./seed-demo-news";
