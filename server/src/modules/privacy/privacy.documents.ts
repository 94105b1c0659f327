// The privacy module's downloads: the impact-assessment dossier (DOCX) and the breach notice (DOCX).
import { todayInVietnam } from "@toandan/contracts";
import type { FastifyReply } from "fastify";
import type { Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import type { Actor } from "../../kernel/authz";
import { permissionsOf } from "@toandan/contracts";
import { breachNoticeDocx, impactAssessmentDocx } from "./privacy.docx";
import { DOCX } from "./privacy.docx-kit";
import { getBreach } from "./privacy.queries";
import { PROCESSING_REGISTER } from "./register";
import { ROLE_LABELS_VI } from "./privacy.roles";

const BODY_NAMES: Record<string, string> = { police: "Công an", front: "Ủy ban Mặt trận Tổ quốc Việt Nam" };
const lowerKind = (unit: string) =>
  unit.replace(/^(Tỉnh|Thành phố|Phường|Xã|Đặc khu)\s/, (m) => m.toLowerCase());
const placeOf = (unit: string) => unit.replace(/^(Tỉnh|Thành phố|Phường|Xã|Đặc khu|Việt Nam)\s*/, "") || unit;

/** The body and unit issuing the officer's documents: the grant holding privacy.read. */
function issuerOf(actor: Actor, unitName?: string) {
  const grant = actor.roles.find((r) => permissionsOf([r.role]).has("privacy.read")) ?? actor.roles[0]!;
  const unit = unitName ?? grant.orgUnitName;
  const body = BODY_NAMES[grant.body];
  return { issuer: body ? `${body} ${lowerKind(unit)}` : unit, place: placeOf(unit) };
}

export async function sendImpactAssessment(db: Db, actor: Actor, reply: FastifyReply) {
  const { issuer, place } = issuerOf(actor);
  const data = await impactAssessmentDocx({
    issuer,
    place,
    today: todayInVietnam(),
    activities: PROCESSING_REGISTER,
    roleLabel: (r) => ROLE_LABELS_VI[r],
  });
  await db.transaction((tx) =>
    recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.impact_assessment_exported",
      entityType: "system",
      entityId: null,
      orgUnitId: actor.roles.find((r) => permissionsOf([r.role]).has("privacy.read"))?.orgUnitId ?? null,
      data: { activities: PROCESSING_REGISTER.length },
    }),
  );
  return reply
    .type(DOCX)
    .header("content-disposition", `attachment; filename="ho-so-danh-gia-tac-dong-${todayInVietnam()}.docx"`)
    .send(data);
}

export async function sendBreachNotice(db: Db, actor: Actor, reply: FastifyReply, id: string) {
  const { rollupPath: _r, ...breach } = await getBreach(db, actor, id);
  const { issuer, place } = issuerOf(actor, breach.orgUnitName);
  const data = await breachNoticeDocx({ issuer, place, today: todayInVietnam(), breach });
  await db.transaction((tx) =>
    recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.breach_notice_generated",
      entityType: "privacy_breach",
      entityId: id,
      orgUnitId: breach.orgUnitId,
      data: {},
    }),
  );
  return reply
    .type(DOCX)
    .header("content-disposition", `attachment; filename="thong-bao-vi-pham-${id.slice(0, 8)}.docx"`)
    .send(data);
}
