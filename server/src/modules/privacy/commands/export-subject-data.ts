import { PROCESSING_EXCEPTION_LABELS, SUBJECT_REQUEST_KIND_LABELS, todayInVietnam } from "@toandan/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { forbidden } from "../../../kernel/errors";
import { managesAt } from "../privacy.policy";
import { getRequestRow, openSubject, presentRequest, requestDetail } from "../privacy.queries";
import { findAllRecords } from "./search-person-records";

/**
 * One person's data as a readable JSON file for the answer: the records each module holds about
 * them, in clear where the register keeps them in clear; sealed records are named with the ground
 * on which they stay and the unit that gives them out.
 */
export async function exportSubjectData(
  app: FastifyInstance,
  db: Db,
  actor: Actor,
  reply: FastifyReply,
  id: string,
) {
  const r = await getRequestRow(db, actor, id);
  if (!managesAt(actor, r.rollupPath)) throw forbidden();
  const subject = openSubject(app.envelope, r);
  const records = await findAllRecords(app, db, actor, subject, r.rollupPath);
  // What carrying the request out did with each record (kept ones say why), when it was carried out.
  const { actions } = await requestDetail(db, app.envelope, actor, id);
  const OUTCOME_VI = { done: "Đã thực hiện", kept: "Giữ lại", none: "Không còn dữ liệu" } as const;
  await db.transaction((tx) =>
    recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.request_exported",
      entityType: "privacy_request",
      entityId: id,
      orgUnitId: r.orgUnitId,
      data: { records: records.length },
    }),
  );
  const request = presentRequest(r);
  const file = {
    tieuDe: "Dữ liệu cá nhân của chủ thể dữ liệu",
    ngayLap: todayInVietnam(),
    yeuCau: {
      loai: SUBJECT_REQUEST_KIND_LABELS[request.kind].vi,
      nhanLuc: request.receivedAt,
      hanTraLoi: request.dueAt,
      canCuThoiHan: request.clockBasisVi,
      donVi: request.orgUnitName,
    },
    chuThe: subject,
    banGhi: records.map((x) => ({
      phanHe: x.module,
      moTa: x.labelVi,
      donVi: x.orgUnitName,
      duLieu: x.data,
      niemPhong: x.sealed
        ? "Một phần dữ liệu được mã hóa; đơn vị quản lý cung cấp bản đầy đủ theo quy định"
        : null,
      ngoaiLe: x.exception ? PROCESSING_EXCEPTION_LABELS[x.exception].vi : null,
      lyDoGiuLai: x.exceptionReasonVi ?? null,
    })),
    ketQuaThucHien: actions.map((a) => ({
      phanHe: a.module,
      moTa: a.labelVi,
      donVi: a.orgUnitName,
      ketQua: OUTCOME_VI[a.outcome],
      canCu: a.exception ? PROCESSING_EXCEPTION_LABELS[a.exception].vi : null,
      lyDo: a.reasonVi,
      luc: a.actedAt,
    })),
  };
  return reply
    .type("application/json; charset=utf-8")
    .header("content-disposition", `attachment; filename="du-lieu-ca-nhan-${id.slice(0, 8)}.json"`)
    .send(JSON.stringify(file, null, 2));
}
