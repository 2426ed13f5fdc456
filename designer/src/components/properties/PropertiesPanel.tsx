/** The selected step's properties, by type; with nothing selected, the workflow's own fields. */
import type { WorkflowDefinition, WorkflowNode } from '@civicdesk/schemas';
import type { ReferenceData } from '../../hooks/use-reference-data.js';
import { deleteNodes, renameNode, setStart, updateNode } from '../../model/edit.js';
import type { Fact } from '../../model/fact-catalogue.js';
import { kindOf } from '../../model/node-kinds.js';
import { ActionProperties } from './ActionProperties.js';
import { DecisionProperties } from './DecisionProperties.js';
import { EndProperties } from './EndProperties.js';
import { CommitField } from './fields.js';
import { SchemaProperties } from './SchemaProperties.js';
import { TaskProperties } from './TaskProperties.js';
import { WorkflowProperties } from './WorkflowProperties.js';
import { KindIcon } from '../KindIcon.js';

type Props = {
  definition: WorkflowDefinition;
  selected: string[];
  reference: ReferenceData;
  catalogue: readonly Fact[];
  problems: Map<string, string[]>;
  edit(change: (definition: WorkflowDefinition) => WorkflowDefinition, merge?: string): void;
  onSelect(ids: string[]): void;
};

export function PropertiesPanel({
  definition,
  selected,
  reference,
  catalogue,
  problems,
  edit,
  onSelect,
}: Props) {
  const id = selected.length === 1 ? selected[0]! : undefined;
  const node = id ? definition.nodes[id] : undefined;
  if (!id || !node) {
    return selected.length > 1 ? (
      <p className="hint">{selected.length} steps selected. Press Delete to remove them or Ctrl+C to copy.</p>
    ) : (
      <WorkflowProperties definition={definition} services={reference.services} edit={edit} />
    );
  }
  const targets = Object.keys(definition.nodes);
  const change = (next: WorkflowNode, merge?: string) =>
    edit((d) => updateNode(d, id, next), merge && `${id}:${merge}`);
  const kind = kindOf(node);
  const rename = (to: string) => {
    edit((d) => renameNode(d, id, to));
    onSelect([to]);
  };
  const checkId = (to: string) =>
    !/^[a-z][a-z0-9_-]{0,63}$/.test(to)
      ? 'Use lowercase letters, digits, "-" or "_", starting with a letter'
      : definition.nodes[to]
        ? `There is already a step '${to}'; pick another id`
        : null;
  return (
    <section className="properties" aria-label={`Properties of ${id}`}>
      <h2 style={{ color: kind.colour }}>
        <KindIcon name={kind.icon} /> {kind.label}
      </h2>
      {(problems.get(id) ?? []).map((message) => (
        <p className="problem" key={message}>
          ⚠ {message}
        </p>
      ))}
      <CommitField
        label="Step id"
        value={id}
        hint="lowercase letters, digits, - or _; unique in this workflow"
        onCommit={rename}
        check={checkId}
      />
      {body(node, targets, reference, catalogue, change)}
      <div className="row">
        <button type="button" disabled={definition.start === id} onClick={() => edit((d) => setStart(d, id))}>
          Make this the start
        </button>
        <button type="button" className="danger" onClick={() => edit((d) => deleteNodes(d, [id]))}>
          Delete step
        </button>
      </div>
    </section>
  );
}

function body(
  node: WorkflowNode,
  targets: string[],
  reference: ReferenceData,
  catalogue: readonly Fact[],
  change: (node: WorkflowNode, merge?: string) => void,
) {
  switch (node.type) {
    case 'task':
      return (
        <TaskProperties node={node} targets={targets} departments={reference.departments} onChange={change} />
      );
    case 'decision':
      return <DecisionProperties node={node} targets={targets} catalogue={catalogue} onChange={change} />;
    case 'action':
      return <ActionProperties node={node} targets={targets} onChange={change} />;
    case 'end':
      return <EndProperties node={node} onChange={change} />;
    default:
      return <SchemaProperties node={node} targets={targets} onChange={change} />;
  }
}
