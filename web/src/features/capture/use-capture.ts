import "../../locales/register-capture";
import { useQueryClient } from "@tanstack/react-query";
import { liveQuery } from "dexie";
import { useEffect, useState } from "react";
import { useCurrentUser } from "../../lib/use-session";
import { captureDb, type OutboxEntry, type SentEntry } from "./outbox/db";
import { enqueue, resubmit, sentRecord, type NewEntry } from "./outbox/outbox";
import { syncEngine } from "./outbox/runtime";
import { useReferenceData } from "./reference";

/** What every capture form needs: the user, the area's data, and "save on the phone, then send". */
export function useCapture() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const reference = useReferenceData(user);

  const kick = () => {
    if (navigator.onLine) {
      void syncEngine(queryClient)
        .run(true)
        .catch(() => {});
    }
  };
  /** Writes the records to the device (one transaction) and then tries to send them. */
  const save = async (entries: Omit<NewEntry, "accountId">[]) => {
    const ids = await enqueue(
      captureDb(),
      entries.map((e) => ({ ...e, accountId: user.id })),
    );
    kick();
    return ids;
  };
  /** A refused record, corrected: the same id goes back in the queue. */
  const fix = async (id: string, change: Parameters<typeof resubmit>[2]) => {
    await resubmit(captureDb(), id, change);
    kick();
  };
  return { user, reference, save, fix };
}

/** The outbox record a form reopens to fix (`?fix=<id>`), live. */
export function useFixEntry(id: string | undefined): OutboxEntry | null | undefined {
  const [entry, setEntry] = useState<OutboxEntry | null | undefined>(id ? undefined : null);
  useEffect(() => {
    if (!id) return;
    const sub = liveQuery(() => captureDb().outbox.where("id").equals(id).first()).subscribe({
      next: (e) => setEntry(e ?? null),
    });
    return () => sub.unsubscribe();
  }, [id]);
  return entry;
}

/**
 * A sent record to edit, named by the same `?fix=<id>` as an outbox record to fix (the server's id
 * here): the device's latest answer for it, with the version the edit starts from; null if none.
 */
export function useEditTarget(accountId: string, id: string | undefined): SentEntry | null | undefined {
  const [row, setRow] = useState<SentEntry | null | undefined>(id ? undefined : null);
  useEffect(() => {
    if (!id) return;
    const sub = liveQuery(() => sentRecord(captureDb(), accountId, id)).subscribe({ next: setRow });
    return () => sub.unsubscribe();
  }, [accountId, id]);
  return row;
}
