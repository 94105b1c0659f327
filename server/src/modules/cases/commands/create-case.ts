import { randomUUID } from "node:crypto";
import type { CaseDetail, CreateCaseBody } from "@toandan/contracts";
import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { ancestorsOf, loadUnit, provinceOf } from "../../org-units";
import { aad, type CaseCrypto } from "../cases.crypto";
import { dueDatesFor } from "../cases.regimes";
import { cases } from "../cases.table";
import { readCase } from "./read-case";

/** The residence unit (a commune or a residential area of one) in the actor's case scope, or 404. */
async function loadResidence(db: Db, actor: Actor, unitId: string) {
  const u = await loadUnit(db, actor, unitId, { permission: "case.manage", scope: "path" });
  const parent = u.kind === "commune" || u.validTo ? undefined : (await ancestorsOf(db, u)).at(-1);
  const communeId = u.kind === "commune" ? u.id : parent?.kind === "commune" ? parent.id : null;
  if (!communeId || u.validTo) {
    throw validationFailed([
      { path: "orgUnitId", message: "Nơi cư trú phải là xã, phường hoặc khu dân cư hiện hành" },
    ]);
  }
  return { ...u, communeId };
}

/** Opens a case at the person's residence after the reporting-in meeting; sensitive fields sealed. */
export async function createCase(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  body: CreateCaseBody,
): Promise<CaseDetail> {
  const unit = await loadResidence(db, actor, body.orgUnitId);
  if (body.reportedInOn > todayInVietnam()) {
    throw validationFailed([{ path: "reportedInOn", message: "Ngày trình diện không thể ở tương lai" }]);
  }
  const identityIndex = crypto.identityIndex(body.identityNumber);
  const [dup] = await queryRows<{ id: string }>(
    db,
    sql`select id from cases where identity_index = ${identityIndex} and status <> 'closed'`,
  );
  if (dup) throw conflict("Người này đang có hồ sơ quản lý chưa kết thúc.");
  const id = randomUUID();
  const seal = (v: string, f: string) => crypto.envelope.seal(v, aad(id, f));
  // Released prisoners: Circular 10/2024's clocks from the reporting-in meeting; education at the
  // commune: Decree 120/2021's from the chairman's decision, with the term and its half ([?]).
  const { measureMonths, measureEndsOn, earlyEndFrom, ...due } = dueDatesFor(body.kind, body);
  await db.transaction(async (tx) => {
    await tx.insert(cases).values({
      id,
      kind: body.kind,
      orgUnitId: unit.id,
      communeId: unit.communeId,
      provinceId: provinceOf(unit.path),
      rollupPath: unit.path,
      fullNameSealed: seal(body.fullName, "full_name"),
      dateOfBirthSealed: seal(body.dateOfBirth, "date_of_birth"),
      identitySealed: seal(body.identityNumber, "identity"),
      identityIndex,
      offenceCategorySealed: seal(body.offenceCategory, "offence_category"),
      offenceSealed: seal(body.offence, "offence"),
      notesSealed: body.notes ? seal(body.notes, "notes") : null,
      releaseOrDecisionDate: body.releaseOrDecisionDate,
      reportedInOn: body.reportedInOn,
      ...due,
      measureMonths,
      measureEndsOn,
      earlyEndFrom,
      createdBy: actor.accountId,
    });
    // The audit chain holds no personal data of the case, only what happened and when.
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.created",
      entityType: "case",
      entityId: id,
      orgUnitId: unit.id,
      data: { kind: body.kind, reportedInOn: body.reportedInOn, ...due },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi hồ sơ mới");
}
