/**
 * Opening, saving and publishing through the API, remembering the revision a save must build on.
 * Saves run one after another (an autosave and a click never race on the same revision), and the last
 * outcome is kept so the toolbar can say "All changes saved 14:03" or "Not saved: <reason>".
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { api, errorCode, errorMessage } from '../api/client.js';
import type { Draft } from '../model/draft.js';
import { readDraft } from '../model/draft.js';

export type SaveState = {
  baseRevision: number | null;
  message: string | null;
  tone: 'info' | 'error';
  /** The YAML the server holds for this draft (as opened or last saved); null for a new workflow. */
  savedYaml: string | null;
  savedAt: Date | null;
  saving: boolean;
  /** Why the last save failed, if it did; `conflict` when someone else saved meanwhile. */
  failure: { reason: string; conflict: boolean } | null;
};

export type SavedWorkflow = SaveState & {
  open(slug: string): Promise<Draft | null>;
  startNew(): void;
  /** Saves on the current revision; `auto` saves stay quiet in the status line unless they fail. */
  save(draft: Draft, how?: 'manual' | 'auto'): Promise<boolean>;
  publish(draft: Draft): Promise<void>;
};

const initial: SaveState = {
  baseRevision: null,
  message: null,
  tone: 'info',
  savedYaml: null,
  savedAt: null,
  saving: false,
  failure: null,
};

export function useSavedWorkflow(): SavedWorkflow {
  const [state, setState] = useState<SaveState>(initial);
  // The revision the next save builds on, read when that save actually runs (not when it was asked for).
  const base = useRef<number | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const fail = useCallback((error: unknown, prefix: string) => {
    const conflict = errorCode(error) === 'CONFLICT';
    const reason = errorMessage(error);
    setState((s) => ({
      ...s,
      saving: false,
      tone: 'error',
      message: `${prefix}${conflict ? ' (conflict)' : ''}: ${reason}`,
      ...(prefix === 'Not saved' ? { failure: { reason, conflict } } : {}),
    }));
  }, []);

  const open = useCallback(
    async (slug: string) => {
      try {
        const workflow = await api.workflows.get.query({ slug });
        const { draft, errors } = readDraft(workflow.draftYaml);
        base.current = workflow.draftRevision;
        setState({
          ...initial,
          baseRevision: workflow.draftRevision,
          savedYaml: workflow.draftYaml,
          savedAt: new Date(workflow.updatedAt),
          message: `Opened ${slug} (draft revision ${workflow.draftRevision}, ${workflow.versions.length} published versions).`,
        });
        if (!draft)
          setState((s) => ({
            ...s,
            tone: 'error',
            message: `The saved draft does not parse: ${errors[0]?.message ?? ''}`,
          }));
        return draft ?? null;
      } catch (error) {
        fail(error, 'Could not open');
        return null;
      }
    },
    [fail],
  );

  const startNew = useCallback(() => {
    base.current = null;
    setState({ ...initial, message: 'New workflow: draw it, then save.' });
  }, []);

  const save = useCallback(
    (draft: Draft, how: 'manual' | 'auto' = 'manual') => {
      const run = async () => {
        setState((s) => ({ ...s, saving: true }));
        try {
          const saved = await api.workflows.saveDraft.mutate({
            yaml: draft.yaml,
            baseRevision: base.current,
          });
          base.current = saved.draftRevision;
          setState((s) => ({
            ...s,
            baseRevision: saved.draftRevision,
            savedYaml: draft.yaml,
            savedAt: new Date(saved.updatedAt),
            saving: false,
            failure: null,
            ...(how === 'manual' || s.tone === 'error'
              ? { tone: 'info' as const, message: `Saved draft revision ${saved.draftRevision}.` }
              : {}),
          }));
          return true;
        } catch (error) {
          fail(error, 'Not saved');
          return false;
        }
      };
      const result = queue.current.then(run);
      queue.current = result;
      return result;
    },
    [fail],
  );

  const publish = useCallback(
    async (draft: Draft) => {
      if (!(await save(draft))) return;
      try {
        const version = await api.workflows.publish.mutate({ slug: draft.definition.workflow });
        setState((s) => ({
          ...s,
          tone: 'info',
          message: `Published version ${version.version}. New requests use it from now on.`,
        }));
      } catch (error) {
        fail(error, 'Not published');
      }
    },
    [save, fail],
  );

  return useMemo(() => ({ ...state, open, startNew, save, publish }), [state, open, startNew, save, publish]);
}
