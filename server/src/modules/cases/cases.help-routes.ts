import {
  CaseDetailSchema,
  HelpInstanceParamsSchema,
  IdSchema,
  RecordCommunitySessionBodySchema,
  RecordHelpInstanceBodySchema,
  RecordHelpOutcomeBodySchema,
  RecordReferralBodySchema,
  RecordReferralOutcomeBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import type { CaseCrypto } from "./cases.crypto";
import { recordCommunitySession } from "./commands/record-community-session";
import { recordHelpInstance } from "./commands/record-help-instance";
import { recordHelpOutcome } from "./commands/record-help-outcome";
import { recordReferral } from "./commands/record-referral";
import { recordReferralOutcome } from "./commands/record-referral-outcome";

const tags = ["cases"];
const response = { 200: CaseDetailSchema, ...ERROR_RESPONSES };
const IdParams = z.object({ id: IdSchema });
const ReferralParams = z.object({ id: IdSchema, referralId: IdSchema });

/**
 * People with social evils and drug users under the commune's management: help instances and their
 * outcomes, referrals to rehabilitation; sessions of education before the residential community.
 */
export const caseHelpRoutes =
  (crypto: CaseCrypto): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/cases/:id/help-instances",
      {
        config: { permission: "case.report" },
        schema: {
          operationId: "recordCaseHelpInstance",
          tags,
          summary:
            "Receive a person with a social evil or a drug user for help and education (one instance, lượt)",
          params: IdParams,
          body: RecordHelpInstanceBodySchema,
          response,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, "case.report");
        return recordHelpInstance(app.db, actor, crypto, req.params.id, req.body);
      },
    );

    app.post(
      "/cases/:id/help-instances/:instanceId/outcome",
      {
        config: { permission: "case.report" },
        schema: {
          operationId: "recordCaseHelpOutcome",
          tags,
          summary: "The outcome of a help instance: reformed (hoàn lương) or relapsed (tái phạm)",
          params: HelpInstanceParamsSchema,
          body: RecordHelpOutcomeBodySchema,
          response,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, "case.report");
        return recordHelpOutcome(app.db, actor, crypto, req.params.id, req.params.instanceId, req.body);
      },
    );

    app.post(
      "/cases/:id/referrals",
      {
        config: { permission: "case.manage" },
        schema: {
          operationId: "recordCaseReferral",
          tags,
          summary: "Refer a drug user to voluntary or compulsory rehabilitation",
          params: IdParams,
          body: RecordReferralBodySchema,
          response,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, "case.manage");
        return recordReferral(app.db, actor, crypto, req.params.id, req.body);
      },
    );

    app.post(
      "/cases/:id/referrals/:referralId/outcome",
      {
        config: { permission: "case.manage" },
        schema: {
          operationId: "recordCaseReferralOutcome",
          tags,
          summary: "A rehabilitation referral's next step: admitted, not admitted, completed, absconded",
          params: ReferralParams,
          body: RecordReferralOutcomeBodySchema,
          response,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, "case.manage");
        return recordReferralOutcome(app.db, actor, crypto, req.params.id, req.params.referralId, req.body);
      },
    );

    app.post(
      "/cases/:id/community-sessions",
      {
        config: { permission: "case.report" },
        schema: {
          operationId: "recordCaseCommunitySession",
          tags,
          summary:
            "A session of education before the residential community: who presided, where, commitments",
          params: IdParams,
          body: RecordCommunitySessionBodySchema,
          response,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, "case.report");
        return recordCommunitySession(app.db, actor, crypto, req.params.id, req.body);
      },
    );
  };
