/** Workflow time for timers. The one place workflow code reads the clock, and why it is safe. */

/**
 * Now, in workflow time: inside the workflow sandbox `Date.now()` is set by Temporal at the start of
 * each workflow task and replays to the same value, so it is deterministic (unlike in the core).
 */
export function workflowNow(): number {
  // eslint-disable-next-line no-restricted-globals -- Temporal's deterministic workflow clock (see above).
  return Date.now();
}
