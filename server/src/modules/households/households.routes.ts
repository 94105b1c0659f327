import { commitmentScanRoutes } from "./commitment-scan.routes";
import { commitmentTemplateRoutes } from "./commitment-templates.routes";
import { householdExportRoutes } from "./households.export";
import {
  CommitmentSchema,
  CoverageQuerySchema,
  CoverageSchema,
  CreateHouseholdBodySchema,
  HouseholdDetailSchema,
  HouseholdImportJobSchema,
  HouseholdPageSchema,
  HouseholdSchema,
  IdSchema,
  ImportHouseholdsAcceptedSchema,
  ImportHouseholdsBodySchema,
  ImportHouseholdsQuerySchema,
  ImportHouseholdsResultSchema,
  ListHouseholdsQuerySchema,
  RecordCommitmentBodySchema,
  UpdateHouseholdBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { claimOf, runIdempotent, sendIdempotent } from "../../kernel/idempotency";
import { ifMatchOf, runVersioned } from "../../kernel/row-version";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { createHousehold } from "./commands/create-household";
import { insertHouseholdImport, prepareHouseholdImport } from "./commands/import-households";
import { recordCommitment } from "./commands/record-commitment";
import { updateHousehold } from "./commands/update-household";
import { coverageFor } from "./households.coverage";
import { presentCommitment, presentHousehold } from "./households.presenter";
import { commitmentsOf, getVisibleHousehold, listHouseholds } from "./households.queries";
import { getImportJob, householdImportWorker, startImportJob } from "./import-jobs";
import { safeFamilyRoutes } from "./safe-families.routes";
import { safeFamiliesOf } from "./safe-families.queries";

const IdParams = z.object({ id: IdSchema });
const JobParams = z.object({ jobId: IdSchema });
const TAGS = ["households"];

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  // Import jobs wait in the database; this process's worker runs them (and those left by others).
  const imports = householdImportWorker(app.db, app.log);
  app.addHook("onReady", async () => imports.start());
  app.addHook("onClose", async () => imports.stop());
  await app.register(commitmentScanRoutes);
  await app.register(householdExportRoutes);
  await app.register(commitmentTemplateRoutes);
  await app.register(safeFamilyRoutes);
  app.get(
    "/households",
    {
      config: { permission: "household.read" },
      schema: {
        operationId: "listHouseholds",
        tags: TAGS,
        summary: "List and search households in the caller's scope",
        querystring: ListHouseholdsQuerySchema,
        response: { 200: HouseholdPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.read");
      const offset = decodeCursor(req.query.cursor);
      const rows = await listHouseholds(app.db, actor, req.query, offset);
      const page = pageFrom(rows, offset, req.query.limit);
      return { ...page, items: page.items.map(presentHousehold) };
    },
  );

  app.get(
    "/households/coverage",
    {
      config: { permission: "household.read" },
      schema: {
        operationId: "getCommitmentCoverage",
        tags: TAGS,
        summary: "Households, signed commitments and rate for a unit and year (optionally per child unit)",
        querystring: CoverageQuerySchema,
        response: { 200: CoverageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.read");
      return coverageFor(app.db, actor, req.query);
    },
  );

  app.get(
    "/households/:id",
    {
      config: { permission: "household.read" },
      schema: {
        operationId: "getHousehold",
        tags: TAGS,
        summary: "A household with its commitments and safe-family recognitions",
        params: IdParams,
        response: { 200: HouseholdDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.read");
      const row = await getVisibleHousehold(app.db, actor, req.params.id);
      const [commitments, safeFamilies] = await Promise.all([
        commitmentsOf(app.db, row.id),
        safeFamiliesOf(app.db, row.id),
      ]);
      return { ...presentHousehold(row), commitments: commitments.map(presentCommitment), safeFamilies };
    },
  );

  app.post(
    "/households",
    {
      config: { permission: "household.manage" },
      schema: {
        operationId: "createHousehold",
        tags: TAGS,
        summary: "Register a household in a residential area",
        body: CreateHouseholdBodySchema,
        response: { 201: HouseholdSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.manage");
      const claim = claimOf(req, actor.accountId, "createHousehold");
      const answer = await runIdempotent(app.db, claim, 201, async (db) => {
        const id = await createHousehold(db, actor, req.body);
        return presentHousehold(await getVisibleHousehold(db, actor, id, "household.manage"));
      });
      return sendIdempotent(reply, answer);
    },
  );

  app.patch(
    "/households/:id",
    {
      config: { permission: "household.manage" },
      schema: {
        operationId: "updateHousehold",
        tags: TAGS,
        summary: "Change a household, or record that it moved out (movedOutOn)",
        params: IdParams,
        body: UpdateHouseholdBodySchema,
        response: { 200: HouseholdSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.manage");
      const expected = ifMatchOf(req);
      const claim = claimOf(req, actor.accountId, "updateHousehold");
      const answer = await runIdempotent(app.db, claim, 200, (tx) =>
        runVersioned(tx, "households", req.params.id, expected, async (db) => {
          await updateHousehold(db, actor, req.params.id, req.body);
          return presentHousehold(await getVisibleHousehold(db, actor, req.params.id, "household.manage"));
        }),
      );
      return sendIdempotent(reply, answer);
    },
  );

  app.post(
    "/households/:id/commitments",
    {
      config: { permission: "household.manage" },
      schema: {
        operationId: "recordCommitment",
        tags: TAGS,
        summary: "Record a household's signed commitment for a year",
        params: IdParams,
        body: RecordCommitmentBodySchema,
        response: { 201: CommitmentSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.manage");
      const claim = claimOf(req, actor.accountId, "recordCommitment");
      const answer = await runIdempotent(app.db, claim, 201, async (db) => {
        const id = await recordCommitment(db, actor, req.params.id, req.body);
        return presentCommitment((await commitmentsOf(db, req.params.id)).find((c) => c.id === id)!);
      });
      return sendIdempotent(reply, answer);
    },
  );

  app.post(
    "/households/import",
    {
      bodyLimit: 20 * 1024 * 1024,
      config: { permission: "household.manage" },
      schema: {
        operationId: "importHouseholds",
        tags: TAGS,
        summary:
          "Import households from CSV (head_name,address,members,member_orgs,code) into one residential area; " +
          "all or nothing. Answers 202 with a job id (or 200 with ?wait=true)",
        querystring: ImportHouseholdsQuerySchema,
        body: ImportHouseholdsBodySchema,
        response: {
          200: ImportHouseholdsResultSchema,
          202: ImportHouseholdsAcceptedSchema,
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.manage");
      const prepared = await prepareHouseholdImport(app.db, actor, req.body);
      if (req.query.wait) {
        return reply.status(200).send({ created: await insertHouseholdImport(app.db, actor, prepared) });
      }
      return reply.status(202).send({ jobId: await startImportJob(app.db, imports, actor, prepared) });
    },
  );

  app.get(
    "/household-imports/:jobId",
    {
      config: { permission: "household.manage" },
      schema: {
        operationId: "getHouseholdImport",
        tags: TAGS,
        summary: "Progress of a household import (only its owner may read it)",
        params: JobParams,
        response: { 200: HouseholdImportJobSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "household.manage");
      return getImportJob(app.db, imports, actor, req.params.jobId);
    },
  );
};
