import type { FastifyPluginAsync } from "fastify";
import { feedbackRoutes } from "../feedback";
import { tipRoutes } from "../tips";
import { newsRoutes } from "./news.routes";
import { portalRoutes } from "./portal/portal.routes";

/** The citizen channels' API (tips, feedback, news, public statistics), under /api/v1. */
export const citizenRoutes: FastifyPluginAsync = async (api) => {
  await api.register(tipRoutes);
  await api.register(feedbackRoutes);
  await api.register(newsRoutes);
};

/** The public portal's server-rendered pages (/, /tin-tuc/…, /to-giac, …); see portal/README. */
export const portalPages: FastifyPluginAsync = async (app) => {
  await app.register(portalRoutes);
};
