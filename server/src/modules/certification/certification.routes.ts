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
  type CertificationUnitType,
  type ScoringSheet,
} from "@toandan/contracts";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission, type Actor } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { appraiseCertification } from "./commands/appraise-certification";
import { classifyMovement } from "./commands/classify-movement";
import { decideCertification } from "./commands/decide-certification";
import { recordReviewMeeting } from "./commands/record-review-meeting";
import { registerForCertification } from "./commands/register-for-certification";
import { submitSelfAssessment } from "./commands/submit-self-assessment";
import { computeEvidence } from "./certification.evidence";
import { getVisibleCycle, listCycles, presentCycle, presentDetail } from "./certification.queries";
import { certificationCriteria, certificationRules, movementScoringSheets } from "./certification.table";

const IdParams = z.object({ id: IdSchema });
const TAGS = ["certification"];

/** The path of a filter unit in the caller's read scope, or 404. */
export async function subtreePath(app: FastifyInstance, actor: Actor, unitId: string | undefined) {
  if (!unitId) return undefined;
  const unit = await loadUnit(app.db, actor, unitId, { permission: "certification.read", scope: "path" });
  return unit.path;
}

async function detail(app: FastifyInstance, actor: Actor, id: string) {
  return presentDetail(app.db, actor, await getVisibleCycle(app.db, actor, id));
}

type Step = {
  url: string;
  operationId: string;
  summary: string;
  permission: "certification.self_assess" | "certification.appraise" | "certification.decide";
  body: z.ZodType;
  run: (app: FastifyInstance, actor: Actor, id: string, body: never) => Promise<void>;
};

const STEPS: Step[] = [
  {
    url: "self-assessment",
    operationId: "submitSelfAssessment",
    summary: "The unit's self-assessment per criterion, with its crime and social-evil figures",
    permission: "certification.self_assess",
    body: SelfAssessmentBodySchema,
    run: (app, actor, id, body) => submitSelfAssessment(app.db, actor, id, body),
  },
  {
    url: "review-meeting",
    operationId: "recordReviewMeeting",
    summary: "The review meeting: date, chair, attendees, minutes and vote",
    permission: "certification.self_assess",
    body: ReviewMeetingBodySchema,
    run: (app, actor, id, body) => recordReviewMeeting(app.db, actor, id, body),
  },
  {
    url: "appraisal",
    operationId: "appraiseCertification",
    summary: "Appraisal by the standing body of the Steering Committee (a level above the unit)",
    permission: "certification.appraise",
    body: AppraiseBodySchema,
    run: (app, actor, id, body) => appraiseCertification(app.db, actor, id, body),
  },
  {
    url: "decision",
    operationId: "decideCertification",
    summary: "The recognising authority's decision; 409 without a complete dossier; late needs a reason",
    permission: "certification.decide",
    body: DecideBodySchema,
    run: (app, actor, id, body) => decideCertification(app.db, actor, id, body),
  },
];

