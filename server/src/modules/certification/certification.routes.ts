import {
  AppraiseBodySchema,
  CertificationCriterionListSchema,
  CertificationCycleDetailSchema,
  CertificationCyclePageSchema,
  CertificationEvidenceSchema,
  CertificationRuleListSchema,
  ClassifyMovementBodySchema,
  DecideBodySchema,
  IdSchema,
  ListCertificationCyclesQuerySchema,
  ListCriteriaQuerySchema,
  MovementClassificationSchema,
  RegisterCertificationBodySchema,
  ReviewMeetingBodySchema,
  ScoringSheetListSchema,
  SelfAssessmentBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { appraiseCertification } from "./commands/appraise-certification";
import { classifyMovement } from "./commands/classify-movement";
import { decideCertification } from "./commands/decide-certification";
import { recordReviewMeeting } from "./commands/record-review-meeting";
import { registerForCertification } from "./commands/register-for-certification";
import { submitSelfAssessment } from "./commands/submit-self-assessment";
import { cycleEvidence } from "./certification.documents";
import {
  cycleDetail,
  listCriteria,
  listCyclePage,
  listRules,
  listScoringSheets,
} from "./certification.queries";

const params = z.object({ id: IdSchema });
const tags = ["certification"];

export const certificationCycleRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/certification/rules",
    operationId: "listCertificationRules",
    summary: "Windows, deadlines and recognising authority per unit type (configuration)",
    tags,
    permission: "certification.read",
    response: CertificationRuleListSchema,
    handler: ({ db }) => listRules(db),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/criteria",
    operationId: "listCertificationCriteria",
    summary: "The versioned criteria catalogue (Circular 124/2021 art. 4–7 and provincial extras)",
    tags,
    permission: "certification.read",
    querystring: ListCriteriaQuerySchema,
    response: CertificationCriterionListSchema,
    handler: ({ db, query }) => listCriteria(db, query),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/scoring-sheets",
    operationId: "listScoringSheets",
    summary: "Scoring sheets of the movement classification (Decision 510/QĐ-BCA-V05)",
    tags,
    permission: "certification.read",
    response: ScoringSheetListSchema,
    handler: ({ db }) => listScoringSheets(db),
  }),
  defineRoute({
    method: "POST",
    url: "/certification/cycles",
    operationId: "registerForCertification",
    summary: "Q1 registration of a unit for the year's recognition",
    tags,
    permission: "certification.register",
    body: RegisterCertificationBodySchema,
    status: 201,
    response: CertificationCycleDetailSchema,
    handler: async ({ db, actor, body }) =>
      cycleDetail(db, actor, await registerForCertification(db, actor, body)),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/cycles",
    operationId: "listCertificationCycles",
    summary: "Cycles in the caller's scope, soonest deadline first, with days left",
    tags,
    permission: "certification.read",
    querystring: ListCertificationCyclesQuerySchema,
    response: CertificationCyclePageSchema,
    handler: ({ db, actor, query }) => listCyclePage(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/cycles/:id",
    operationId: "getCertificationCycle",
    summary: "One cycle with its self-assessment, meeting, appraisal, decision and dossier",
    tags,
    permission: "certification.read",
    params,
    response: CertificationCycleDetailSchema,
    handler: ({ db, actor, params }) => cycleDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/cycles/:id/evidence",
    operationId: "getCertificationEvidence",
    summary: "What the records say about each criterion in the cycle's window",
    tags,
    permission: "certification.read",
    params,
    response: CertificationEvidenceSchema,
    handler: ({ db, actor, params }) => cycleEvidence(db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/certification/cycles/:id/self-assessment",
    operationId: "submitSelfAssessment",
    summary: "The unit's self-assessment per criterion, with its crime and social-evil figures",
    tags,
    permission: "certification.self_assess",
    params,
    body: SelfAssessmentBodySchema,
    response: CertificationCycleDetailSchema,
    handler: async ({ db, actor, params, body }) => {
      await submitSelfAssessment(db, actor, params.id, body);
      return cycleDetail(db, actor, params.id);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/certification/cycles/:id/review-meeting",
    operationId: "recordReviewMeeting",
    summary: "The review meeting: date, chair, attendees, minutes and vote",
    tags,
    permission: "certification.self_assess",
    params,
    body: ReviewMeetingBodySchema,
    response: CertificationCycleDetailSchema,
    handler: async ({ db, actor, params, body }) => {
      await recordReviewMeeting(db, actor, params.id, body);
      return cycleDetail(db, actor, params.id);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/certification/cycles/:id/appraisal",
    operationId: "appraiseCertification",
    summary: "Appraisal by the standing body of the Steering Committee (a level above the unit)",
    tags,
    permission: "certification.appraise",
    params,
    body: AppraiseBodySchema,
    response: CertificationCycleDetailSchema,
    handler: async ({ db, actor, params, body }) => {
      await appraiseCertification(db, actor, params.id, body);
      return cycleDetail(db, actor, params.id);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/certification/cycles/:id/decision",
    operationId: "decideCertification",
    summary: "The recognising authority's decision; 409 without a complete dossier; late needs a reason",
    tags,
    permission: "certification.decide",
    params,
    body: DecideBodySchema,
    response: CertificationCycleDetailSchema,
    handler: async ({ db, actor, params, body }) => {
      await decideCertification(db, actor, params.id, body);
      return cycleDetail(db, actor, params.id);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/certification/cycles/:id/classification",
    operationId: "classifyMovement",
    summary: "Score the year's movement on a scoring sheet (Decision 510/QĐ-BCA-V05)",
    tags,
    permission: "certification.self_assess",
    params,
    body: ClassifyMovementBodySchema,
    response: MovementClassificationSchema,
    handler: ({ db, actor, params, body }) => classifyMovement(db, actor, params.id, body),
  }),
]);
