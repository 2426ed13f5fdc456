/** Task fields: what staff see, who gets it, how long they have, and the outcomes they can choose. */
import { taskNode, type TaskNode } from '@civicdesk/schemas';
import type { DepartmentInfo } from '../../hooks/use-reference-data.js';
import { freeId } from '../../model/node-templates.js';
import { SelectField, TextField } from './fields.js';
import { SlaField } from './SlaField.js';
import { TargetSelect } from './TargetSelect.js';

type Props = {
  node: TaskNode;
  targets: string[];
  departments: DepartmentInfo[];
  onChange(node: TaskNode, merge?: string): void;
};

const kinds = taskNode.shape.kind.unwrap().options.map((k) => ({ value: k, label: k }));

export function TaskProperties({ node, targets, departments, onChange }: Props) {
  const department = departments.find((d) => d.code === node.assign.department);
  const outcomes = Object.entries(node.outcomes);
  const setOutcomes = (entries: [string, string][]) =>
    onChange({ ...node, outcomes: Object.fromEntries(entries) });
  return (
    <>
      <TextField
        label="Title"
        value={node.title}
        onChange={(title) => onChange({ ...node, title }, 'title')}
      />
      <SelectField
        label="Kind"
        value={node.kind}
        options={kinds}
        onChange={(kind) => onChange({ ...node, kind: kind as TaskNode['kind'] })}
      />
      <SelectField
        label="Department"
        value={node.assign.department}
        options={departments.map((d) => ({ value: d.code, label: d.name }))}
        onChange={(code) => onChange({ ...node, assign: { department: code } })}
      />
      <SelectField
        label="Role"
        value={node.assign.role ?? ''}
        options={[
          { value: '', label: 'anyone in the department' },
          ...(department?.roles ?? []).map((r) => ({ value: r.code, label: r.name })),
        ]}
        onChange={(role) =>
          onChange({
            ...node,
            assign: role ? { ...node.assign, role } : { department: node.assign.department },
          })
        }
      />
      <SlaField
        value={node.sla}
        onChange={(sla) => {
          const { sla: _old, ...rest } = node;
          onChange(sla === undefined ? rest : { ...rest, sla }, 'sla');
        }}
      />
      <fieldset>
        <legend>Outcomes</legend>
        {outcomes.length === 0 && <p className="hint">Staff need at least one outcome to finish the task.</p>}
        {outcomes.map(([name, to], index) => (
          <div className="row" key={index}>
            <input
              aria-label="Outcome name"
              value={name}
              onChange={(e) =>
                setOutcomes(outcomes.map((o, i) => (i === index ? [e.target.value, o[1]] : o)))
              }
            />
            <TargetSelect
              label="leads to"
              value={to}
              targets={targets}
              onChange={(t) => setOutcomes(outcomes.map((o, i) => (i === index ? [o[0], t] : o)))}
            />
            <button
              type="button"
              aria-label={`Remove outcome ${name}`}
              onClick={() => setOutcomes(outcomes.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setOutcomes([
              ...outcomes,
              [
                freeId(Object.keys(node.outcomes), outcomes.length ? 'outcome' : 'done').replace(/-/g, '_'),
                '',
              ],
            ])
          }
        >
          + Add outcome
        </button>
      </fieldset>
    </>
  );
}
