// Workflows as data: each module with a status lifecycle exports, next to its contract,
//
//   export const X_TRANSITIONS = { draft: ["submitted"], … } as const satisfies Transitions<XStatus>;
//
// listing every status (a final one has no moves), and everyone asks the table through these helpers:
// the server's commands before they write, the web before it offers a move.

/** Which statuses may follow each status. */
export type Transitions<S extends string> = { readonly [K in S]: readonly S[] };

/** Whether a status read as a string (from the database, say) is one of the workflow's. */
export function isStatusOf<S extends string>(table: Transitions<S>, status: string): status is S {
  return Object.hasOwn(table, status);
}

/** Whether `to` may follow `from`; an unknown `from` has no moves. */
export function canTransition<S extends string>(table: Transitions<S>, from: string, to: S): boolean {
  return isStatusOf(table, from) && (table[from] as readonly string[]).includes(to);
}

/** The statuses that may follow `from` (none for a final or unknown status). */
export function nextStatuses<S extends string>(table: Transitions<S>, from: string): readonly S[] {
  return isStatusOf(table, from) ? table[from] : [];
}

/** A final status: nothing may follow it. */
export function isFinal<S extends string>(table: Transitions<S>, status: string): boolean {
  return nextStatuses(table, status).length === 0;
}

/** Every move of a table as [from, to] pairs (for tests and for checking richer tables against it). */
export function transitionPairs<S extends string>(table: Transitions<S>): [S, S][] {
  return (Object.keys(table) as S[]).flatMap((from) => table[from].map((to): [S, S] => [from, to]));
}
