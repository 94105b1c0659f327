import type { CreateReportBody, Report } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { loadIndicatorUnit } from "../../indicators";
import { isPolice } from "../../tips";
import { defaultSections, defaultSubject, figuresOf, periodOf } from "../compose";
import { loadReport, presentReport } from "../reports.queries";
import { reports } from "../reports.table";

/** Composes a report: the period from the template, figures from the registry, sentences to edit. */
export async function createReport(db: Db, actor: Actor, body: CreateReportBody): Promise<Report> {
  const unit = await loadIndicatorUnit(db, actor, body.orgUnitId, "report.manage");
  const { from, to } = periodOf(body);
  const figures = await figuresOf(db, unit.rollupPath, from, to, isPolice(actor));
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reports)
      .values({
        orgUnitId: unit.id,
        rollupPath: unit.rollupPath,
        template: body.template,
        year: body.year,
        periodFrom: from,
        periodTo: to,
        issuingBody: body.issuingBody,
        parentBody: body.parentBody || null,
        number: body.number || null,
        symbol: body.symbol,
        place: body.place,
        issuedOn: body.issuedOn,
        subject: body.subject || defaultSubject(body, from, to),
        sections: defaultSections(body, unit.fullName, figures),
        figures,
        recipients: body.recipients,
        signerTitle: body.signerTitle,
        signerName: body.signerName,
        createdBy: actor.accountId,
      })
      .returning({ id: reports.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "report.created",
      entityType: "report",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: { template: body.template, periodFrom: from, periodTo: to, symbol: body.symbol },
    });
    return row!.id;
  });
  return presentReport(await loadReport(db, actor, id, "report.read"), actor);
}
