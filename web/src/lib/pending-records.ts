/**
 * How many records the offline capture still holds for an account. The capture feature registers
 * its counter when it loads; signing out asks it first (and warns), without importing the feature.
 */
let counter: ((accountId: string) => Promise<number>) | null = null;

export function registerPendingCounter(fn: (accountId: string) => Promise<number>): void {
  counter = fn;
}

export async function pendingRecords(accountId: string): Promise<number> {
  try {
    return counter ? await counter(accountId) : 0;
  } catch {
    return 0;
  }
}
