// Reads of a cycle's dossier documents: the DOCX draft filled from the cycle, and the signed scan.
import fs from "node:fs/promises";
import path from "node:path";
import { todayInVietnam, type DossierKind } from "@toandan/contracts";
import type { FastifyReply } from "fastify";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { addressingOfCycle } from "./certification.addressing";
import { dossierDocx } from "./certification.docx";
import { computeEvidence } from "./certification.evidence";
import { documentsOf, getVisibleCycle } from "./certification.queries";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const FILE_NAMES = {
  submission: "to-trinh",
  results_report: "bao-cao-ket-qua",
  minutes: "bien-ban-hop",
} as const;

/** Sends the DOCX draft of a dossier document (Decree 30/2020 layout) as a download. */
export async function sendDocumentDraft(
  db: Db,
  actor: Actor,
  reply: FastifyReply,
  id: string,
  kind: DossierKind,
) {
  const cycle = await getVisibleCycle(db, actor, id);
  const evidence = await computeEvidence(db, cycle);
  const addressing = await addressingOfCycle(db, cycle);
  const data = await dossierDocx(kind, cycle, evidence, todayInVietnam(), addressing);
  return reply
    .type(DOCX)
    .header("content-disposition", `attachment; filename="${FILE_NAMES[kind]}-${cycle.year}.docx"`)
    .send(data);
}

/** Sends the signed scan of a dossier document, or 404 when none was attached. */
export async function sendDocumentScan(
  db: Db,
  actor: Actor,
  reply: FastifyReply,
  uploadsRoot: string,
  id: string,
  kind: DossierKind,
) {
  const cycle = await getVisibleCycle(db, actor, id);
  const doc = (await documentsOf(db, cycle.id)).find((d) => d.kind === kind);
  if (!doc) throw notFound("Chưa có bản ký của văn bản này.");
  const data = await fs.readFile(path.join(uploadsRoot, doc.filePath));
  return reply
    .type(doc.mimeType)
    .header("content-disposition", `inline; filename="${path.basename(doc.filePath)}"`)
    .send(data);
}

/** What the records say about each criterion in the cycle's window. */
export async function cycleEvidence(db: Db, actor: Actor, id: string) {
  return computeEvidence(db, await getVisibleCycle(db, actor, id));
}
