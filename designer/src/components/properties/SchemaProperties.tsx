/** A form for any step kind, built from the DSL schema's fields (see model/schema-fields.ts). */
import type { WorkflowNode } from '@civicdesk/schemas';
import { fieldSpecs, type FieldSpec } from '../../model/schema-fields.js';
import { JsonValueField } from './JsonValueField.js';
import { SelectField, TextField } from './fields.js';
import { TargetSelect } from './TargetSelect.js';

type Props = { node: WorkflowNode; targets: string[]; onChange(node: WorkflowNode, merge?: string): void };

const label = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');

export function SchemaProperties({ node, targets, onChange }: Props) {
  const values = node as Record<string, unknown>;
  const set = (name: string, value: unknown, merge?: string) => {
    const next: Record<string, unknown> = { ...values, [name]: value };
    if (value === undefined || value === '')
      if (fieldSpecs(node).find((f) => f.name === name)?.optional) delete next[name];
    onChange(next as WorkflowNode, merge);
  };
  return <>{fieldSpecs(node).map((field) => fieldFor(field, values[field.name], targets, set))}</>;
}

function fieldFor(
  field: FieldSpec,
  value: unknown,
  targets: string[],
  set: (name: string, value: unknown, merge?: string) => void,
) {
  const name = label(field.name);
  switch (field.kind) {
    case 'wire':
      return (
        <TargetSelect
          key={field.name}
          label={name}
          value={value as string | undefined}
          targets={targets}
          onChange={(to) => set(field.name, to)}
        />
      );
    case 'wires': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset key={field.name}>
          <legend>{name}</legend>
          {list.map((to, index) => (
            <TargetSelect
              key={index}
              label={`${name} ${index + 1}`}
              value={to}
              targets={targets}
              onChange={(next) =>
                set(field.name, list.map((old, i) => (i === index ? next : old)).filter(Boolean))
              }
            />
          ))}
          <TargetSelect
            label={`Add ${field.name.replace(/s$/, '')}`}
            value=""
            targets={targets}
            onChange={(to) => to && set(field.name, [...list, to])}
          />
        </fieldset>
      );
    }
    case 'boolean':
      return (
        <label className="check" key={field.name}>
          <input
            type="checkbox"
            checked={value === true}
            onChange={(e) => set(field.name, e.target.checked)}
          />{' '}
          {name}
        </label>
      );
    case 'choice':
      return (
        <SelectField
          key={field.name}
          label={name}
          value={value === undefined ? '' : String(value)}
          options={[
            ...(field.optional ? [{ value: '', label: '—' }] : []),
            ...(field.options ?? []).map((o) => ({ value: o, label: o.replace(/_/g, ' ') })),
          ]}
          onChange={(v) => set(field.name, v || undefined)}
        />
      );
    case 'number':
      return (
        <TextField
          key={field.name}
          label={name}
          value={value === undefined ? '' : String(value)}
          onChange={(v) => set(field.name, v === '' ? undefined : Number(v), field.name)}
        />
      );
    case 'text':
      return (
        <TextField
          key={field.name}
          label={name}
          value={value === undefined ? '' : String(value)}
          onChange={(v) => set(field.name, v, field.name)}
        />
      );
    default:
      return (
        <JsonValueField
          key={field.name}
          label={name}
          value={value}
          onChange={(v) => set(field.name, v, field.name)}
        />
      );
  }
}
