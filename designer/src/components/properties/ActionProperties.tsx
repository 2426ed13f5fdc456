/** Action fields: hand-made forms for status and notes, schema-driven forms for the other kinds. */
import { extendedStatus, type ActionNode } from '@civicdesk/schemas';
import { SelectField, TextField } from './fields.js';
import { SchemaProperties } from './SchemaProperties.js';
import { TargetSelect } from './TargetSelect.js';

const statuses = extendedStatus.options.map((s) => ({ value: s, label: s.replace(/_/g, ' ') }));
type Props = { node: ActionNode; targets: string[]; onChange(node: ActionNode, merge?: string): void };

export function ActionProperties({ node, targets, onChange }: Props) {
  const next = (
    <TargetSelect
      label="Then"
      value={node.next}
      targets={targets}
      onChange={(to) => onChange({ ...node, next: to })}
    />
  );
  switch (node.action) {
    case 'set_status':
      return (
        <>
          <SelectField
            label="Status"
            value={node.status}
            options={statuses}
            onChange={(status) => onChange({ ...node, status: status as typeof node.status })}
          />
          <TextField
            label="Note"
            multiline
            value={node.note ?? ''}
            onChange={(note) => onChange({ ...node, note }, 'note')}
          />
          {next}
        </>
      );
    case 'note':
      return (
        <>
          <TextField
            label="Note"
            multiline
            value={node.note}
            onChange={(note) => onChange({ ...node, note }, 'note')}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={node.public}
              onChange={(e) => onChange({ ...node, public: e.target.checked })}
            />{' '}
            Residents can see it
          </label>
          {next}
        </>
      );
    default:
      return (
        <SchemaProperties
          node={node}
          targets={targets}
          onChange={(next, merge) => onChange(next as ActionNode, merge)}
        />
      );
  }
}
