import {
  AnswerSubjectRequestBodySchema,
  BreachPageSchema,
  BreachSchema,
  ConsentTextListSchema,
  ConsentTextSchema,
  CreateConsentTextBodySchema,
  CreateSubjectRequestBodySchema,
  ExecuteSubjectRequestBodySchema,
  IdSchema,
  ListBreachesQuerySchema,
  ListSubjectRequestsQuerySchema,
  PersonRecordsSchema,
  PrivacyOverviewSchema,
  ProcessingRegisterSchema,
  RecordBreachBodySchema,
  RecordBreachNoticeBodySchema,
  SubjectRequestDetailSchema,
  SubjectRequestPageSchema,
} from "@toandan/contracts";
import { z } from "zod";
import { hasPermission } from "../../kernel/authz";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { answerSubjectRequest } from "./commands/answer-subject-request";
import { createConsentText } from "./commands/create-consent-text";
import { createSubjectRequest } from "./commands/create-subject-request";
import { executeSubjectRequest } from "./commands/execute-subject-request";
import { exportSubjectData } from "./commands/export-subject-data";
import { recordBreach } from "./commands/record-breach";
import { recordBreachNotice } from "./commands/record-breach-notice";
import { searchPersonRecords } from "./commands/search-person-records";
import { sendBreachNotice, sendImpactAssessment } from "./privacy.documents";
import {
  breachPage,
  consentTextList,
  getBreach,
  privacyOverview,
  requestDetail,
  requestPage,
} from "./privacy.queries";
import { PROCESSING_REGISTER } from "./register";

const params = z.object({ id: IdSchema });
const tags = ["privacy"];
const DOCX_OPENAPI = {
  produces: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
};

