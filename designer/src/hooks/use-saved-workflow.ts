/** Opening, saving and publishing through the API, remembering the revision a save must build on. */
import { useCallback, useState } from 'react';
import { api, errorCode, errorMessage } from '../api/client.js';
import type { Draft } from '../model/draft.js';
import { readDraft } from '../model/draft.js';

export type SaveState = { baseRevision: number | null; message: string | null; tone: 'info' | 'error' };

export type SavedWorkflow = SaveState & {
  open(slug: string): Promise<Draft | null>;
  startNew(): void;
  save(draft: Draft): Promise<boolean>;
  publish(draft: Draft): Promise<void>;
};

export function useSavedWorkflow(): SavedWorkflow {
  const [state, setState] = useState<SaveState>({ baseRevision: null, message: null, tone: 'info' });
  const fail = (error: unknown, prefix: string) => {
    const conflict = errorCode(error) === 'CONFLICT';
    setState((s) => ({
      ...s,
      tone: 'error',
      message: `${prefix}${conflict ? ' (conflict)' : ''}: ${errorMessage(error)}`,
    }));
  };

  const open = useCallback(async (slug: string) => {
    try {
      const workflow = await api.workflows.get.query({ slug });
      const { draft, errors } = readDraft(workflow.draftYaml);
      setState({
        baseRevision: workflow.draftRevision,
        tone: 'info',
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
  }, []);

  const startNew = useCallback(
    () => setState({ baseRevision: null, message: 'New workflow: draw it, then save.', tone: 'info' }),
    [],
  );

  const save = useCallback(
    async (draft: Draft) => {
      try {
        const saved = await api.workflows.saveDraft.mutate({
          yaml: draft.yaml,
          baseRevision: state.baseRevision,
        });
        setState({
          baseRevision: saved.draftRevision,
          tone: 'info',
          message: `Saved draft revision ${saved.draftRevision}.`,
        });
        return true;
      } catch (error) {
        fail(error, 'Not saved');
        return false;
      }
    },
    [state.baseRevision],
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
    [save],
  );

  return { ...state, open, startNew, save, publish };
}
