import { findUnsafeText } from "@toandan/contracts";
import type { FastifyInstance } from "fastify";
import { validationFailed } from "../errors";

/**
 * Text PostgreSQL cannot store (NUL, a lone surrogate) is refused for every route, API and portal
 * page alike, before validation and handlers: 400 `validation_failed` whose issue names the field —
 * `params.slug`, `query.q`, or a body field by its own path (`notes`, `tasks.1.title`), as schema
 * validation names body fields. Runs after the auth hooks, so 401 and 403 still come first.
 * Headers need no check: Node's HTTP parser refuses a NUL in a header, and the only header that
 * reaches SQL (the session cookie) is hashed first. Multipart text fields are read by no handler.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    const found =
      findUnsafeText(req.params, "params") ??
      findUnsafeText(req.query, "query") ??
      findUnsafeText(req.body, typeof req.body === "string" ? "body" : "");
    if (found) throw validationFailed([found]);
  });
}

/**
 * `Cache-Control: no-store` on every API answer that a browser or proxy must not keep: any answer
 * to a signed-in caller, every error, and every answer that does not say it may be cached (the
 * citizen's receipt and status look-ups among them). A public answer that sets its own
 * Cache-Control (the place picker, public statistics, news images) keeps it; pages and static files
 * outside /api are untouched.
 */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply, payload) => {
    if (!req.url.startsWith("/api/")) return payload;
    if (req.actor || reply.statusCode >= 400 || !reply.hasHeader("cache-control")) {
      void reply.header("cache-control", "no-store");
    }
    return payload;
  });
}
