import path from "node:path";
import { DossierKindSchema, IdSchema, OkSchema } from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { uploadCertificationDocument } from "./commands/upload-certification-document";
import { sendDocumentDraft, sendDocumentScan } from "./certification.documents";

const params = z.object({ id: IdSchema, kind: DossierKindSchema });
const tags = ["certification"];
const uploads = (dataDir: string) => path.join(dataDir, "uploads");

export const certificationDossierRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/certification/cycles/:id/documents/:kind/draft",
    operationId: "generateCertificationDocument",
    summary: "DOCX draft of a dossier document (Decree 30/2020 layout) filled from the cycle",
    tags,
    permission: "certification.read",
    params,
    handler: ({ db, actor, reply, params }) => sendDocumentDraft(db, actor, reply, params.id, params.kind),
  }),
  defineRoute({
    method: "PUT",
    url: "/certification/cycles/:id/documents/:kind",
    operationId: "uploadCertificationDocument",
    summary: "Attach the signed scan of a dossier document (multipart field `file`: PDF, JPEG, PNG ≤ 5 MB)",
    tags,
    permission: "certification.self_assess",
    params,
    response: OkSchema,
    handler: ({ db, actor, app, req, params }) =>
      uploadCertificationDocument(db, actor, req, uploads(app.config.dataDir), params.id, params.kind),
  }),
  defineRoute({
    method: "GET",
    url: "/certification/cycles/:id/documents/:kind",
    operationId: "getCertificationDocument",
    summary: "The signed scan of a dossier document, if one was attached",
    tags,
    permission: "certification.read",
    params,
    handler: ({ db, actor, app, reply, params }) =>
      sendDocumentScan(db, actor, reply, uploads(app.config.dataDir), params.id, params.kind),
  }),
]);
