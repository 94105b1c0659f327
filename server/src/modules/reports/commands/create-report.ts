import { todayInVietnam, type CreateReportBody, type Report, formatVnDate } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { loadIndicatorUnit } from "../../indicators";
import { isPolice } from "../../tips";
import { defaultCutOff, defaultSections, defaultSubject, figuresOf, periodOf } from "../compose";
import { assertNumberFree, isNumberClash, nextNumber, numberTaken } from "../numbering";
import { assertMapIndicator, mapLevelOf } from "../report-map";
import { loadReport, presentReport } from "../reports.queries";
import { reports } from "../reports.table";

/** The cut-off asked for (or the default), within the period and not after today (Vietnam). */
export function cutOffOf(asked: string | undefined, from: string, to: string): string {
  const today = todayInVietnam();
  const cutOff = asked ?? defaultCutOff(to);
  const refuse = (message: string) => validationFailed([{ path: "cutOff", message }]);
  if (cutOff < from) {
    throw refuse(
      asked
        ? `Ngày tính số liệu không được trước ngày bắt đầu kỳ báo cáo (${formatVnDate(from)})`
        : `Kỳ báo cáo bắt đầu từ ngày ${formatVnDate(from)}: chưa có số liệu để báo cáo`,
    );
  }
  if (cutOff > today) throw refuse(`Ngày tính số liệu không được sau ngày hôm nay (${formatVnDate(today)})`);
  if (cutOff > to) {
    throw refuse(`Ngày tính số liệu không được sau ngày kết thúc kỳ báo cáo (${formatVnDate(to)})`);
  }
  return cutOff;
}

/**
 * Composes a report: the period from the template, figures from the registry up to the cut-off,
 * sentences to edit, and the next document number of the issuing body unless one is chosen.
 */
export async function createReport(db: Db, actor: Actor, body: CreateReportBody): Promise<Report> {
  const unit = await loadIndicatorUnit(db, actor, body.orgUnitId, "report.manage");
  const { from, to } = periodOf(body);
  const cutOff = cutOffOf(body.cutOff, from, to);
  assertMapIndicator(actor, mapLevelOf(unit), body.mapIndicator);
  const sequence = {
    orgUnitId: unit.id,
    issuingBody: body.issuingBody,
    year: Number(body.issuedOn.slice(0, 4)),
  };
  if (body.number) await assertNumberFree(db, sequence, body.number);
  const figures = await figuresOf(db, unit.rollupPath, from, cutOff, isPolice(actor));
  const id = await db
    .transaction(async (tx) => {
      const number = body.number || (await nextNumber(tx, sequence));
      const [row] = await tx
        .insert(reports)
        .values({
          orgUnitId: unit.id,
          rollupPath: unit.rollupPath,
          template: body.template,
          year: body.year,
          periodFrom: from,
          periodTo: to,
          cutOff,
          issuingBody: body.issuingBody,
          parentBody: body.parentBody || null,
          number,
          symbol: body.symbol,
          place: body.place,
          issuedOn: body.issuedOn,
          subject: body.subject || defaultSubject(body, from, to),
          sections: defaultSections(body, unit.fullName, figures, { from, to }, cutOff),
          figures,
          recipients: body.recipients,
          signerTitle: body.signerTitle,
          signerName: body.signerName,
          mapIndicator: body.mapIndicator ?? null,
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
    })
    .catch((e: unknown) => {
      if (isNumberClash(e)) throw numberTaken(sequence, body.number || "này");
      throw e;
    });
  return presentReport(await loadReport(db, actor, id, "report.read"), actor);
}
