import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { findCertificateWithPlace } from "../../certification";
import { listCurrentUnits } from "../../org-units";
import { currentConsentText } from "../../privacy";
import { listExemplarRows } from "../../commendations";
import { listNewsItems, newsBySlug } from "../news.queries";
import { publicStatistics } from "../statistics";
import { href } from "./html";
import { pageCache, type Rendered } from "./page-cache";
import type { Lang } from "./i18n";
import { feedbackFormPage, homePage, lookupPage, newsPage, notFoundPage, tipFormPage } from "./pages";
import { certificateNotFoundPage, certificatePage, exemplarsPage, verifyPage } from "./register-pages";
import { statsPage } from "./stats-page";

/**
 * The public portal, rendered on the server as plain HTML with inline CSS (no React, no Mantine) so
 * it paints fast on a cheap phone; forms use one small script built by Vite as its own entry
 * (web/src/portal/portal.ts → dist/.vite/manifest.json). Pages are sent gzip-compressed.
 */
function portalScript(webDist: string): string | null {
  try {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(webDist, ".vite", "manifest.json"), "utf8"),
    ) as Record<string, { file: string }>;
    const entry = manifest["src/portal/portal.ts"];
    return entry ? `/${entry.file}` : null;
  } catch {
    return null;
  }
}

const PUBLIC_LIMIT = { max: 30, timeWindow: "1 minute" };
const EXEMPLARS_PER_PAGE = 24;

function langOf(req: FastifyRequest): Lang {
  return (req.query as { lang?: string } | undefined)?.lang === "en" ? "en" : "vi";
}

const rendered = (html: string): Rendered => ({ html, gzip: gzipSync(html) });

function sendHtml(req: FastifyRequest, reply: FastifyReply, page: string | Rendered, status = 200) {
  const r = typeof page === "string" ? rendered(page) : page;
  void reply
    .status(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-cache")
    .header("vary", "accept-encoding");
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    return reply.header("content-encoding", "gzip").send(r.gzip);
  }
  return reply.send(r.html);
}

export const portalRoutes: FastifyPluginAsync = async (app) => {
  const script = portalScript(app.config.webDist);
  const provinces = () => listCurrentUnits(app.db, { kind: "province" });
  const opts = { schema: { hide: true } };
  // The pages every visitor gets alike, kept rendered (./page-cache.ts).
  const cached = async (key: string, render: () => Promise<string>): Promise<Rendered> =>
    pageCache.get(app.db, key, async () => rendered(await render()));

  app.get("/", opts, async (req, reply) => {
    const lang = langOf(req);
    const page = await cached(`/|${lang}`, async () => {
      const warnings = await listNewsItems(app.db, "warning", 3);
      const news = await listNewsItems(app.db, "news", 6);
      return homePage(lang, warnings, news, null);
    });
    return sendHtml(req, reply, page);
  });
  app.get("/tin-tuc/:slug", opts, async (req, reply) => {
    const item = await newsBySlug(app.db, (req.params as { slug: string }).slug);
    if (!item) return sendHtml(req, reply, notFoundPage(langOf(req)), 404);
    return sendHtml(req, reply, newsPage(langOf(req), item));
  });
  // The form shows the purpose's consent text in force and sends its id; a new version reaches the
  // cached form within its short lifetime.
  const consentText = (purpose: "tip_contact" | "feedback_contact") => currentConsentText(app.db, purpose);
  app.get("/to-giac", opts, async (req, reply) => {
    const lang = langOf(req);
    return sendHtml(
      req,
      reply,
      await cached(`/to-giac|${lang}`, async () =>
        tipFormPage(lang, await provinces(), script, await consentText("tip_contact")),
      ),
    );
  });
  app.get("/phan-anh", opts, async (req, reply) => {
    const lang = langOf(req);
    const page = await cached(`/phan-anh|${lang}`, async () =>
      feedbackFormPage(lang, await provinces(), script, await consentText("feedback_contact")),
    );
    return sendHtml(req, reply, page);
  });
  app.get("/tra-cuu", opts, async (req, reply) => sendHtml(req, reply, lookupPage(langOf(req), script)));
  app.get("/thong-ke", opts, async (req, reply) => {
    const lang = langOf(req);
    const page = await cached(`/thong-ke|${lang}`, async () =>
      statsPage(lang, await publicStatistics(app.db)),
    );
    return sendHtml(req, reply, page);
  });
  app.get("/nguoi-tot-viec-tot", opts, async (req, reply) => {
    const lang = langOf(req);
    const n = Number((req.query as { trang?: string } | undefined)?.trang ?? "1");
    const pageNo = Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
    const page = await cached(`/nguoi-tot-viec-tot|${pageNo}|${lang}`, async () => {
      const rows = await listExemplarRows(
        app.db,
        undefined,
        (pageNo - 1) * EXEMPLARS_PER_PAGE,
        EXEMPLARS_PER_PAGE,
      );
      const more = rows.length > EXEMPLARS_PER_PAGE;
      return exemplarsPage(lang, rows.slice(0, EXEMPLARS_PER_PAGE), more ? pageNo + 1 : null);
    });
    return sendHtml(req, reply, page);
  });
  // The certificate check, for a phone scanning a printed certificate: no script, rate limited.
  app.get<{ Params: { code: string } }>(
    "/verify/:code",
    { ...opts, config: { rateLimit: PUBLIC_LIMIT } },
    async (req, reply) => {
      const lang = langOf(req);
      const code = req.params.code.slice(0, 64);
      const path = `/verify/${encodeURIComponent(code)}`;
      const cert = await findCertificateWithPlace(app.db, code);
      const html = cert ? certificatePage(lang, cert, path) : certificateNotFoundPage(lang, path);
      return sendHtml(req, reply, html, cert ? 200 : 404);
    },
  );
  app.get<{ Querystring: { code?: string; lang?: string } }>(
    "/verify",
    { ...opts, config: { rateLimit: PUBLIC_LIMIT } },
    async (req, reply) => {
      const code = typeof req.query.code === "string" ? req.query.code.trim().slice(0, 64) : "";
      const lang = langOf(req);
      if (code) return reply.redirect(href(`/verify/${encodeURIComponent(code)}`, lang));
      return sendHtml(req, reply, verifyPage(lang));
    },
  );
};
