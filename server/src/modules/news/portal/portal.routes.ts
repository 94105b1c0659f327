import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { queryRows } from "../../../db/client";
import { listNewsItems, newsBySlug } from "../news.queries";
import { publicStatistics } from "../statistics";
import type { Lang } from "./i18n";
import { feedbackFormPage, homePage, lookupPage, newsPage, notFoundPage, statsPage, tipFormPage } from "./pages";

/**
 * The public portal, rendered on the server as plain HTML with inline CSS (no React, no Mantine) so
 * it paints fast on a cheap phone; forms use one small script built by Vite as its own entry
 * (web/src/portal/portal.ts → dist/.vite/manifest.json). Pages are sent gzip-compressed.
 */
function portalScript(webDist: string): string | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(webDist, ".vite", "manifest.json"), "utf8")) as Record<
      string,
      { file: string }
    >;
    const entry = manifest["src/portal/portal.ts"];
    return entry ? `/${entry.file}` : null;
  } catch {
    return null;
  }
}

function langOf(req: FastifyRequest): Lang {
  return (req.query as { lang?: string } | undefined)?.lang === "en" ? "en" : "vi";
}

function sendHtml(req: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  void reply
    .status(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-cache")
    .header("vary", "accept-encoding");
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    return reply.header("content-encoding", "gzip").send(gzipSync(html));
  }
  return reply.send(html);
}

export const portalRoutes: FastifyPluginAsync = async (app) => {
  const script = portalScript(app.config.webDist);
  const provinces = () =>
    queryRows<{ id: string; name: string }>(
      app.db,
      sql`select id, full_name as name from org_units where kind = 'province' and valid_to is null order by sort_name`,
    );
  const opts = { schema: { hide: true } };

  app.get("/", opts, async (req, reply) => {
    const [warnings, news] = await Promise.all([
      listNewsItems(app.db, "warning", 3),
      listNewsItems(app.db, "news", 6),
    ]);
    return sendHtml(req, reply, homePage(langOf(req), warnings, news, null));
  });
  app.get("/tin-tuc/:slug", opts, async (req, reply) => {
    const item = await newsBySlug(app.db, (req.params as { slug: string }).slug);
    if (!item) return sendHtml(req, reply, notFoundPage(langOf(req)), 404);
    return sendHtml(req, reply, newsPage(langOf(req), item));
  });
  app.get("/to-giac", opts, async (req, reply) =>
    sendHtml(req, reply, tipFormPage(langOf(req), await provinces(), script)),
  );
  app.get("/phan-anh", opts, async (req, reply) =>
    sendHtml(req, reply, feedbackFormPage(langOf(req), await provinces(), script)),
  );
  app.get("/tra-cuu", opts, async (req, reply) => sendHtml(req, reply, lookupPage(langOf(req), script)));
  app.get("/thong-ke", opts, async (req, reply) =>
    sendHtml(req, reply, statsPage(langOf(req), await publicStatistics(app.db))),
  );
};