export const certificationCycleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/certification/rules",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "listCertificationRules",
        tags: TAGS,
        summary: "Windows, deadlines and recognising authority per unit type (configuration)",
        response: { 200: CertificationRuleListSchema, ...ERROR_RESPONSES },
      },
    },
    async () => {
      const rows = await app.db
        .select()
        .from(certificationRules)
        .where(isNull(certificationRules.provinceId));
      return {
        items: rows.map(({ id: _id, provinceId: _p, ...r }) => ({
          ...r,
          unitType: r.unitType as CertificationUnitType,
        })),
        nextCursor: null,
      };
    },
  );

  app.get(
    "/certification/criteria",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "listCertificationCriteria",
        tags: TAGS,
        summary: "The versioned criteria catalogue (Circular 124/2021 art. 4–7 and provincial extras)",
        querystring: ListCriteriaQuerySchema,
        response: { 200: CertificationCriterionListSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const c = certificationCriteria;
      const where: SQL[] = [];
      if (req.query.unitType) where.push(eq(c.unitType, req.query.unitType));
      if (req.query.version) where.push(eq(c.version, req.query.version));
      const rows = await app.db
        .select()
        .from(c)
        .where(and(...where))
        .orderBy(c.version, c.unitType, c.sortOrder);
      return {
        items: rows.map(({ provinceId, sortOrder: _s, ...r }) => ({
          ...r,
          unitType: r.unitType as CertificationUnitType,
          provincial: provinceId !== null,
        })),
        nextCursor: null,
      };
    },
  );

  app.get(
    "/certification/scoring-sheets",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "listScoringSheets",
        tags: TAGS,
        summary: "Scoring sheets of the movement classification (Decision 510/QĐ-BCA-V05)",
        response: { 200: ScoringSheetListSchema, ...ERROR_RESPONSES },
      },
    },
    async () => {
      const rows = await app.db.select().from(movementScoringSheets).orderBy(movementScoringSheets.code);
      return { items: rows as ScoringSheet[], nextCursor: null };
    },
  );

  app.post(
    "/certification/cycles",
    {
      config: { permission: "certification.register" },
      schema: {
        operationId: "registerForCertification",
        tags: TAGS,
        summary: "Q1 registration of a unit for the year's recognition",
        body: RegisterCertificationBodySchema,
        response: { 201: CertificationCycleDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await registerForCertification(app.db, actor, req.body);
      return reply.status(201).send(await detail(app, actor, id));
    },
  );

  app.get(
    "/certification/cycles",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "listCertificationCycles",
        tags: TAGS,
        summary: "Cycles in the caller's scope, soonest deadline first, with days left",
        querystring: ListCertificationCyclesQuerySchema,
        response: { 200: CertificationCyclePageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const offset = decodeCursor(q.cursor);
      const prefix = await subtreePath(app, actor, q.orgUnitId);
      const rows = await listCycles(app.db, actor, { ...q, prefix }, offset, q.limit);
      const page = pageFrom(rows, offset, q.limit);
      return { ...page, items: page.items.map((r) => presentCycle(r)) };
    },
  );

  app.get(
    "/certification/cycles/:id",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "getCertificationCycle",
        tags: TAGS,
        summary: "One cycle with its self-assessment, meeting, appraisal, decision and dossier",
        params: IdParams,
        response: { 200: CertificationCycleDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => detail(app, requireActor(req), req.params.id),
  );

  app.get(
    "/certification/cycles/:id/evidence",
    {
      config: { permission: "certification.read" },
      schema: {
        operationId: "getCertificationEvidence",
        tags: TAGS,
        summary: "What the records say about each criterion in the cycle's window",
        params: IdParams,
        response: { 200: CertificationEvidenceSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return computeEvidence(app.db, await getVisibleCycle(app.db, actor, req.params.id));
    },
  );

  for (const step of STEPS) {
    app.post(
      `/certification/cycles/:id/${step.url}`,
      {
        config: { permission: step.permission },
        schema: {
          operationId: step.operationId,
          tags: TAGS,
          summary: step.summary,
          params: IdParams,
          body: step.body,
          response: { 200: CertificationCycleDetailSchema, ...ERROR_RESPONSES },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await step.run(app, actor, req.params.id, req.body as never);
        return detail(app, actor, req.params.id);
      },
    );
  }

  app.post(
    "/certification/cycles/:id/classification",
    {
      config: { permission: "certification.self_assess" },
      schema: {
        operationId: "classifyMovement",
        tags: TAGS,
        summary: "Score the year's movement on a scoring sheet (Decision 510/QĐ-BCA-V05)",
        params: IdParams,
        body: ClassifyMovementBodySchema,
        response: { 200: MovementClassificationSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "certification.self_assess");
      return classifyMovement(app.db, actor, req.params.id, req.body);
    },
  );
};
