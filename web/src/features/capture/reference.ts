import type {
  CommitmentTemplateList,
  CurrentUser,
  GroupMemberPage,
  GroupPage,
  HouseholdPageSchema,
  OrganizerBodies,
} from "@toandan/contracts";
import { todayInVietnam } from "@toandan/contracts";
import { liveQuery } from "dexie";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { api } from "../../api/client";
import { defaultUnitId } from "../../lib/scope";
import { captureDb, type CaptureDb } from "./outbox/db";

type HouseholdPage = z.infer<typeof HouseholdPageSchema>;

export type RefHousehold = {
  id: string;
  headName: string;
  address: string;
  members: number;
  version?: number;
};
export type RefMember = { id: string; fullName: string; role: string | null };
export type RefTeam = { id: string; name: string; typeCode: string; typeName: string; members: RefMember[] };

/** What the capture forms choose from, kept on the device and refreshed when online. */
export type ReferenceData = {
  unitId: string;
  unitName: string;
  /** The unit's bodies, then each ancestor's: the organisers an activity may name. */
  levels: OrganizerBodies["levels"];
  households: RefHousehold[];
  teams: RefTeam[];
  templates: { id: string; name: string }[];
};

/** The area the capture screens work on: the account's first role's unit. */
export function captureUnit(user: CurrentUser): { id: string; name: string } | null {
  const role = user.roles[0];
  const id = defaultUnitId(user);
  return role && id ? { id, name: role.orgUnitName } : null;
}

async function allPages<T>(
  get: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 40; i++) {
    const page = await get(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** Reads the reference data from the existing GET operations (a few requests per area). */
export async function fetchReferenceData(unitId: string, unitName: string): Promise<ReferenceData> {
  const today = todayInVietnam();
  const [organizers, households, groups, templates] = await Promise.all([
    api<OrganizerBodies>(`/org-units/${unitId}/organizer-bodies`),
    allPages((cursor) =>
      api<HouseholdPage>("/households", { query: { orgUnitId: unitId, cursor, limit: 100 } }),
    ),
    allPages((cursor) => api<GroupPage>("/groups", { query: { orgUnitId: unitId, cursor, limit: 100 } })),
    api<CommitmentTemplateList>("/commitment-templates", { query: { orgUnitId: unitId } }),
  ]);
  const active = groups.filter((g) => g.status !== "dissolved");
  const teams = await Promise.all(
    active.map(async (g) => {
      const members = await allPages((cursor) =>
        api<GroupMemberPage>(`/groups/${g.id}/members`, { query: { activeOn: today, cursor, limit: 100 } }),
      );
      return {
        id: g.id,
        name: g.name,
        typeCode: g.typeCode,
        typeName: g.typeName,
        members: members.map((m) => ({ id: m.id, fullName: m.fullName, role: m.role })),
      };
    }),
  );
  return {
    unitId,
    unitName,
    levels: organizers.levels,
    households: households
      .filter((h) => !h.movedOutOn)
      .map((h) => ({
        id: h.id,
        headName: h.headName,
        address: h.address,
        members: h.members,
        version: (h as { version?: number }).version,
      })),
    teams,
    templates: templates.items.map((t) => ({ id: t.id, name: t.name })),
  };
}

function refKey(accountId: string, unitId: string) {
  return `${accountId}:${unitId}`;
}

export async function refreshReferenceData(
  db: CaptureDb,
  accountId: string,
  unit: { id: string; name: string },
): Promise<void> {
  const data = await fetchReferenceData(unit.id, unit.name);
  await db.reference.put({
    key: refKey(accountId, unit.id),
    accountId,
    name: "capture",
    data,
    fetchedAt: Date.now(),
  });
}

export type ReferenceState = {
  data: ReferenceData | null;
  fetchedAt: number | null;
  refreshing: boolean;
  error: unknown;
};

/** The cached reference data (live), refreshed once from the server when the screen opens online. */
export function useReferenceData(user: CurrentUser): ReferenceState & { refresh: () => void } {
  const unit = captureUnit(user);
  const [state, setState] = useState<ReferenceState>({
    data: null,
    fetchedAt: null,
    refreshing: false,
    error: null,
  });
  const [tick, setTick] = useState(0);
  const key = unit ? refKey(user.id, unit.id) : null;

  useEffect(() => {
    if (!key) return;
    const sub = liveQuery(() => captureDb().reference.get(key)).subscribe({
      next: (row) =>
        setState((s) => ({
          ...s,
          data: (row?.data as ReferenceData | undefined) ?? null,
          fetchedAt: row?.fetchedAt ?? null,
        })),
    });
    return () => sub.unsubscribe();
  }, [key]);

  const unitId = unit?.id;
  const unitName = unit?.name;
  useEffect(() => {
    if (!unitId || !unitName || !navigator.onLine) return;
    let alive = true;
    queueMicrotask(() => alive && setState((s) => ({ ...s, refreshing: true, error: null })));
    refreshReferenceData(captureDb(), user.id, { id: unitId, name: unitName })
      .then(() => alive && setState((s) => ({ ...s, refreshing: false })))
      .catch((error: unknown) => alive && setState((s) => ({ ...s, refreshing: false, error })));
    return () => {
      alive = false;
    };
  }, [user.id, unitId, unitName, tick]);

  return { ...state, refresh: () => setTick((n) => n + 1) };
}
