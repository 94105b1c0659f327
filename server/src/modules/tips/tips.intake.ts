import {
  INTAKE_CHANNELS,
  permissionsOf,
  type IntakeChannel,
  type TipIntakeOptions,
  type TipIntakeRecord,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor, ActorRole } from "../../kernel/authz";
import type { Envelope } from "../../kernel/envelope";
import { isPoliceOver } from "./tips.policy";

/**
 * Staff intake of crime reports (CPC 2015 Art. 145–146; Joint Circular 01/2017 Art. 5, 7, 8):
 * every report must be received, whatever the means; one received in person gets a receipt
 * record (biên bản tiếp nhận), one by post or phone an entry in the register. Police record
 * reports for their units; Front and association cadres record the reports they pass on, which
 * go to the commune police inbox at once (Art. 145.1, 146.2: other organisations transfer
 * immediately). The record is sealed like the tip's content.
 */

/** The intake record as sealed (`tip:<id>:intake`). */
export type SealedIntake = TipIntakeRecord;

export const intakeAad = (tipId: string) => `tip:${tipId}:intake`;

export function openIntakeRecord(
  env: Envelope,
  tipId: string,
  sealed: Buffer | null,
): TipIntakeRecord | null {
  return sealed ? (JSON.parse(env.openText(sealed, intakeAad(tipId))) as TipIntakeRecord) : null;
}

function intakeRoles(actor: Actor): ActorRole[] {
  return actor.roles.filter((r) => permissionsOf([r.role]).has("tip.intake"));
}

/**
 * May the actor record a report for this unit's police? Inside a role's subtree (a province
 * officer for the province or any of its communes), or the commune a residential-area cadre
 * works in.
 */
export function mayRecordIntakeAt(actor: Actor, unit: { path: string; kind: string }): boolean {
  return intakeRoles(actor).some(
    (r) =>
      unit.path.startsWith(r.orgUnitPath) || (unit.kind === "commune" && r.orgUnitPath.startsWith(unit.path)),
  );
}

/** Police of the unit record any channel; anyone else records what they pass on ("cadre"). */
export function intakeChannelsAt(actor: Actor, unitPath: string): IntakeChannel[] {
  return isPoliceOver(actor, unitPath) ? [...INTAKE_CHANNELS] : ["cadre"];
}

/** The units the caller may record for, and the channels it may use: what the form offers. */
export async function tipIntakeOptions(db: Db, actor: Actor): Promise<TipIntakeOptions> {
  const roles = intakeRoles(actor);
  if (roles.length === 0) return { units: [], channels: [], can: { record: false } };
  const preds: SQL[] = roles.map((r) => {
    if (r.orgUnitKind === "country") return sql`u.kind = 'province'`;
    if (r.orgUnitKind === "province") return sql`u.path like ${`${r.orgUnitPath}%`}`;
    return sql`(u.kind = 'commune' and ${r.orgUnitPath} like u.path || '%')`;
  });
  const units = await queryRows<{ id: string; name: string; kind: "province" | "commune"; path: string }>(
    db,
    sql`select u.id, u.full_name as name, u.kind, u.path from org_units u
        where u.valid_to is null and u.kind in ('province', 'commune') and (${sql.join(preds, sql` or `)})
        order by u.kind desc, u.sort_name, u.id limit 5000`,
  );
  const police = units.some((u) => isPoliceOver(actor, u.path));
  return {
    units: units.map(({ id, name, kind }) => ({ id, name, kind })),
    channels: police ? [...INTAKE_CHANNELS] : ["cadre"],
    can: { record: units.length > 0 },
  };
}
