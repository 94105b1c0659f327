import type { ApiIssue } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { VersionedCache } from "../../kernel/cache-version";
import { validationFailed } from "../../kernel/errors";
import { bodiesOf, findCurrentUnit, listCurrentUnits, ORG_UNITS_CACHE } from "../org-units";
import { remoteCommunes } from "./citizen.table";

export type RoutedUnit = {
  id: string;
  name: string;
  path: string;
  provinceId: string;
  bodyId: string | null;
  remote: boolean;
};

/** A current province or commune: the only units a citizen's report can be routed to. */
const currentUnit = (db: Db, id: string) => findCurrentUnit(db, id, ["province", "commune"]);

/** The place picker of the citizen forms: current provinces, or the current communes of one. */
export function routableUnits(db: Db, provinceId?: string): Promise<{ id: string; name: string }[]> {
  return listCurrentUnits(db, provinceId ? { kind: "commune", provinceId } : { kind: "province" });
}

/**
 * Routing answers change only when units, bodies or the remote-commune list change, so they are
 * kept in memory for a few minutes: the public submission path then reads the cache versions
 * instead of the unit, its bodies and the remote list. Setting a remote commune bumps ROUTING_CACHE
 * in its transaction, and every write to units or bodies bumps org-units' version (migration 0056),
 * so the next report on any app process is routed by what was committed.
 */
export const ROUTING_CACHE = "citizen-routing";
const cache = new VersionedCache<RoutedUnit>(ROUTING_CACHE, {
  ttlMs: 5 * 60_000,
  maxEntries: 10_000,
  alsoNames: [ORG_UNITS_CACHE],
});

export function routeToUnit(
  db: Db,
  input: { provinceId?: string | undefined; communeId?: string | undefined },
  bodyKind: string,
): Promise<RoutedUnit> {
  const key = `${input.provinceId ?? ""}|${input.communeId ?? ""}|${bodyKind}`;
  return cache.get(db, key, () => resolveUnit(db, input, bodyKind));
}

/**
 * The unit that receives a citizen's report: the chosen commune, else the chosen province, with
 * the unit's body of `bodyKind` (police for tips). Rejects a commune outside the chosen province.
 */
async function resolveUnit(
  db: Db,
  input: { provinceId?: string | undefined; communeId?: string | undefined },
  bodyKind: string,
): Promise<RoutedUnit> {
  const issues: ApiIssue[] = [];
  const province = input.provinceId ? await currentUnit(db, input.provinceId) : undefined;
  const commune = input.communeId ? await currentUnit(db, input.communeId) : undefined;
  if (input.provinceId && province?.kind !== "province") {
    issues.push({ path: "provinceId", message: "Tỉnh, thành phố không tồn tại" });
  }
  if (input.communeId && commune?.kind !== "commune") {
    issues.push({ path: "communeId", message: "Xã, phường không tồn tại" });
  } else if (commune && province && commune.provinceId !== province.id) {
    issues.push({ path: "communeId", message: "Xã, phường không thuộc tỉnh, thành phố đã chọn" });
  }
  if (!input.provinceId && !input.communeId) {
    issues.push({ path: "provinceId", message: "Chọn tỉnh, thành phố nơi xảy ra vụ việc" });
  }
  if (issues.length) throw validationFailed(issues);
  const unit = (commune ?? province)!;
  const [bodies, remote] = await Promise.all([
    bodiesOf(db, [unit.id]),
    db
      .select({ id: remoteCommunes.orgUnitId })
      .from(remoteCommunes)
      .where(eq(remoteCommunes.orgUnitId, unit.id)),
  ]);
  return {
    id: unit.id,
    name: unit.fullName,
    path: unit.path,
    provinceId: unit.kind === "province" ? unit.id : unit.provinceId!,
    bodyId: bodies.find((b) => b.kind === bodyKind)?.id ?? null,
    remote: remote.length > 0,
  };
}
