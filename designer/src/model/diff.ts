/** What changed between two workflow definitions: nodes and wires added, removed or changed. */
import { nodeEdges, type WorkflowDefinition } from '@civicdesk/schemas';

export type WireChange = { id: string; from: string; field: string; to: string; before?: string };

export type WorkflowDiff = {
  added: string[];
  removed: string[];
  /** Nodes in both whose settings differ (position on the canvas does not count). */
  changed: string[];
  addedWires: WireChange[];
  removedWires: WireChange[];
  /** Same exit of the same node, now wired elsewhere: `before` is the old target. */
  rewired: WireChange[];
};

/** Compares `before` with `after` so a reviewer sees exactly what a publish or restore would change. */
export function diffWorkflows(before: WorkflowDefinition, after: WorkflowDefinition): WorkflowDiff {
  const oldIds = Object.keys(before.nodes);
  const newIds = Object.keys(after.nodes);
  const oldWires = wiresOf(before);
  const newWires = wiresOf(after);
  return {
    added: newIds.filter((id) => !(id in before.nodes)),
    removed: oldIds.filter((id) => !(id in after.nodes)),
    changed: newIds.filter(
      (id) => id in before.nodes && canonical(before.nodes[id]) !== canonical(after.nodes[id]),
    ),
    addedWires: [...newWires.values()].filter((w) => !oldWires.has(w.id)),
    removedWires: [...oldWires.values()].filter((w) => !newWires.has(w.id)),
    rewired: [...newWires.values()].flatMap((w) => {
      const old = oldWires.get(w.id);
      return old && old.to !== w.to ? [{ ...w, before: old.to }] : [];
    }),
  };
}

/** True when the two definitions differ in any node or wire. */
export function hasChanges(diff: WorkflowDiff): boolean {
  return Object.values(diff).some((list) => list.length > 0);
}

function wiresOf(definition: WorkflowDefinition): Map<string, WireChange> {
  const wires = Object.entries(definition.nodes).flatMap(([from, node]) =>
    nodeEdges(from, node).map((e) => ({ id: `${from}:${e.field}`, from, field: e.field, to: String(e.to) })),
  );
  return new Map(wires.map((w) => [w.id, w]));
}

/** JSON with sorted keys, so YAML key order typed by hand is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
