import {
  ExtendTipDeadlineBodySchema,
  IdSchema,
  ListTipsQuerySchema,
  OkSchema,
  RecordTipOutcomeBodySchema,
  ReplyToTipBodySchema,
  SendTipMessageBodySchema,
  SubmitTipBodySchema,
  SubmitTipResultSchema,
  TIP_STATUS_LABELS,
  TipCountsQuerySchema,
  TipCountsSchema,
  TipDetailSchema,
  TipLookupBodySchema,
  TipPageSchema,
  TipStatusResultSchema,
  TriageTipBodySchema,
  type TipStatus,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { queryRows } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { requirePermission } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { citizenRoute, citizenRateLimit, ReceiptVerifier } from "../citizen";
import { loadUnit } from "../org-units";
import { extendTipDeadline, recordTipOutcome, sendTipMessage, triageTip } from "./commands/police-actions";
import { appendTipMessage } from "./commands/reply-to-tip";
import { submitTip } from "./commands/submit-tip";
import { dateInVietnam } from "@toandan/contracts";
import { tipCounts } from "./tips.counts";
import { presentMessages, presentTipDetail, presentTipSummary } from "./tips.presenter";
import { getScopedTip, listScopedTips, messagesOf, tipByCode, type TipRow } from "./tips.queries";

const tags = ["tips"];
const IdParams = z.object({ id: IdSchema });

export const tipRoutes: FastifyPluginAsyncZod = async (app) => {
  const verifier = ReceiptVerifier.forApp(app);
  const limit = citizenRateLimit(app);

  /** Same 404 for an unknown code and a wrong secret. */
  async function tipForCitizen(code: string, secret: string): Promise<TipRow> {
    const tip = await tipByCode(app.db, code);
    if (!verifier.matches(tip?.verifier ?? null, code, secret) || !tip) {
      throw notFound("Mã tiếp nhận hoặc mã bí mật không đúng.");
    }
    return tip;
  }

  async function statusOf(tip: TipRow) {
    const status = tip.status as TipStatus;
    return {
      code: tip.code,
      status,
      statusLabel: TIP_STATUS_LABELS[status].vi,
      receivedOn: dateInVietnam(tip.receivedHour),
      messages: presentMessages(app.envelope, tip.id, await messagesOf(app.db, tip.id)),
    };
  }

  app.post(
    "/public/tips",
    {
      ...citizenRoute(limit.submit),
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        operationId: "submitTip",
        tags,
        summary: "Send a crime tip without an account; answers a receipt code and a secret shown once",
        body: SubmitTipBodySchema,
        response: { 201: SubmitTipResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => reply.status(201).send(await submitTip(app.db, app.envelope, verifier, req.body)),
  );

  app.post(
    "/public/tips/status",
    {
      ...citizenRoute(limit.lookup),
      schema: {
        operationId: "getTipStatus",
        tags,
        summary: "Status and messages of a tip, by receipt code and secret (in the body, never the URL)",
        body: TipLookupBodySchema,
        response: { 200: TipStatusResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => statusOf(await tipForCitizen(req.body.code, req.body.secret)),
  );

  app.post(
    "/public/tips/reply",
    {
      ...citizenRoute(limit.lookup),
      schema: {
        operationId: "replyToTip",
        tags,
        summary: "The tipster adds information or answers the police, by receipt code and secret",
        body: ReplyToTipBodySchema,
        response: { 201: TipStatusResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const tip = await tipForCitizen(req.body.code, req.body.secret);
      await app.db.transaction((tx) =>
        appendTipMessage(tx, app.envelope, tip.id, "citizen", null, req.body.body),
      );
      return reply.status(201).send(await statusOf((await tipByCode(app.db, tip.code))!));
    },
  );

  app.get(
    "/tips",
    {
      config: { permission: "tip.handle" },
      schema: {
        operationId: "listTips",
        tags,
        summary: "The police inbox: tips routed to the caller's units, with their legal clocks",
        querystring: ListTipsQuerySchema,
        response: { 200: TipPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "tip.handle");
      const offset = decodeCursor(req.query.cursor);
      const rows = await listScopedTips(app.db, actor, req.query, offset, req.query.limit);
      const page = pageFrom(rows, offset, req.query.limit);
      let items = page.items.map((r) => presentTipSummary(r));
      if (req.query.overdue === "true") {
        items = items.filter((t) => t.clocks.some((c) => c.overdue && !c.met));
      }
      return { ...page, items };
    },
  );

  app.get(
    "/tips/counts",
    {
      config: { permission: "tip.stats" },
      schema: {
        operationId: "getTipCounts",
        tags,
        summary: 'Counts of tips in the caller\'s scope; under 5 shown as "<5" outside the police',
        querystring: TipCountsQuerySchema,
        response: { 200: TipCountsSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "tip.stats");
      // A unit outside the caller's tip.stats subtrees is 404, like an unknown one.
      const unit = req.query.orgUnitId
        ? await loadUnit(app.db, actor, req.query.orgUnitId, { permission: "tip.stats", scope: "path" })
        : null;
      return tipCounts(app.db, actor, unit?.path ?? null);
    },
  );

  app.get(
    "/tips/:id",
    {
      schema: {
        operationId: "getTip",
        tags,
        summary: "A tip's content, contact, attachments and dialogue (police of the unit only; others 404)",
        params: IdParams,
        response: { 200: TipDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const tip = await getScopedTip(app.db, actor, req.params.id);
      // Every read of a tip's content is on the record (who read which tip, when).
      await app.db.transaction((tx) =>
        recordEvent(tx, {
          actorId: actor.accountId,
          action: "tip.content_read",
          entityType: "tip",
          entityId: tip.id,
          orgUnitId: tip.orgUnitId,
          data: { code: tip.code },
        }),
      );
      const attachments = await queryRows<{ n: number; mediaType: string; bytes: number }>(
        app.db,
        sql`select n, media_type as "mediaType", bytes from tip_attachments where tip_id = ${tip.id} order by n`,
      );
      return presentTipDetail(app.envelope, tip, await messagesOf(app.db, tip.id), attachments);
    },
  );

  app.get(
    "/tips/:id/attachments/:n",
    {
      schema: {
        operationId: "getTipAttachment",
        tags,
        summary: "One attachment of a tip, decrypted (police of the unit only)",
        params: IdParams.extend({ n: z.coerce.number().int().min(1).max(10) }),
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const tip = await getScopedTip(app.db, actor, req.params.id);
      const [a] = await queryRows<{ mediaType: string; content: Buffer }>(
        app.db,
        sql`select media_type as "mediaType", content from tip_attachments where tip_id = ${tip.id} and n = ${req.params.n}`,
      );
      if (!a) throw notFound();
      const data = app.envelope.open(Buffer.from(a.content), `tip:${tip.id}:attachment:${req.params.n}`);
      return (reply as FastifyReply)
        .type(a.mediaType)
        .header("cache-control", "no-store")
        .header("content-disposition", `inline; filename="${tip.code}-${req.params.n}"`)
        .send(data);
    },
  );

  const write = <B extends z.ZodType>(
    url: string,
    operationId: string,
    summary: string,
    body: B,
    run: (actor: ReturnType<typeof requireActor>, id: string, body: z.infer<B>) => Promise<void>,
  ) =>
    app.post(
      url,
      {
        config: { permission: "tip.handle" },
        schema: {
          operationId,
          tags,
          summary,
          params: IdParams,
          body,
          response: { 200: OkSchema, ...ERROR_RESPONSES },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, "tip.handle");
        await run(actor, req.params.id, req.body as z.infer<B>);
        return { ok: true as const };
      },
    );

  write(
    "/tips/:id/triage",
    "triageTip",
    "Mark a tip urgent or normal and link a duplicate",
    TriageTipBodySchema,
    (a, id, b) => triageTip(app.db, a, id, b),
  );
  write(
    "/tips/:id/messages",
    "sendTipMessage",
    "Write to the tipster (the first message is the notice of receipt)",
    SendTipMessageBodySchema,
    (a, id, b) => sendTipMessage(app.db, app.envelope, a, id, b.body),
  );
  write(
    "/tips/:id/outcome",
    "recordTipOutcome",
    "Record the decision or transfer, cases solved and arrests",
    RecordTipOutcomeBodySchema,
    (a, id, b) => recordTipOutcome(app.db, app.envelope, a, id, b),
  );
  write(
    "/tips/:id/extension",
    "extendTipDeadline",
    "Extend the decision limit to 2 months, then 2 more",
    ExtendTipDeadlineBodySchema,
    (a, id, b) => extendTipDeadline(app.db, a, id, b),
  );
};
