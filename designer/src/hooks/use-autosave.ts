/**
 * Autosave: a draft that was saved once saves itself `delayMs` after the last edit. It never
 * overwrites someone else's save: after a CONFLICT it stops until the workflow is opened again.
 */
import { useEffect } from 'react';
import type { Draft } from '../model/draft.js';
import type { SavedWorkflow } from './use-saved-workflow.js';

export const autosaveDelayMs = 1500;

/** Schedules a quiet save of `draft` when it differs from what the server holds. */
export function useAutosave(
  draft: Draft,
  saved: SavedWorkflow,
  enabled: boolean,
  delayMs = autosaveDelayMs,
): void {
  const { baseRevision, savedYaml, failure, save } = saved;
  const wanted =
    enabled && baseRevision !== null && savedYaml !== null && draft.yaml !== savedYaml && !failure?.conflict;
  useEffect(() => {
    if (!wanted) return;
    const timer = setTimeout(() => void save(draft, 'auto'), delayMs);
    return () => clearTimeout(timer);
  }, [wanted, draft, save, delayMs]);
}
