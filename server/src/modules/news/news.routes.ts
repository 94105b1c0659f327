import {
  CreateNewsBodySchema,
  IdSchema,
  ListNewsQuerySchema,
  NewsItemSchema,
  NewsListSchema,
  NewsSlugParamsSchema,
  PublicStatisticsSchema,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { queryRows } from "../../db/client";
import { requirePermission } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { createNews } from "./commands/create-news";
import { clearPortalCache } from "./portal/portal.routes";
import { listNewsItems, newsBySlug } from "./news.queries";
import { publicStatistics } from "./statistics";

const tags = ["news"];

export const newsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/public/news",
    {
      config: { public: true },
      schema: {
        operationId: "listNews",
        tags,
        summary: "Latest news of the movement, or warnings about current crime methods",
        querystring: ListNewsQuerySchema,
        response: { 200: NewsListSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => ({ items: await listNewsItems(app.db, req.query.kind, req.query.limit) }),
  );

  app.get(
    "/public/news/:slug",
    {
      config: { public: true },
      schema: {
        operationId: "getNews",
        tags,
        summary: "One news item by its Vietnamese slug",
        params: NewsSlugParamsSchema,
        response: { 200: NewsItemSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const item = await newsBySlug(app.db, req.params.slug);
      if (!item) throw notFound();
      return item;
    },
  );

  app.get(
    "/public/news/:id/image",
    {
      config: { public: true },
      schema: {
        operationId: "getNewsImage",
        tags,
        summary: "A news item's image (re-encoded without metadata when uploaded)",
        params: z.object({ id: IdSchema }),
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const [r] = await queryRows<{ image: Buffer | null; imageType: string | null }>(
        app.db,
        sql`select image, image_type as "imageType" from news_items where id = ${req.params.id}`,
      );
      if (!r?.image) throw notFound();
      return (reply as FastifyReply)
        .type(r.imageType ?? "image/jpeg")
        .header("cache-control", "public, max-age=86400, immutable")
        .send(Buffer.from(r.image));
    },
  );

  app.post(
    "/news",
    {
      config: { permission: "news.write" },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        operationId: "createNews",
        tags,
        summary: "Publish news or a warning as the Front or police of a unit (slug from the title)",
        body: CreateNewsBodySchema,
        response: { 201: z.object({ id: IdSchema, slug: z.string() }), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "news.write");
      const created = await createNews(app.db, actor, req.body);
      clearPortalCache();
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/public/statistics",
    {
      config: { public: true },
      schema: {
        operationId: "getPublicStatistics",
        tags,
        summary: 'Tips and feedback by province; counts from 1 to 4 shown as "<5"',
        response: { 200: PublicStatisticsSchema, ...ERROR_RESPONSES },
      },
    },
    async (_req, reply) => {
      void (reply as FastifyReply).header("cache-control", "public, max-age=300");
      return publicStatistics(app.db);
    },
  );
};
