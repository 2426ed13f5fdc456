/** One test: fact, operator (offered by the fact's type) and a value editor that fits the type. */
import type { Condition } from '@civicdesk/schemas';
import { findFact, type Fact } from '../../model/fact-catalogue.js';
import { operatorNamed, operatorsFor } from '../../model/operators.js';
import { ValueInput } from './ValueInput.js';

type Leaf = { fact: string; operator: string; value?: unknown; path?: string };
type Props = {
  condition: Leaf;
  catalogue: readonly Fact[];
  onChange(condition: Condition): void;
  onRemove(): void;
};

export function FactConditionRow({ condition, catalogue, onChange, onRemove }: Props) {
  const fact = findFact(catalogue, condition.fact);
  const operators = operatorsFor(fact.type);
  const groups = [...new Set(catalogue.map((f) => f.group))];
  return (
    <div className="condition">
      <select
        aria-label="Fact"
        value={condition.fact}
        onChange={(e) => {
          const next = findFact(catalogue, e.target.value);
          onChange({
            fact: next.name,
            operator: operatorsFor(next.type)[0]!.name,
            value: next.type === 'number' ? 0 : (next.choices?.[0]?.key ?? ''),
          });
        }}
      >
        {!catalogue.some((f) => f.name === condition.fact) && (
          <option value={condition.fact}>{condition.fact || '— fact —'}</option>
        )}
        {groups.map((group) => (
          <optgroup key={group} label={group}>
            {catalogue
              .filter((f) => f.group === group)
              .map((f) => (
                <option key={f.name} value={f.name}>
                  {f.label}
                  {f.unit ? ` (${f.unit})` : ''}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <select
        aria-label="Operator"
        value={condition.operator}
        onChange={(e) =>
          onChange({
            ...condition,
            operator: e.target.value,
            value: adaptValue(condition.value, e.target.value),
          })
        }
      >
        {!operators.some((o) => o.name === condition.operator) && (
          <option value={condition.operator}>{operatorNamed(condition.operator).words}</option>
        )}
        {operators.map((o) => (
          <option key={o.name} value={o.name}>
            {o.words}
          </option>
        ))}
      </select>
      <ValueInput
        fact={fact}
        list={operatorNamed(condition.operator).list === true}
        value={condition.value}
        onChange={(value) => onChange({ ...condition, value })}
      />
      <button type="button" className="remove" aria-label="Remove condition" onClick={onRemove}>
        ✕
      </button>
    </div>
  );
}

function adaptValue(value: unknown, operator: string): unknown {
  const list = operatorNamed(operator).list === true;
  if (list && !Array.isArray(value)) return value === undefined || value === '' ? [] : [value];
  if (!list && Array.isArray(value)) return value[0] ?? '';
  return value;
}
