/** The rule builder: nested all / any / not groups over fact conditions, edited in place. */
import type { Condition } from '@civicdesk/schemas';
import type { Fact } from '../../model/fact-catalogue.js';
import { FactConditionRow } from './FactConditionRow.js';

type Props = {
  condition: Condition;
  catalogue: readonly Fact[];
  onChange(condition: Condition): void;
  onRemove?: () => void;
};

export function ConditionEditor({ condition, catalogue, onChange, onRemove }: Props) {
  if ('not' in condition) {
    return (
      <div className="group not">
        <div className="group-head">
          <strong>not</strong>
          {onRemove && <RemoveButton onRemove={onRemove} />}
        </div>
        <ConditionEditor
          condition={condition.not}
          catalogue={catalogue}
          onChange={(inner) => onChange({ not: inner })}
        />
      </div>
    );
  }
  if ('all' in condition || 'any' in condition) {
    const mode = 'all' in condition ? 'all' : 'any';
    const items = 'all' in condition ? condition.all : condition.any;
    const set = (next: Condition[]) => onChange(mode === 'all' ? { all: next } : { any: next });
    const first = catalogue[0];
    return (
      <div className={`group ${mode}`}>
        <div className="group-head">
          <select
            aria-label="Match"
            value={mode}
            onChange={(e) => onChange(e.target.value === 'all' ? { all: items } : { any: items })}
          >
            <option value="all">all of these</option>
            <option value="any">any of these</option>
          </select>
          {onRemove && <RemoveButton onRemove={onRemove} />}
        </div>
        {items.map((item, index) => (
          <ConditionEditor
            key={index}
            condition={item}
            catalogue={catalogue}
            onChange={(next) => set(items.map((old, i) => (i === index ? next : old)))}
            onRemove={() => set(items.filter((_, i) => i !== index))}
          />
        ))}
        <div className="group-actions">
          <button
            type="button"
            onClick={() =>
              set([
                ...items,
                {
                  fact: first?.name ?? '',
                  operator: 'equal',
                  value: first?.type === 'number' ? 0 : (first?.choices?.[0]?.key ?? ''),
                },
              ])
            }
          >
            + condition
          </button>
          <button type="button" onClick={() => set([...items, { any: [] }])}>
            + group
          </button>
          <button type="button" onClick={() => set([...items, { not: { all: [] } }])}>
            + not
          </button>
        </div>
      </div>
    );
  }
  return (
    <FactConditionRow
      condition={condition}
      catalogue={catalogue}
      onChange={onChange}
      onRemove={onRemove ?? (() => onChange({ all: [] }))}
    />
  );
}

function RemoveButton({ onRemove }: { onRemove(): void }) {
  return (
    <button type="button" className="remove" aria-label="Remove group" onClick={onRemove}>
      ✕
    </button>
  );
}
