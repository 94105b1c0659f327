import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  OkSchema,
  SessionResponseSchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { presentCurrentUser } from "./auth.presenter";
import { changePassword } from "./commands/change-password";
import { login } from "./commands/login";
import { logout } from "./commands/logout";
import { actorFromToken, SESSION_COOKIE } from "./sessions";

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  if (app.config.isProduction && !app.config.cookieSecure) {
    app.log.warn(
      "COOKIE_SECURE=false with NODE_ENV=production: session cookies are sent without Secure; use it only behind no proxy on a trusted network",
    );
  }
  const cookieOptions = {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: app.config.cookieSecure,
    path: "/",
  };

  app.post(
    "/auth/login",
    {
      config: { public: true, rateLimit: { max: app.config.loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        operationId: "login",
        tags: ["auth"],
        summary: "Sign in with username and password; sets the session cookie",
        body: LoginBodySchema,
        response: { 200: SessionResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const s = await login(app.db, req.body);
      const actor = await actorFromToken(app.db, s.token);
      if (!actor) throw new Error("session vanished right after creation");
      void reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOptions, expires: s.expiresAt });
      return { user: presentCurrentUser(actor), csrfToken: s.csrfToken };
    },
  );

  app.post(
    "/auth/logout",
    {
      schema: {
        operationId: "logout",
        tags: ["auth"],
        summary: "End the current session",
        response: { 200: OkSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      await logout(app.db, requireActor(req));
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    "/auth/me",
    {
      schema: {
        operationId: "getCurrentUser",
        tags: ["auth"],
        summary: "The signed-in account, its roles and permissions, and the CSRF token",
        response: { 200: SessionResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return { user: presentCurrentUser(actor), csrfToken: actor.csrfToken };
    },
  );

  app.post(
    "/auth/password",
    {
      schema: {
        operationId: "changePassword",
        tags: ["auth"],
        summary: "Change the caller's password (other sessions end)",
        body: ChangePasswordBodySchema,
        response: { 200: OkSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      await changePassword(app.db, requireActor(req), req.body);
      return { ok: true as const };
    },
  );
};
