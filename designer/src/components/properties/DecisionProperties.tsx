/** Decision fields: ordered rules (each a condition tree with a plain-language preview) and the default. */
import type { Condition, DecisionNode } from '@civicdesk/schemas';
import { describeCondition } from '../../model/describe-condition.js';
import type { Fact } from '../../model/fact-catalogue.js';
import { ConditionEditor } from '../rules/ConditionEditor.js';
import { TextField } from './fields.js';
import { TargetSelect } from './TargetSelect.js';

type Props = {
  node: DecisionNode;
  targets: string[];
  catalogue: readonly Fact[];
  onChange(node: DecisionNode, merge?: string): void;
};

/** A bare fact condition becomes an `all` group so the editor can add siblings to it. */
const asGroup = (when: Condition): Condition =>
  'all' in when || 'any' in when || 'not' in when ? when : { all: [when] };

export function DecisionProperties({ node, targets, catalogue, onChange }: Props) {
  const rules = node.rules;
  const setRule = (index: number, rule: DecisionNode['rules'][number], merge?: string) =>
    onChange({ ...node, rules: rules.map((old, i) => (i === index ? rule : old)) }, merge);
  const move = (index: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    onChange({ ...node, rules: next });
  };
  return (
    <>
      <TextField
        label="Question"
        value={node.title ?? ''}
        onChange={(title) => onChange({ ...node, title }, 'title')}
      />
      <p className="hint">Rules are tried in order; the first that matches decides.</p>
      {rules.map((rule, index) => (
        <fieldset className="rule" key={index}>
          <legend>Rule {index + 1}</legend>
          <TextField
            label="Name"
            value={rule.name ?? ''}
            onChange={(name) => setRule(index, { ...rule, name }, `rule-${index}-name`)}
          />
          <ConditionEditor
            condition={asGroup(rule.when)}
            catalogue={catalogue}
            onChange={(when) => setRule(index, { ...rule, when })}
          />
          <p className="preview" aria-label="Rule in words">
            When {describeCondition(rule.when, catalogue)}
          </p>
          <TargetSelect
            label="then go to"
            value={rule.next}
            targets={targets}
            onChange={(next) => setRule(index, { ...rule, next })}
          />
          <div className="row">
            <button type="button" disabled={index === 0} onClick={() => move(index, -1)}>
              ↑ earlier
            </button>
            <button type="button" disabled={index === rules.length - 1} onClick={() => move(index, 1)}>
              ↓ later
            </button>
            <button
              type="button"
              onClick={() => onChange({ ...node, rules: rules.filter((_, i) => i !== index) })}
            >
              Remove rule
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange({
            ...node,
            rules: [...rules, { name: `Rule ${rules.length + 1}`, when: { all: [] }, next: '' }],
          })
        }
      >
        + Add rule
      </button>
      <TargetSelect
        label="Otherwise (default)"
        value={node.default}
        targets={targets}
        onChange={(to) => {
          const { default: _old, ...rest } = node;
          onChange(to ? { ...rest, default: to } : rest);
        }}
      />
    </>
  );
}
