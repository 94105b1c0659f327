import {
  AnswerFeedbackBodySchema,
  FeedbackDetailSchema,
  FeedbackLookupBodySchema,
  FeedbackPageSchema,
  FeedbackStatusResultSchema,
  IdSchema,
  ListFeedbackQuerySchema,
  OkSchema,
  RecordFeedbackAcceptanceBodySchema,
  SubmitFeedbackBodySchema,
  SubmitFeedbackResultSchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { CITIZEN_ROUTE, contactIndexFor, ReceiptVerifier } from "../citizen";
import { answerFeedback } from "./commands/answer-feedback";
import { recordFeedbackAcceptance } from "./commands/record-feedback-acceptance";
import { submitFeedback } from "./commands/submit-feedback";
import { withdrawFeedbackContactConsent } from "./commands/withdraw-feedback-consent";
import { feedbackDetail, feedbackPage, feedbackStatusForSender } from "./feedback.queries";

const tags = ["feedback"];
const params = z.object({ id: IdSchema });

export const feedbackRoutes = routesPlugin([
  defineRoute({
    method: "POST",
    url: "/public/feedback",
    operationId: "submitFeedback",
    summary: "Send feedback or a petition (kiến nghị, phản ánh); identity optional",
    tags,
    public: true,
    ...CITIZEN_ROUTE,
    body: SubmitFeedbackBodySchema,
    status: 201,
    response: SubmitFeedbackResultSchema,
    handler: ({ db, app, body }) =>
      submitFeedback(
        db,
        app.envelope,
        ReceiptVerifier.forApp(app),
        body,
        app.config.feedbackDueWorkingDays,
        undefined,
        contactIndexFor(app),
      ),
  }),
  defineRoute({
    method: "POST",
    url: "/public/feedback/status",
    operationId: "getFeedbackStatus",
    summary: "Status and answer of feedback, by code and secret in the body",
    tags,
    public: true,
    ...CITIZEN_ROUTE,
    body: FeedbackLookupBodySchema,
    response: FeedbackStatusResultSchema,
    handler: ({ db, app, body }) =>
      feedbackStatusForSender(db, app.envelope, ReceiptVerifier.forApp(app), body),
  }),
  defineRoute({
    method: "POST",
    url: "/public/feedback/consent-withdrawal",
    operationId: "withdrawFeedbackContactConsent",
    summary: "The sender withdraws consent to keeping their identity: erased at once, the consequence stated",
    tags,
    public: true,
    ...CITIZEN_ROUTE,
    body: FeedbackLookupBodySchema,
    response: FeedbackStatusResultSchema,
    handler: ({ db, app, body }) =>
      withdrawFeedbackContactConsent(db, app.envelope, ReceiptVerifier.forApp(app), body),
  }),
  defineRoute({
    method: "GET",
    url: "/feedback",
    operationId: "listFeedback",
    summary:
      "Feedback routed to the caller's units and body, open ones first by due date; by status, topic, overdue",
    tags,
    permission: "feedback.handle",
    querystring: ListFeedbackQuerySchema,
    response: FeedbackPageSchema,
    handler: ({ db, app, actor, query }) => feedbackPage(db, app.envelope, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/feedback/:id",
    operationId: "getFeedback",
    summary: "One feedback item with its content and, if given, the sender's identity",
    tags,
    permission: "feedback.handle",
    params,
    response: FeedbackDetailSchema,
    handler: ({ db, app, actor, params }) => feedbackDetail(db, app.envelope, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/feedback/:id/answer",
    operationId: "answerFeedback",
    summary: "Move feedback on (in progress, answered, transferred, rejected) with the answer",
    tags,
    permission: "feedback.handle",
    params,
    body: AnswerFeedbackBodySchema,
    response: OkSchema,
    handler: async ({ db, app, actor, params, body }) => {
      await answerFeedback(db, app.envelope, actor, params.id, body);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/feedback/:id/acceptance",
    operationId: "recordFeedbackAcceptance",
    summary:
      "Record the acceptance notice given to the sender (accepted / not accepted with reason, when, how); Law on Citizen Reception Art. 28",
    tags,
    permission: "feedback.handle",
    params,
    body: RecordFeedbackAcceptanceBodySchema,
    response: OkSchema,
    handler: async ({ db, actor, params, body }) => {
      await recordFeedbackAcceptance(db, actor, params.id, body);
      return { ok: true as const };
    },
  }),
]);
