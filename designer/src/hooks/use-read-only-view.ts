/** Opening versions, diffs and live runs on the canvas, and restoring a version as the draft. */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { useCallback, useState } from 'react';
import { api, errorMessage } from '../api/client.js';
import type { Run } from '../components/LivePanel.js';
import type { Side } from '../components/HistoryPanel.js';
import { diffView } from '../model/diff-view.js';
import { readDraft, type Draft } from '../model/draft.js';
import { runMarks, type ReadOnlyView } from '../model/read-only-view.js';

type Deps = {
  slug: string;
  draft: Draft;
  /** Saves a draft on the current revision (a CONFLICT is reported as on Save). */
  save(draft: Draft): Promise<boolean>;
  /** Puts restored YAML in the editor as one undoable change. */
  replaceYaml(yaml: string): void;
};

export type ReadOnlyViews = {
  view: ReadOnlyView | null;
  error: string | null;
  openVersion(version: number): Promise<void>;
  compare(from: Side, to: Side): Promise<void>;
  restore(version: number): Promise<boolean>;
  showRun(run: Run): void;
  close(): void;
};

export function useReadOnlyView({ slug, draft, save, replaceYaml }: Deps): ReadOnlyViews {
  const [view, setView] = useState<ReadOnlyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetchVersion = useCallback(
    (version: number) => api.workflows.version.query({ slug, version }),
    [slug],
  );
  const sideOf = useCallback(
    async (side: Side): Promise<WorkflowDefinition> =>
      side === 'draft' ? draft.definition : definitionOf((await fetchVersion(side)).yaml),
    [draft.definition, fetchVersion],
  );
  const guarded = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await work();
      setError(null);
      return result;
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    }
  }, []);

  const openVersion = useCallback(
    async (version: number) => {
      const row = await guarded(() => fetchVersion(version));
      if (row)
        setView({
          kind: 'version',
          title: `Version ${version} of ${slug}`,
          definition: definitionOf(row.yaml),
        });
    },
    [guarded, fetchVersion, slug],
  );
  const compare = useCallback(
    async (from: Side, to: Side) => {
      const sides = await guarded(() => Promise.all([sideOf(from), sideOf(to)]));
      if (!sides) return;
      const shown = diffView(sides[0], sides[1]);
      const name = (side: Side) => (side === 'draft' ? 'the draft' : `v${side}`);
      setView({
        kind: 'diff',
        title: `Changes from ${name(from)} to ${name(to)}`,
        definition: shown.definition,
        marks: shown.nodeMarks,
        edgeMarks: shown.edgeMarks,
        diff: shown.diff,
      });
    },
    [guarded, sideOf],
  );
  const restore = useCallback(
    async (version: number) => {
      const row = await guarded(() => fetchVersion(version));
      const restored = row && readDraft(row.yaml).draft;
      if (!restored || !(await save(restored))) return false;
      replaceYaml(restored.yaml);
      setView(null);
      return true;
    },
    [guarded, fetchVersion, save, replaceYaml],
  );
  const showRun = useCallback((run: Run) => {
    if (!run.workflow) return setError(`Request ${run.serviceRequestId} has no workflow version pinned.`);
    setView({
      kind: 'run',
      title: `Request ${run.serviceRequestId} on ${run.workflow.slug} v${run.workflow.version}`,
      definition: definitionOf(run.workflow.yaml),
      marks: runMarks(run.path, run.current),
      path: run.path,
    });
  }, []);
  const close = useCallback(() => setView(null), []);
  return { view, error, openVersion, compare, restore, showRun, close };
}

/** A published version's definition read from its YAML, which keeps the canvas layout. */
function definitionOf(yaml: string): WorkflowDefinition {
  const { draft, errors } = readDraft(yaml);
  if (!draft) throw new Error(`This version's YAML does not parse: ${errors[0]?.message ?? ''}`);
  return draft.definition;
}
