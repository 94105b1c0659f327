import { checkNewPassword } from "@toandan/contracts";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { validationFailed } from "../../kernel/errors";
import { orgUnits } from "../org-units/org-units.table";

/** Who a new password belongs to: its words make the password easier to guess. */
export type NewPasswordOwner = {
  username: string;
  displayName?: string | undefined;
  /** Unit names already at hand (an actor's roles) … */
  unitNames?: readonly string[] | undefined;
  /** … or the ids of the units the account holds roles at, whose names are read here. */
  orgUnitIds?: readonly string[] | undefined;
};

/**
 * Refuses a new password that is too short or too easy to guess for this account (the policy in
 * contracts/password-policy.ts) with 400 `validation_failed` and an issue on `field`.
 */
export async function assertNewPassword(
  db: Db,
  password: string,
  owner: NewPasswordOwner,
  field = "password",
): Promise<void> {
  const unitNames = [...(owner.unitNames ?? [])];
  if (owner.orgUnitIds?.length) {
    const rows = await db
      .select({ name: orgUnits.name, fullName: orgUnits.fullName })
      .from(orgUnits)
      .where(inArray(orgUnits.id, [...owner.orgUnitIds]));
    for (const r of rows) unitNames.push(r.name, r.fullName);
  }
  const verdict = await checkNewPassword(password, { ...owner, unitNames });
  if (!verdict.ok) throw validationFailed([{ path: field, message: verdict.message }]);
}
