import { todayInVietnam } from "@toandan/contracts";
import {
  AnswerFeedbackBodySchema,
  FEEDBACK_STATUS_LABELS,
  FeedbackDetailSchema,
  FeedbackLookupBodySchema,
  FeedbackPageSchema,
  FeedbackStatusResultSchema,
  IdSchema,
  ListFeedbackQuerySchema,
  OkSchema,
  SubmitFeedbackBodySchema,
  SubmitFeedbackResultSchema,
  type FeedbackStatus,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { citizenRateLimit, citizenRoute, ReceiptVerifier } from "../citizen";
import { answerFeedback } from "./commands/answer-feedback";
import { submitFeedback } from "./commands/submit-feedback";
import { feedbackByCode, getScopedFeedback, listScopedFeedback, type FeedbackRow } from "./feedback.queries";

const tags = ["feedback"];

function daysFromToday(dueOn: string): number {
  return Math.round((Date.parse(dueOn) - Date.parse(todayInVietnam())) / 86_400_000);
}

function summary(r: FeedbackRow) {
  const open = r.answeredOn === null;
  const daysLeft = open ? daysFromToday(r.dueOn) : null;
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as "kien_nghi" | "phan_anh",
    topic: r.topic as "security_order" | "movement" | "officials" | "other",
    status: r.status as FeedbackStatus,
    orgUnitName: r.orgUnitName,
    bodyKind: r.bodyKind,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    daysLeft,
    overdue: open ? daysLeft! < 0 : r.answeredOn! > r.dueOn,
  };
}

export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const verifier = ReceiptVerifier.forApp(app);
  const limit = citizenRateLimit(app);

  app.post(
    "/public/feedback",
    {
      ...citizenRoute(limit.submit),
      schema: {
        operationId: "submitFeedback",
        tags,
        summary: "Send feedback or a petition (kiến nghị, phản ánh); identity optional",
        body: SubmitFeedbackBodySchema,
        response: { 201: SubmitFeedbackResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await submitFeedback(app.db, app.envelope, verifier, req.body, app.config.feedbackDueWorkingDays),
        ),
  );

  app.post(
    "/public/feedback/status",
    {
      ...citizenRoute(limit.lookup),
      schema: {
        operationId: "getFeedbackStatus",
        tags,
        summary: "Status and answer of feedback, by code and secret in the body",
        body: FeedbackLookupBodySchema,
        response: { 200: FeedbackStatusResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const item = await feedbackByCode(app.db, req.body.code);
      if (!verifier.matches(item?.verifier ?? null, req.body.code, req.body.secret) || !item) {
        throw notFound("Mã tiếp nhận hoặc mã bí mật không đúng.");
      }
      const status = item.status as FeedbackStatus;
      return {
        code: item.code,
        status,
        statusLabel: FEEDBACK_STATUS_LABELS[status].vi,
        receivedOn: item.receivedOn,
        dueOn: item.dueOn,
        answer: app.envelope.openOptionalText(item.answer, `feedback:${item.id}:answer`),
        answeredOn: item.answeredOn,
      };
    },
  );

  app.get(
    "/feedback",
    {
      config: { permission: "feedback.handle" },
      schema: {
        operationId: "listFeedback",
        tags,
        summary: "Feedback routed to the caller's units and body, open ones first by due date",
        querystring: ListFeedbackQuerySchema,
        response: { 200: FeedbackPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "feedback.handle");
      const offset = decodeCursor(req.query.cursor);
      const rows = await listScopedFeedback(app.db, actor, req.query, offset, req.query.limit);
      const page = pageFrom(rows, offset, req.query.limit);
      return { ...page, items: page.items.map(summary) };
    },
  );

  app.get(
    "/feedback/:id",
    {
      config: { permission: "feedback.handle" },
      schema: {
        operationId: "getFeedback",
        tags,
        summary: "One feedback item with its content and, if given, the sender's identity",
        params: z.object({ id: IdSchema }),
        response: { 200: FeedbackDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const r = await getScopedFeedback(app.db, actor, req.params.id);
      const env = app.envelope;
      const identity = r.identity
        ? (JSON.parse(env.openText(r.identity, `feedback:${r.id}:identity`)) as {
            name: string;
            phone?: string;
            address?: string;
          })
        : null;
      return {
        ...summary(r),
        title: env.openText(r.title, `feedback:${r.id}:title`),
        content: env.openText(r.content, `feedback:${r.id}:content`),
        identity: identity
          ? { name: identity.name, phone: identity.phone ?? null, address: identity.address ?? null }
          : null,
        answer: env.openOptionalText(r.answer, `feedback:${r.id}:answer`),
        answeredOn: r.answeredOn,
      };
    },
  );

  app.post(
    "/feedback/:id/answer",
    {
      config: { permission: "feedback.handle" },
      schema: {
        operationId: "answerFeedback",
        tags,
        summary: "Move feedback on (in progress, answered, transferred, rejected) with the answer",
        params: z.object({ id: IdSchema }),
        body: AnswerFeedbackBodySchema,
        response: { 200: OkSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "feedback.handle");
      await answerFeedback(app.db, app.envelope, actor, req.params.id, req.body);
      return { ok: true as const };
    },
  );
};
