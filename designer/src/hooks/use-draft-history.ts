/** The draft under edit with undo/redo: canvas edits, YAML text edits and loads all go through here. */
import type { WorkflowDefinition, WorkflowYamlError } from '@civicdesk/schemas';
import { useCallback, useMemo, useState } from 'react';
import { readDraft, withDefinition, type Draft } from '../model/draft.js';
import { record, redo, startHistory, undo, type History } from '../model/history.js';

export type DraftEditor = {
  draft: Draft;
  /** The YAML text shown, which may be ahead of the draft while it does not parse. */
  yamlText: string;
  yamlErrors: WorkflowYamlError[];
  canUndo: boolean;
  canRedo: boolean;
  edit(change: (definition: WorkflowDefinition) => WorkflowDefinition, merge?: string): void;
  editYaml(text: string): void;
  load(draft: Draft): void;
  undo(): void;
  redo(): void;
};

type State = { history: History<Draft>; yamlText: string; yamlErrors: WorkflowYamlError[] };

export function useDraftHistory(initial: Draft): DraftEditor {
  const [state, setState] = useState<State>(() => ({
    history: startHistory(initial),
    yamlText: initial.yaml,
    yamlErrors: [],
  }));
  const settle = (history: History<Draft>): State => ({
    history,
    yamlText: history.present.yaml,
    yamlErrors: [],
  });

  const edit = useCallback(
    (change: (definition: WorkflowDefinition) => WorkflowDefinition, merge?: string) => {
      setState((s) => {
        const draft = withDefinition(s.history.present, change(s.history.present.definition));
        return settle(record(s.history, draft, merge));
      });
    },
    [],
  );

  const editYaml = useCallback((text: string) => {
    setState((s) => {
      const { draft, errors } = readDraft(text);
      if (!draft) return { ...s, yamlText: text, yamlErrors: errors };
      return { history: record(s.history, draft, 'yaml'), yamlText: text, yamlErrors: errors };
    });
  }, []);

  const load = useCallback(
    (draft: Draft) => setState({ history: startHistory(draft), yamlText: draft.yaml, yamlErrors: [] }),
    [],
  );
  const undoEdit = useCallback(() => setState((s) => settle(undo(s.history))), []);
  const redoEdit = useCallback(() => setState((s) => settle(redo(s.history))), []);

  return useMemo(
    () => ({
      draft: state.history.present,
      yamlText: state.yamlText,
      yamlErrors: state.yamlErrors,
      canUndo: state.history.past.length > 0,
      canRedo: state.history.future.length > 0,
      edit,
      editYaml,
      load,
      undo: undoEdit,
      redo: redoEdit,
    }),
    [state, edit, editYaml, load, undoEdit, redoEdit],
  );
}
