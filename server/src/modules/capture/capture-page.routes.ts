import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  ApiErrorBodySchema,
  ERROR_MESSAGES,
  FIGURE_FIELDS,
  type FirstVisitForm,
  formatVnDate,
  isoFromVn,
  parseNumberInput,
  todayInVietnam,
  type OrganizerBodies,
  type SessionResponse,
} from "@toandan/contracts";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { firstVisitMarkup, type FormState, type PageData } from "./first-visit.html";

/**
 * A first visit of the capture screens on a slow line (issue 18: Slow 3G + 4× CPU, usable in ≤ 5 s).
 * The app's scripts (~190 KB compressed) take 6–8 s to arrive there, so `GET /thu-thap` for a
 * signed-in account answers the app's own index.html with the hub and the activity form already in
 * it, as plain HTML (first-visit.html.ts, from the web build's dist/capture-first.json). The
 * scripts still load with it: when they arrive, the app takes the page over, and what was typed in
 * the form so far goes on in the app's own form (web/src/features/capture/first-visit-draft.ts).
 * Later opens are the service worker's, which answers with the app itself.
 *
 * Sent before the scripts arrive, the form is an ordinary POST to `/thu-thap/hoat-dong`, dispatched
 * through the app's router to `POST /api/v1/activities` like the outbox's batch (modules/sync): the
 * session, the CSRF token (a hidden field, sent on as X-CSRF-Token), the permission, the contract,
 * scope, the Idempotency-Key (a client id rendered into the form: a submit sent twice is one record)
 * and the audit event. Accepted, it redirects back to the hub (303); refused, the form comes back
 * with the values and each issue on its field. This module therefore imports no other module.
 */

const PAGE_PATH = "/thu-thap";
const FORM_PATH = "/thu-thap/hoat-dong";
const API = "/api/v1";
/** The request headers the API calls made for the page carry over from it. */
const FORWARDED = ["cookie", "accept-language", "user-agent"] as const;

type Built = { html: string; form: FirstVisitForm };

function loadBuilt(webDist: string): Built | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(webDist, "capture-first.json"), "utf8")) as Built;
  } catch {
    return null;
  }
}

function forwarded(req: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of FORWARDED) {
    const v = req.headers[h];
    if (typeof v === "string") headers[h] = v;
  }
  return headers;
}

async function apiGet<T>(app: FastifyInstance, req: FastifyRequest, url: string): Promise<T | null> {
  const res = await app.inject({
    method: "GET",
    url: `${API}${url}`,
    headers: forwarded(req),
    remoteAddress: req.ip,
  });
  return res.statusCode === 200 ? (JSON.parse(res.body) as T) : null;
}

/** The signed-in account's area and the bodies that may organise its activities; null signed out. */
async function accountData(app: FastifyInstance, req: FastifyRequest) {
  if (!req.headers.cookie) return null;
  const session = await apiGet<SessionResponse>(app, req, "/auth/me");
  if (!session) return null;
  const role = session.user.roles[0];
  const bodies = role
    ? await apiGet<OrganizerBodies>(app, req, `/org-units/${role.orgUnitId}/organizer-bodies`)
    : null;
  return {
    csrfToken: session.csrfToken,
    unitId: role?.orgUnitId ?? null,
    unitName: role ? role.orgUnitName : null,
    levels: bodies?.levels ?? [],
  };
}

/** The form's fields as the API's body: the app's form's reading (contracts' vn-input.ts). */
function bodyOf(values: Map<string, string[]>, unitId: string) {
  const one = (name: string) => values.get(name)?.[0];
  const title = one("title")?.trim();
  return {
    orgUnitId: unitId,
    kind: one("kind"),
    date: isoFromVn(one("date")),
    organizerBodyIds: values.get("organizerBodyIds") ?? [],
    topics: values.get("topics") ?? [],
    ...(title ? { title } : {}),
    ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f, parseNumberInput(one(f))])),
  };
}

export const capturePageRoutes: FastifyPluginAsync = async (app) => {
  const built = loadBuilt(app.config.webDist);
  if (!built) return; // no web build: /thu-thap is the app's index.html (or nothing), as before
  const { html, form } = built;
  const indexHtml = fs.readFileSync(path.join(app.config.webDist, "index.html"), "utf8");

  // Plain form posts, for this page only (the API takes JSON).
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, new URLSearchParams(body as string)),
  );

  const send = (req: FastifyRequest, reply: FastifyReply, page: string, status = 200) => {
    void reply
      .status(status)
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("vary", "accept-encoding, cookie");
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      return reply.header("content-encoding", "gzip").send(gzipSync(page));
    }
    return reply.send(page);
  };
  const render = (data: PageData) =>
    html.replace("<!--td:first-visit-->", () => firstVisitMarkup(form, data));

  app.get(PAGE_PATH, { schema: { hide: true } }, async (req, reply) => {
    const account = await accountData(app, req);
    // Signed out: the app itself, which asks for sign-in.
    if (!account) return send(req, reply, indexHtml);
    const sent = (req.query as { "da-gui"?: string } | undefined)?.["da-gui"] === "1";
    return send(
      req,
      reply,
      render({
        ...account,
        clientId: randomUUID(),
        today: formatVnDate(todayInVietnam()),
        sent,
        state: null,
      }),
    );
  });

  app.post(FORM_PATH, { schema: { hide: true } }, async (req, reply) => {
    const account = await accountData(app, req);
    if (!account) return reply.redirect("/dang-nhap", 303);
    const params = req.body instanceof URLSearchParams ? req.body : new URLSearchParams();
    const values = new Map<string, string[]>();
    for (const [k, v] of params) values.set(k, [...(values.get(k) ?? []), v]);
    const clientId = values.get("clientId")?.[0] ?? randomUUID();
    const res = await app.inject({
      method: "POST",
      url: `${API}/activities`,
      // Its rate limits count this phone's address, not the server's own.
      remoteAddress: req.ip,
      headers: {
        ...forwarded(req),
        "content-type": "application/json",
        "x-csrf-token": values.get("_csrf")?.[0] ?? "",
        "idempotency-key": clientId,
      },
      payload: JSON.stringify(bodyOf(values, account.unitId ?? "")),
    });
    if (res.statusCode < 300) return reply.redirect(`${PAGE_PATH}?da-gui=1`, 303);
    if (res.statusCode === 401) return reply.redirect("/dang-nhap", 303);
    const parsed = ApiErrorBodySchema.safeParse(JSON.parse(res.body || "null"));
    const state: FormState = { values, issues: new Map(), error: null };
    if (parsed.success) {
      for (const issue of parsed.data.error.issues ?? []) {
        const field = issue.path.split(".")[0] ?? "";
        if (!state.issues.has(field)) state.issues.set(field, issue.message);
      }
      if (state.issues.size === 0) state.error = parsed.data.error.message;
    } else state.error = ERROR_MESSAGES.internal_error.vi; // not the API's error shape: a proxy or a crash
    // The same client id again: this record, corrected, is still the one the cadre meant.
    return send(
      req,
      reply,
      render({ ...account, clientId, today: formatVnDate(todayInVietnam()), sent: false, state }),
      res.statusCode,
    );
  });
};
