import { MapValuesQuerySchema, MapValuesSchema } from "@toandan/contracts";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requirePermission } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { readHandle } from "../../kernel/http/read-routing";
import { boundaryFileName } from "./boundaries";
import { servedBoundaryFile } from "./boundary-files";
import { getMapValues } from "./map-values";

/** GET /api/v1/maps/values: an indicator per child unit, keyed by the boundary codes. */
export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/maps/values",
    {
      config: { permission: "indicator.read" },
      schema: {
        operationId: "getMapValues",
        tags: ["maps"],
        summary: "An indicator of the year for each child of a unit, keyed by official (boundary) codes",
        querystring: MapValuesQuerySchema,
        response: { 200: MapValuesSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "indicator.read");
      return getMapValues(readHandle(app, req).db, actor, req.query);
    },
  );
};

const YEAR = "public, max-age=31536000, immutable";
const REVALIDATE = "public, no-cache";

async function sendBoundary(req: FastifyRequest, reply: FastifyReply, name: string | null) {
  if (!name) throw notFound();
  const file = await servedBoundaryFile(name);
  const etag = `"${file.hash}"`;
  const version = (req.query as { v?: unknown }).v;
  void reply
    .type("application/json; charset=utf-8")
    .header("cache-control", version === file.hash ? YEAR : REVALIDATE)
    .header("etag", etag)
    .header("vary", "accept-encoding");
  const match = String(req.headers["if-none-match"] ?? "");
  if (match.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return reply.status(304).send();
  }
  const accepts = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepts)) return reply.header("content-encoding", "br").send(file.br);
  if (/\bgzip\b/.test(accepts)) return reply.header("content-encoding", "gzip").send(file.gzip);
  return reply.send(file.raw);
}

/**
 * The boundary files, public (the official boundaries are not secret) and outside /api so a
 * signed-in reader's browser may keep them: `?v=<content hash>` (the URL the map API gives) is
 * cached for a year, any other request revalidates with the ETag. Brotli or gzip as accepted.
 */
export const boundaryRoutes: FastifyPluginAsync = async (app) => {
  const opts = { schema: { hide: true } };
  app.get("/boundaries/provinces.topojson", opts, (req, reply) =>
    sendBoundary(req, reply, boundaryFileName("provinces")),
  );
  app.get("/boundaries/communes/:file", opts, (req, reply) => {
    const m = /^(\d{2})\.topojson$/.exec((req.params as { file: string }).file);
    return sendBoundary(req, reply, m?.[1] ? boundaryFileName("communes", m[1]) : null);
  });
};
