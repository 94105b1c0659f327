import {
  ExtendTipDeadlineBodySchema,
  IdSchema,
  ListTipsQuerySchema,
  OkSchema,
  RecordTipIntakeBodySchema,
  RecordTipIntakeResultSchema,
  RecordTipNoticeBodySchema,
  RecordTipOutcomeBodySchema,
  ReplyToTipBodySchema,
  ResumeTipBodySchema,
  SendTipMessageBodySchema,
  SubmitTipBodySchema,
  SubmitTipResultSchema,
  TipCountsQuerySchema,
  TipCountsSchema,
  TipDetailSchema,
  TipIntakeOptionsSchema,
  TipLookupBodySchema,
  TipPageSchema,
  TipStatusResultSchema,
  TriageTipBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { CITIZEN_ROUTE, contactIndexFor, ReceiptVerifier } from "../citizen";
import { replyAsTipster, tipStatusForCitizen, withdrawTipContactConsent } from "./commands/citizen-tip";
import {
  extendTipDeadline,
  recordTipOutcome,
  resumeTip,
  sendTipMessage,
  triageTip,
} from "./commands/police-actions";
import { readTip } from "./commands/read-tip";
import { recordTipNotice } from "./commands/record-tip-notice";
import { recordTipIntake } from "./commands/record-tip-intake";
import { submitTip } from "./commands/submit-tip";
import { tipCountsOfUnit } from "./tips.counts";
import { tipIntakeOptions } from "./tips.intake";
import { tipAttachment, tipInbox } from "./tips.queries";

const tags = ["tips"];
const params = z.object({ id: IdSchema });
const ok = { ok: true as const };
/** Held by every role: tip content is guarded by the police scope in the query (404), not a permission. */
const COMPARTMENT = "org_unit.read";

export const tipRoutes = routesPlugin([
  defineRoute({
    method: "POST",
    url: "/public/tips",
    operationId: "submitTip",
    summary: "Send a crime tip without an account; answers a receipt code and a secret shown once",
    tags,
    public: true,
    ...CITIZEN_ROUTE,
    bodyLimit: 10 * 1024 * 1024,
    body: SubmitTipBodySchema,
    status: 201,
    response: SubmitTipResultSchema,
    handler: ({ db, app, body }) =>
      submitTip(db, app.envelope, ReceiptVerifier.forApp(app), body, undefined, contactIndexFor(app)),
  }),
  defineRoute({
    method: "POST",
    url: "/public/tips/status",
    operationId: "getTipStatus",
    summary: "Status and messages of a tip, by receipt code and secret (in the body, never the URL)",
    tags,
    public: true,
    ...CITIZEN_ROUTE,
    body: TipLookupBodySchema,
    response: TipStatusResultSchema,
    handler: ({ db, app, body }) => tipStatusForCitizen(db, app.envelope, ReceiptVerifier.forApp(app), body),
  }),
  defineRoute({
    method: "POST",
    url: "/public/tips/reply",
    operationId: "replyToTip",
    summary: "The tipster adds information or answers the police, by receipt code and secret",
    tags,
    public: true,
    ...CITIZEN_ROUTE,
    body: ReplyToTipBodySchema,
    status: 201,
    response: TipStatusResultSchema,
    handler: ({ db, app, body }) => replyAsTipster(db, app.envelope, ReceiptVerifier.forApp(app), body),
  }),
  defineRoute({
    method: "POST",
    url: "/public/tips/consent-withdrawal",
    operationId: "withdrawTipContactConsent",
    summary:
      "The tipster withdraws consent to keeping their contact details: erased at once, the consequence stated",
    tags,
    public: true,
    ...CITIZEN_ROUTE,
    body: TipLookupBodySchema,
    response: TipStatusResultSchema,
    handler: ({ db, app, body }) =>
      withdrawTipContactConsent(db, app.envelope, ReceiptVerifier.forApp(app), body),
  }),
  defineRoute({
    method: "GET",
    url: "/tips",
    operationId: "listTips",
    summary: "The police inbox: tips routed to the caller's units, with their legal clocks",
    tags,
    permission: "tip.handle",
    querystring: ListTipsQuerySchema,
    response: TipPageSchema,
    handler: ({ db, actor, query }) => tipInbox(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/tips/intake/options",
    operationId: "getTipIntakeOptions",
    summary: "Where and by which channels the caller may record a report received by staff",
    tags,
    permission: "tip.intake",
    response: TipIntakeOptionsSchema,
    handler: ({ db, actor }) => tipIntakeOptions(db, actor),
  }),
  defineRoute({
    method: "POST",
    url: "/tips/intake",
    operationId: "recordTipIntake",
    summary:
      "Record a report received orally, by phone, by letter or passed on by a cadre (CPC Art. 146); answers a receipt code and secret",
    tags,
    permission: "tip.intake",
    bodyLimit: 10 * 1024 * 1024,
    body: RecordTipIntakeBodySchema,
    status: 201,
    response: RecordTipIntakeResultSchema,
    handler: ({ db, app, actor, body }) =>
      recordTipIntake(
        db,
        app.envelope,
        ReceiptVerifier.forApp(app),
        actor,
        body,
        undefined,
        contactIndexFor(app),
      ),
  }),
  defineRoute({
    method: "GET",
    url: "/tips/counts",
    operationId: "getTipCounts",
    summary: 'Counts of tips in the caller\'s scope; under 5 shown as "<5" outside the police',
    tags,
    permission: "tip.stats",
    querystring: TipCountsQuerySchema,
    response: TipCountsSchema,
    handler: ({ db, actor, query }) => tipCountsOfUnit(db, actor, query.orgUnitId),
  }),
  defineRoute({
    method: "GET",
    url: "/tips/:id",
    operationId: "getTip",
    summary: "A tip's content, contact, attachments and dialogue (police of the unit only; others 404)",
    tags,
    // Any signed-in account may ask (every role reads units); outside the police compartment the
    // answer is 404, never 403, so a tip's existence is not told.
    permission: COMPARTMENT,
    params,
    response: TipDetailSchema,
    handler: ({ db, app, actor, params }) => readTip(db, app.envelope, actor, params.id),
  }),
  defineRoute({
    method: "GET",
    url: "/tips/:id/attachments/:n",
    operationId: "getTipAttachment",
    summary: "One attachment of a tip, decrypted (police of the unit only)",
    tags,
    permission: COMPARTMENT,
    params: params.extend({ n: z.coerce.number().int().min(1).max(10) }),
    handler: async ({ db, app, actor, params, reply }) => {
      const a = await tipAttachment(db, app.envelope, actor, params.id, params.n);
      return reply
        .type(a.mediaType)
        .header("cache-control", "no-store")
        .header("content-disposition", `inline; filename="${a.code}-${params.n}"`)
        .send(a.data);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/tips/:id/triage",
    operationId: "triageTip",
    summary: "Mark a tip urgent or normal and link a duplicate",
    tags,
    permission: "tip.handle",
    params,
    body: TriageTipBodySchema,
    response: OkSchema,
    handler: async ({ db, actor, params, body }) => (await triageTip(db, actor, params.id, body), ok),
  }),
  defineRoute({
    method: "POST",
    url: "/tips/:id/messages",
    operationId: "sendTipMessage",
    summary: "Write to the tipster (the first message is the notice of receipt)",
    tags,
    permission: "tip.handle",
    params,
    body: SendTipMessageBodySchema,
    response: OkSchema,
    handler: async ({ db, app, actor, params, body }) => (
      await sendTipMessage(db, app.envelope, actor, params.id, body.body),
      ok
    ),
  }),
  defineRoute({
    method: "POST",
    url: "/tips/:id/outcome",
    operationId: "recordTipOutcome",
    summary: "Record the decision or transfer, cases solved and arrests",
    tags,
    permission: "tip.handle",
    params,
    body: RecordTipOutcomeBodySchema,
    response: OkSchema,
    handler: async ({ db, app, actor, params, body }) => (
      await recordTipOutcome(db, app.envelope, actor, params.id, body),
      ok
    ),
  }),
  defineRoute({
    method: "POST",
    url: "/tips/:id/extension",
    operationId: "extendTipDeadline",
    summary:
      "Extend the decision limit to 2 months, then 2 more (investigation agency; before the limit, the second at least 5 days before)",
    tags,
    permission: "tip.handle",
    params,
    body: ExtendTipDeadlineBodySchema,
    response: OkSchema,
    handler: async ({ db, actor, params, body }) => (await extendTipDeadline(db, actor, params.id, body), ok),
  }),
  defineRoute({
    method: "POST",
    url: "/tips/:id/resumption",
    operationId: "resumeTip",
    summary: "Resume a suspended tip once its ground has ended (CPC Art. 149: at most 1 month more)",
    tags,
    permission: "tip.handle",
    params,
    body: ResumeTipBodySchema,
    response: OkSchema,
    handler: async ({ db, actor, params }) => (await resumeTip(db, actor, params.id), ok),
  }),
  defineRoute({
    method: "POST",
    url: "/tips/:id/notices",
    operationId: "recordTipNotice",
    summary: "Record a notice of a suspension, resumption or outcome sent to the procuracy or the reporter",
    tags,
    permission: "tip.handle",
    params,
    body: RecordTipNoticeBodySchema,
    response: OkSchema,
    handler: async ({ db, app, actor, params, body }) => (
      await recordTipNotice(db, app.envelope, actor, params.id, body),
      ok
    ),
  }),
]);
