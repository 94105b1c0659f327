import {
  CreateNewsBodySchema,
  IdSchema,
  ListNewsQuerySchema,
  NewsItemSchema,
  NewsListSchema,
  NewsSlugParamsSchema,
  OkSchema,
  PublicStatisticsSchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { createNews } from "./commands/create-news";
import { withdrawNewsImageConsent } from "./commands/withdraw-image-consent";
import { listNewsItems, newsImage, newsItemBySlug } from "./news.queries";
import { publicStatistics } from "./statistics";

const tags = ["news"];

export const newsRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/public/news",
    operationId: "listNews",
    summary: "Latest news of the movement, or warnings about current crime methods",
    tags,
    public: true,
    querystring: ListNewsQuerySchema,
    response: NewsListSchema,
    handler: async ({ db, query }) => ({ items: await listNewsItems(db, query.kind, query.limit) }),
  }),
  defineRoute({
    method: "GET",
    url: "/public/news/:slug",
    operationId: "getNews",
    summary: "One news item by its Vietnamese slug",
    tags,
    public: true,
    params: NewsSlugParamsSchema,
    response: NewsItemSchema,
    handler: ({ db, params }) => newsItemBySlug(db, params.slug),
  }),
  defineRoute({
    method: "GET",
    url: "/public/news/:id/image",
    operationId: "getNewsImage",
    summary: "A news item's image (re-encoded without metadata when uploaded)",
    tags,
    public: true,
    params: z.object({ id: IdSchema }),
    handler: async ({ db, params, reply }) => {
      const image = await newsImage(db, params.id);
      return reply
        .type(image.type)
        .header("cache-control", "public, max-age=86400, immutable")
        .send(image.data);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/news",
    operationId: "createNews",
    summary: "Publish news or a warning as the Front or police of a unit (slug from the title)",
    tags,
    permission: "news.write",
    bodyLimit: 4 * 1024 * 1024,
    body: CreateNewsBodySchema,
    status: 201,
    response: z.object({ id: IdSchema, slug: z.string() }),
    handler: ({ db, actor, body }) => createNews(db, actor, body),
  }),
  defineRoute({
    method: "POST",
    url: "/news/:id/image-consent-withdrawal",
    operationId: "withdrawNewsImageConsent",
    summary: "A person in a news photo withdrew their consent: the photo is removed at once (audited)",
    tags,
    permission: "news.write",
    params: z.object({ id: IdSchema }),
    response: OkSchema,
    handler: ({ db, actor, params }) => withdrawNewsImageConsent(db, actor, params.id),
  }),
  defineRoute({
    method: "GET",
    url: "/public/statistics",
    operationId: "getPublicStatistics",
    summary: 'Tips and feedback by province; counts from 1 to 4 shown as "<5"',
    tags,
    public: true,
    response: PublicStatisticsSchema,
    handler: ({ db, reply }) => {
      void reply.header("cache-control", "public, max-age=300");
      return publicStatistics(db);
    },
  }),
]);
