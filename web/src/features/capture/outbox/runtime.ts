import type { QueryClient } from "@tanstack/react-query";
import type { SyncBatchEntry, SyncBatchResponse } from "@toandan/contracts";
import { liveQuery } from "dexie";
import { useEffect, useState } from "react";
import { api } from "../../../api/client";
import { refreshSession } from "../../../api/session";
import { captureDb, type OutboxEntry } from "./db";
import { countOthers, countOutbox, type OutboxCounts } from "./outbox";
import { SyncEngine, type SendRequest, type SyncOutcome } from "./sync";

/** One request of the outbox through the API client (CSRF, the error shape). */
function send(req: SendRequest): Promise<unknown> {
  let body = req.body;
  if (req.file) {
    const form = new FormData();
    form.append("file", new Blob([req.file.data], { type: req.file.type }), req.file.name);
    body = form;
  }
  return api<unknown>(req.path, { method: req.method, body, headers: req.headers, signal: req.signal });
}

/** Queued records in one request (syncBatch): one result per record. */
async function sendBatch(entries: SyncBatchEntry[], signal: AbortSignal) {
  const out = await api<SyncBatchResponse>("/sync/batch", { method: "POST", body: { entries }, signal });
  return out.results;
}

let engine: SyncEngine | null = null;

/** The page's one sync engine: it starts at app open and on every reconnect. */
export function syncEngine(queryClient: QueryClient): SyncEngine {
  if (engine) return engine;
  const created = new SyncEngine({
    db: captureDb(),
    send,
    sendBatch,
    read: (path) => api<unknown>(path),
    session: async () => (await refreshSession(queryClient))?.user.id ?? null,
  });
  window.addEventListener("online", () => void created.run(true).catch(() => {}));
  engine = created;
  return created;
}

const EMPTY: OutboxCounts = { waiting: 0, failed: 0, conflict: 0, locked: 0, total: 0 };

/** This account's records on the device (live) and the last sync outcome. */
export function useOutbox(accountId: string, queryClient: QueryClient) {
  const [counts, setCounts] = useState<OutboxCounts>(EMPTY);
  const [others, setOthers] = useState(0);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(() => engine?.last ?? null);
  const [syncing, setSyncing] = useState(false);

  useEffect(() => {
    const db = captureDb();
    const sub = liveQuery(() =>
      Promise.all([countOutbox(db, accountId), countOthers(db, accountId)]),
    ).subscribe({
      next: ([c, o]) => {
        setCounts(c);
        setOthers(o);
      },
    });
    return () => sub.unsubscribe();
  }, [accountId]);

  useEffect(() => {
    return syncEngine(queryClient).onOutcome(setOutcome);
  }, [queryClient]);

  const sendNow = async () => {
    setSyncing(true);
    try {
      await syncEngine(queryClient).run(true);
    } catch {
      // The outcome listener keeps the last state; the records stay on the device.
    } finally {
      setSyncing(false);
    }
  };
  return { counts, others, outcome, syncing, sendNow };
}

/** This account's records still on the device, oldest first (live). */
export function useOutboxEntries(accountId: string): OutboxEntry[] | null {
  const [rows, setRows] = useState<OutboxEntry[] | null>(null);
  useEffect(() => {
    const sub = liveQuery(() =>
      captureDb().outbox.where("accountId").equals(accountId).sortBy("seq"),
    ).subscribe({
      next: setRows,
    });
    return () => sub.unsubscribe();
  }, [accountId]);
  return rows;
}

/** How many records the account has on this device (sign-out asks first). */
export function pendingCount(accountId: string): Promise<number> {
  return captureDb().outbox.where("accountId").equals(accountId).count();
}
