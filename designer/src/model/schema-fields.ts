/**
 * Form fields read from the DSL's zod schema, so a step kind without a hand-made panel still gets a
 * proper form: text, numbers, yes/no, choices from enums, wires as "leads to" pickers, JSON for the rest.
 */
import { actionNode, workflowNode, type WorkflowNode } from '@civicdesk/schemas';

export type FieldKind = 'text' | 'number' | 'boolean' | 'choice' | 'wire' | 'wires' | 'json';
export type FieldSpec = { name: string; kind: FieldKind; optional: boolean; options?: string[] };

type Def = {
  type: string;
  innerType?: Schema;
  values?: unknown[];
  entries?: Record<string, string>;
  element?: Schema;
};
type Schema = { _zod: { def: Def }; shape?: Record<string, Schema> };

const WIRES = new Set(['next', 'default', 'on_failure', 'on_timeout']);
const FIXED = new Set(['type', 'action']);

/** The zod object schema for a node's type (and action kind), if the DSL knows it. */
function schemaOf(node: WorkflowNode): Schema | undefined {
  const options = (node.type === 'action' ? actionNode.options : workflowNode.options) as unknown as Schema[];
  const key = node.type === 'action' ? 'action' : 'type';
  const value = (node as Record<string, unknown>)[key];
  return options.find((option) => option.shape?.[key]?._zod.def.values?.includes(value));
}

/** The editable fields of a node, in schema order. */
export function fieldSpecs(node: WorkflowNode): FieldSpec[] {
  const shape = schemaOf(node)?.shape ?? {};
  return Object.entries(shape)
    .filter(([name]) => !FIXED.has(name))
    .map(([name, schema]) => spec(name, schema));
}

function spec(name: string, schema: Schema): FieldSpec {
  let def = schema._zod.def;
  let optional = false;
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) {
    optional ||= def.type === 'optional';
    def = def.innerType._zod.def;
  }
  if (WIRES.has(name)) return { name, kind: 'wire', optional };
  if (name === 'branches') return { name, kind: 'wires', optional };
  switch (def.type) {
    case 'string':
      return { name, kind: 'text', optional };
    case 'number':
      return { name, kind: 'number', optional };
    case 'boolean':
      return { name, kind: 'boolean', optional };
    case 'enum':
      return { name, kind: 'choice', optional, options: Object.values(def.entries ?? {}) };
    case 'literal':
      return { name, kind: 'choice', optional, options: (def.values ?? []).map(String) };
    default:
      return { name, kind: 'json', optional };
  }
}
