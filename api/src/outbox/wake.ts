/**
 * An in-process doorbell between intake and the outbox relay: intake rings it after committing an
 * outbox row, so a relay in the same process starts the workflow at once instead of at its next poll
 * (OUTBOX_POLL_MS). Relays in other processes still find the row by polling.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

/** Tells the relays of this process that a committed outbox row is waiting. */
export function ringOutboxDoorbell(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the doorbell rings; answers a function that stops listening. */
export function onOutboxDoorbell(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
