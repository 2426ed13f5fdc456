/** One step on the canvas: its look by kind, a target handle on the left and one handle per exit on the right. */
import { Handle, Position, useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react';
import { memo, useEffect } from 'react';
import type { StepData } from '../model/canvas-graph.js';
import { exitsOf } from '../model/exits.js';
import { kindOf } from '../model/node-kinds.js';
import { stepSummary } from '../model/step-summary.js';
import { KindIcon } from './KindIcon.js';

export type StepNodeType = Node<StepData, 'step'>;

function StepNodeView({ data, selected }: NodeProps<StepNodeType>) {
  const { id, node, isStart, problems, onPath, mark, count } = data;
  const kind = kindOf(node);
  const exits = exitsOf(id, node);
  const handleIds = exits.map((exit) => exit.id).join('|');
  const updateNodeInternals = useUpdateNodeInternals();
  // React Flow caches handle positions; outcomes and rules added or renamed must be re-measured.
  useEffect(() => updateNodeInternals(id), [id, handleIds, updateNodeInternals]);
  const title = stepSummary(node);
  const classes = [
    'step',
    selected ? 'selected' : '',
    problems.length ? 'has-problems' : '',
    onPath ? 'on-path' : '',
    mark ? `mark-${mark}` : '',
  ];
  return (
    <div
      className={classes.join(' ')}
      style={{ ['--kind' as string]: kind.colour }}
      data-step={id}
      aria-label={`${kind.label} ${id}`}
    >
      <Handle type="target" position={Position.Left} className="in" />
      <header>
        <KindIcon name={kind.icon} />
        <span className="kind">{kind.label}</span>
        {isStart && <span className="start-badge">start</span>}
        {mark && <span className={`mark-badge ${mark}`}>{mark}</span>}
        {count !== undefined && (
          <span className="count-badge" title="Replayed requests through this step (draft, then published)">
            {count}
          </span>
        )}
        {problems.length > 0 && (
          <span className="problem-badge" title={problems.join('\n')}>
            ⚠ {problems.length}
          </span>
        )}
      </header>
      <div className="title">{title}</div>
      <div className="node-id">{id}</div>
      {exits.length > 0 && (
        <ul className="exits">
          {exits.map((exit) => (
            <li key={exit.id} className={exit.slot ? 'slot' : exit.to ? 'wired' : 'unwired'}>
              <span title={exit.label}>{exit.label}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={exit.id}
                className="out"
                data-exit={exit.id}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const StepNode = memo(StepNodeView);

/** Stable across renders, as React Flow requires. */
export const nodeTypes = { step: StepNode };
