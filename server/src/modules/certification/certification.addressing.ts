// Who issues a dossier document, where, and to whom it is addressed — from the unit's place in the
// tree and the recognising authority of the rules table ("Chủ tịch Ủy ban nhân dân cấp xã").
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ancestorsOf } from "../org-units";
import { orgUnits } from "../org-units/org-units.table";
import type { CycleRow } from "./certification.queries";

type Place = { kind: string; name: string; fullName: string };

export type DossierAddressing = {
  /** The issuing unit named with its commune: "Khóm 1, Phường Bạc Liêu" (a commune: "Ủy ban nhân dân Phường Bạc Liêu"). */
  issuer: string;
  /** The unit as the text names it: "Khóm 1, phường Bạc Liêu". */
  unitName: string;
  /** The place name of the date line (Decree 30): the commune's name, "Bạc Liêu"; "Phường 1" when it is a number. */
  place: string;
  /** "Chủ tịch Ủy ban nhân dân phường Bạc Liêu". */
  addressee: string;
};

/** "Phường Bạc Liêu" → "phường Bạc Liêu" (a unit's kind is written in lower case inside a sentence). */
const inSentence = (fullName: string) => fullName.charAt(0).toLowerCase() + fullName.slice(1);

/** The place of the date line: the unit's name without its kind, unless the name is a number. */
const placeName = (u: Place) => (/^\d/.test(u.name) ? u.fullName : u.name);

/**
 * The addressing of the dossier of a unit whose ancestors (top first) are given: the authority's
 * level ("cấp xã", "cấp tỉnh") is replaced by the actual commune or province, remarks in
 * parentheses are left out.
 */
export function addressingOf(
  unit: Place & { unitType: string },
  ancestors: readonly Place[],
  authority: string,
): DossierAddressing {
  const commune = unit.unitType === "commune" ? unit : ancestors.findLast((a) => a.kind === "commune");
  const province = ancestors.find((a) => a.kind === "province");
  const withCommune = (s: string, sep: string, c: (n: string) => string) =>
    commune && commune !== unit ? `${s}${sep}${c(commune.fullName)}` : s;
  const addressee = authority
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/cấp xã/, commune ? inSentence(commune.fullName) : "cấp xã")
    .replace(/cấp tỉnh/, province ? inSentence(province.fullName) : "cấp tỉnh")
    .trim();
  return {
    issuer:
      unit.unitType === "commune"
        ? `Ủy ban nhân dân ${unit.fullName}`
        : withCommune(unit.fullName, ", ", (n) => n),
    unitName: withCommune(unit.fullName, ", ", inSentence),
    place: commune ? placeName(commune) : province ? placeName(province) : "…",
    addressee,
  };
}

/** The addressing of a cycle's dossier, from its unit's ancestors. */
export async function addressingOfCycle(db: Db, c: CycleRow): Promise<DossierAddressing> {
  const [ancestors, [self]] = await Promise.all([
    ancestorsOf(db, { id: c.orgUnitId, path: c.unitPath }),
    db
      .select({ kind: orgUnits.kind, name: orgUnits.name, fullName: orgUnits.fullName })
      .from(orgUnits)
      .where(eq(orgUnits.id, c.orgUnitId)),
  ]);
  const unit = self ?? { kind: c.unitType, name: c.orgUnitName, fullName: c.orgUnitName };
  return addressingOf({ ...unit, unitType: c.unitType }, ancestors, c.recognisingAuthority);
}
