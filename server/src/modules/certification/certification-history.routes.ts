import {
  CertificationHistoryPageSchema,
  CertificationHistoryRatesQuerySchema,
  CertificationHistoryRatesSchema,
  CertificationHistoryRecordSchema,
  ImportCertificationHistoryBodySchema,
  ImportCertificationHistoryResultSchema,
  ListCertificationHistoryQuerySchema,
  RecordCertificationHistoryBodySchema,
} from "@toandan/contracts";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import {
  insertCertificationHistoryImport,
  prepareCertificationHistoryImport,
} from "./commands/import-certification-history";
import { recordCertificationHistory } from "./commands/record-certification-history";
import {
  certificationHistoryRates,
  certificationHistoryRecord,
  listCertificationHistory,
} from "./certification.history-queries";

const tags = ["certification"];

/** Past years' results (2013–2025) at the units of their time, and the yearly rates they give. */
export const certificationHistoryRoutes = routesPlugin([
  defineRoute({
    method: "POST",
    url: "/certification/history",
    operationId: "recordCertificationHistory",
    summary: "Record a past year's result (2013–2025) at a unit of that year, e.g. a pre-reform commune",
    tags,
    permission: "certification.decide",
    body: RecordCertificationHistoryBodySchema,
    status: 201,
    response: CertificationHistoryRecordSchema,
    handler: async ({ db, actor, body }) =>
      certificationHistoryRecord(db, await recordCertificationHistory(db, actor, body)),
  }),
  defineRoute({
    method: "POST",
    url: "/certification/history/import",
    operationId: "importCertificationHistory",
    summary:
      "Import past results from CSV (Mã đơn vị, Năm, Kết quả, Số/Ngày/Cơ quan quyết định); one bad line imports nothing",
    tags,
    permission: "certification.decide",
    body: ImportCertificationHistoryBodySchema,
    response: ImportCertificationHistoryResultSchema,
    handler: async ({ db, actor, body }) => ({
      created: await insertCertificationHistoryImport(
        db,
        actor,
        await prepareCertificationHistoryImport(db, actor, body),
      ),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/history",
    operationId: "listCertificationHistory",
    summary: "Past results counting at a unit: its own, and those of the pre-reform units it was formed from",
    tags,
    permission: "certification.read",
    querystring: ListCertificationHistoryQuerySchema,
    response: CertificationHistoryPageSchema,
    handler: ({ db, actor, query }) => listCertificationHistory(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/history/rates",
    operationId: "getCertificationHistoryRates",
    summary:
      "Per year, the certified share of khóm/ấp, xã/phường and agencies among past results under a unit",
    tags,
    permission: "certification.read",
    querystring: CertificationHistoryRatesQuerySchema,
    response: CertificationHistoryRatesSchema,
    handler: ({ db, actor, query }) => certificationHistoryRates(db, actor, query.orgUnitId),
  }),
]);
