import { todayInVietnam } from "@toandan/contracts";
import type { RecordDisqualifyingEventBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import { unitTypeOf } from "../certification.rules";
import { disqualifyingEvents } from "../certification.table";

/** Adds an event to the register; evidence of every cycle whose window holds its date reads it. */
export async function recordDisqualifyingEvent(db: Db, actor: Actor, body: RecordDisqualifyingEventBody) {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "certification.record_event" });
  unitTypeOf(unit.kind); // 400 for a unit that is never certified (a province, say)
  if (body.occurredOn > todayInVietnam()) {
    throw validationFailed([{ path: "occurredOn", message: "Ngày xảy ra ở tương lai" }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(disqualifyingEvents)
      .values({
        orgUnitId: unit.id,
        provinceId: unit.provinceId,
        unitPath: unit.path,
        kind: body.kind,
        occurredOn: body.occurredOn,
        severity: body.severity,
        forceMajeure: body.forceMajeure,
        reportedPromptly: body.reportedPromptly,
        disciplineLevel: body.disciplineLevel ?? null,
        description: body.description,
        recordedBy: actor.accountId,
      })
      .returning({ id: disqualifyingEvents.id });
    // The description may name people: the audit keeps the facts, not the text.
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "certification.event_recorded",
      entityType: "disqualifying_event",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: {
        kind: body.kind,
        occurredOn: body.occurredOn,
        severity: body.severity,
        forceMajeure: body.forceMajeure,
        reportedPromptly: body.reportedPromptly,
        disciplineLevel: body.disciplineLevel ?? null,
      },
    });
    return row!.id;
  });
}
