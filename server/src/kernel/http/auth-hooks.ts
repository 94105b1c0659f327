import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Permission } from "@toandan/contracts";
import type { Db } from "../../db/client";
import { hasPermission, type Actor } from "../authz";
import { AppError, forbidden, unauthenticated } from "../errors";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Route needs no session (sign-in). */
    public?: boolean;
    /** Permission checked before the request is validated: 401, then 403, then 400. */
    permission?: Permission;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Routes that run before a CSRF token exists. */
const CSRF_EXEMPT = new Set(["/api/v1/auth/login"]);

function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** How a session cookie becomes an actor: given by the auth module, so the kernel imports no module. */
export type SessionResolver = {
  cookieName: string;
  actorFromToken: (db: Db, token: string) => Promise<Actor | null>;
};

/** Resolves the session cookie to `request.actor`, and checks CSRF on cookie-authenticated writes. */
export function registerAuthHooks(app: FastifyInstance, sessions: SessionResolver): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/v1/")) return;
    const token = req.cookies[sessions.cookieName];
    if (!token) return;
    req.actor = await sessions.actorFromToken(app.db, token);
    if (!req.actor || SAFE_METHODS.has(req.method)) return;
    const path = req.url.split("?")[0] ?? "";
    if (CSRF_EXEMPT.has(path)) return;
    const sent = req.headers["x-csrf-token"];
    if (typeof sent !== "string" || !sameToken(sent, req.actor.csrfToken)) {
      throw new AppError("csrf_invalid");
    }
  });
  app.addHook("preValidation", async (req) => {
    if (!req.url.startsWith("/api/v1/")) return;
    const config = req.routeOptions.config;
    if (config.public || !req.routeOptions.url) return;
    if (!req.actor) throw unauthenticated();
    if (config.permission && !hasPermission(req.actor, config.permission)) throw forbidden();
  });
}