/** Personal-data duties (Law 91/2025/QH15): register, data-subject requests, breaches, consent texts. */
export const privacyRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/privacy/register",
    operationId: "listProcessingActivities",
    summary: "The register of processing: every kind of personal data, its purpose, basis, readers, storage",
    tags,
    permission: "privacy.read",
    response: ProcessingRegisterSchema,
    handler: async ({ actor }) => ({
      items: [...PROCESSING_REGISTER],
      can: { exportImpactAssessment: hasPermission(actor, "privacy.read") },
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/impact-assessment",
    operationId: "exportImpactAssessment",
    summary: "The impact-assessment dossier built from the register (DOCX, Decree 30/2020 layout)",
    tags,
    permission: "privacy.read",
    openapi: DOCX_OPENAPI,
    handler: ({ db, actor, reply }) => sendImpactAssessment(db, actor, reply),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/overview",
    operationId: "getPrivacyOverview",
    summary: "Open and overdue requests and breaches in the caller's units, and the nearest due time",
    tags,
    permission: "privacy.read",
    response: PrivacyOverviewSchema,
    handler: ({ db, actor }) => privacyOverview(db, actor),
  }),
  defineRoute({
    method: "POST",
    url: "/privacy/requests",
    operationId: "createDataSubjectRequest",
    summary: "Record a data subject's request (identity details sealed); the 72-hour clock starts",
    tags,
    permission: "privacy.manage",
    body: CreateSubjectRequestBodySchema,
    status: 201,
    response: SubjectRequestDetailSchema,
    handler: ({ db, app, actor, body }) => createSubjectRequest(db, app.envelope, actor, body),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/requests",
    operationId: "listDataSubjectRequests",
    summary: "Data-subject requests in the caller's units, open ones first by due time",
    tags,
    permission: "privacy.read",
    querystring: ListSubjectRequestsQuerySchema,
    response: SubjectRequestPageSchema,
    handler: ({ db, actor, query }) => requestPage(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/requests/:id",
    operationId: "getDataSubjectRequest",
    summary: "A request; the person's details only for the officer who manages it",
    tags,
    permission: "privacy.read",
    params,
    response: SubjectRequestDetailSchema,
    handler: ({ db, app, actor, params }) => requestDetail(db, app.envelope, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/privacy/requests/:id/search",
    operationId: "searchDataSubjectRecords",
    summary: "Find every record about the request's person across modules (audited)",
    tags,
    permission: "privacy.manage",
    params,
    response: PersonRecordsSchema,
    handler: ({ db, app, actor, params }) => searchPersonRecords(app, db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/privacy/requests/:id/execute",
    operationId: "executeDataSubjectRequest",
    summary:
      "Carry the request out on every record found (erase, restrict, correct, disclose); records kept on a legal ground are listed with the reason",
    tags,
    permission: "privacy.manage",
    params,
    body: ExecuteSubjectRequestBodySchema,
    response: SubjectRequestDetailSchema,
    handler: ({ db, app, actor, params, body }) => executeSubjectRequest(app, db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/privacy/requests/:id/answer",
    operationId: "answerDataSubjectRequest",
    summary: "Answer a request: outcome, the answer given, and the grounds on which records stay",
    tags,
    permission: "privacy.manage",
    params,
    body: AnswerSubjectRequestBodySchema,
    response: SubjectRequestDetailSchema,
    handler: ({ db, app, actor, params, body }) =>
      answerSubjectRequest(db, app.envelope, actor, params.id, body),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/requests/:id/export",
    operationId: "exportDataSubjectData",
    summary: "One person's data as a readable JSON file (audited)",
    tags,
    permission: "privacy.manage",
    params,
    openapi: { produces: ["application/json"] },
    handler: ({ db, app, actor, reply, params }) => exportSubjectData(app, db, actor, reply, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/privacy/breaches",
    operationId: "recordBreach",
    summary: "Record a personal-data breach; the notice to A05 is due 72 hours after detection",
    tags,
    permission: "privacy.manage",
    body: RecordBreachBodySchema,
    status: 201,
    response: BreachSchema,
    handler: ({ db, actor, body }) => recordBreach(db, actor, body),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/breaches",
    operationId: "listBreaches",
    summary: "The breach register of the caller's units, open ones first",
    tags,
    permission: "privacy.read",
    querystring: ListBreachesQuerySchema,
    response: BreachPageSchema,
    handler: ({ db, actor, query }) => breachPage(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/breaches/:id",
    operationId: "getBreach",
    summary: "One breach with its notice clock",
    tags,
    permission: "privacy.read",
    params,
    response: BreachSchema,
    handler: async ({ db, actor, params }) => {
      const { rollupPath: _r, ...b } = await getBreach(db, actor, params.id);
      return b;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/privacy/breaches/:id/notice",
    operationId: "recordBreachNotice",
    summary: "Record the notice sent to A05 (the reasons required after 72 hours)",
    tags,
    permission: "privacy.manage",
    params,
    body: RecordBreachNoticeBodySchema,
    response: BreachSchema,
    handler: ({ db, actor, params, body }) => recordBreachNotice(db, actor, params.id, body),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/breaches/:id/notice.docx",
    operationId: "generateBreachNotice",
    summary: "The notice of the breach to A05 as a DOCX draft (Decree 30/2020 layout)",
    tags,
    permission: "privacy.read",
    params,
    openapi: DOCX_OPENAPI,
    handler: ({ db, actor, reply, params }) => sendBreachNotice(db, actor, reply, params.id),
  }),
  defineRoute({
    method: "GET",
    url: "/privacy/consent-texts",
    operationId: "listConsentTexts",
    summary: "Consent texts of each purpose, every version, the current one marked",
    tags,
    permission: "privacy.read",
    response: ConsentTextListSchema,
    handler: ({ db, actor }) => consentTextList(db, actor),
  }),
  defineRoute({
    method: "POST",
    url: "/privacy/consent-texts",
    operationId: "createConsentText",
    summary: "Issue a new version of a purpose's consent text (never an edit of an old one)",
    tags,
    permission: "privacy.manage",
    body: CreateConsentTextBodySchema,
    status: 201,
    response: ConsentTextSchema,
    handler: ({ db, actor, body }) => createConsentText(db, actor, body),
  }),
]);
