/** What the canvas shows instead of the draft: a published version, a diff or a live run, all read-only. */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import type { WorkflowDiff } from './diff.js';
import type { Mark } from './diff-view.js';

export type ReadOnlyView = {
  kind: 'version' | 'diff' | 'run';
  /** Said in the banner, e.g. `Version 2 of pothole-repair`. */
  title: string;
  definition: WorkflowDefinition;
  marks?: ReadonlyMap<string, Mark>;
  edgeMarks?: ReadonlyMap<string, Mark>;
  /** Nodes a run passed, in order (lights the wires between them). */
  path?: readonly string[];
  diff?: WorkflowDiff;
};

/** A run's marks: every node passed is done, the one it waits at is current. */
export function runMarks(path: readonly string[], current: string | null): Map<string, Mark> {
  const marks = new Map<string, Mark>(path.map((id) => [id, 'done']));
  if (current) marks.set(current, 'current');
  return marks;
}
