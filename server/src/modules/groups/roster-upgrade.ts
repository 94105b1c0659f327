import { eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sealMember, type RosterCrypto } from "./groups.crypto";
import { groupMembers } from "./groups.table";

/**
 * Start-up upgrade (issue 19): roster rows written before names were sealed hold `full_name` in
 * clear. SQL cannot seal (the key lives outside the database), so this step seals them in batches
 * and empties the clear column; it runs at every start and finds nothing once done. Safe to run
 * twice at once: each row is rewritten from its own clear name. Answers the rows sealed.
 */
export async function sealLegacyRoster(db: Db, crypto: RosterCrypto, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db
      .select({ id: groupMembers.id, fullName: groupMembers.fullName })
      .from(groupMembers)
      .where(isNotNull(groupMembers.fullName))
      .limit(batch);
    if (rows.length === 0) return total;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        await tx
          .update(groupMembers)
          .set(sealMember(crypto, r.id, { fullName: r.fullName! }))
          .where(eq(groupMembers.id, r.id));
      }
    });
    total += rows.length;
  }
}
