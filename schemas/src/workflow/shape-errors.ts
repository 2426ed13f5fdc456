/**
 * Turns zod's issues for a workflow file into messages a department head can act on. zod reports a
 * bad node as "matches none of four node types"; we look at the node's `type` and explain against
 * that type only, and we say "add title" instead of "expected string, received undefined".
 */
import { z } from 'zod';
import {
  actionNode,
  condition,
  decisionNode,
  endNode,
  factCondition,
  joinNode,
  parallelNode,
  waitNode,
  taskNode,
  workflowDefinition,
  type WorkflowDefinition,
} from './dsl.js';

export type ShapePath = (string | number)[];
export type ShapeError = { path: ShapePath; message: string };

const nodeSchemas: Record<string, z.ZodType> = {
  decision: decisionNode,
  task: taskNode,
  action: actionNode,
  end: endNode,
  wait: waitNode,
  parallel: parallelNode,
  join: joinNode,
};
const conditionBranches: Record<string, z.ZodType> = {
  all: z.object({ all: z.array(condition) }),
  any: z.object({ any: z.array(condition) }),
  not: z.object({ not: condition }),
  fact: factCondition,
};

/** Checks a parsed YAML value against the DSL: the typed definition, or every shape error. */
export function checkWorkflowShape(raw: unknown): { definition?: WorkflowDefinition; errors: ShapeError[] } {
  const parsed = workflowDefinition.safeParse(raw);
  if (parsed.success) return { definition: parsed.data, errors: [] };
  return { errors: explainIssues(parsed.error.issues, [], raw) };
}

/** `nodes.inspect.rules[0].next`: how paths are written in messages and error lists. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

function explainIssues(issues: readonly z.core.$ZodIssue[], base: ShapePath, raw: unknown): ShapeError[] {
  return issues.flatMap((issue) => explain({ ...issue, path: [...base, ...(issue.path as ShapePath)] }, raw));
}

function explain(issue: z.core.$ZodIssue, raw: unknown): ShapeError[] {
  const path = issue.path as ShapePath;
  const value = valueAt(raw, path);
  const key = path.at(-1);
  if (issue.code === 'invalid_union' && path.length === 2 && path[0] === 'nodes')
    return explainNode(path, value, raw);
  if (issue.code === 'invalid_union' && isRecord(value)) {
    const branch = Object.keys(conditionBranches).find((name) => name in value);
    const schema = branch === undefined ? undefined : conditionBranches[branch];
    const result = schema?.safeParse(value);
    if (result?.error) return explainIssues(result.error.issues, path, raw);
    return [
      {
        path,
        message:
          'Write a condition as { fact, operator, value }, or group conditions under all:, any: or not:.',
      },
    ];
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const options = ('options' in issue ? (issue.options as unknown[]) : []).map(String);
    return [{ path, message: `"${String(value)}" is not a known ${String(key)}; use ${listOf(options)}.` }];
  }
  return [{ path, message: plainMessage(issue, key, value) }];
}

function explainNode(path: ShapePath, node: unknown, raw: unknown): ShapeError[] {
  const id = String(path[1]);
  const types = Object.keys(nodeSchemas);
  if (!isRecord(node)) {
    return [
      {
        path,
        message: `Node '${id}' should be a map of its settings, starting with type: ${listOf(types)}.`,
      },
    ];
  }
  const schema = typeof node.type === 'string' ? nodeSchemas[node.type] : undefined;
  if (!schema) {
    const problem = node.type === undefined ? 'has no type' : `has type "${String(node.type)}"`;
    return [{ path: [...path, 'type'], message: `Node '${id}' ${problem}; use ${listOf(types)}.` }];
  }
  const result = schema.safeParse(node);
  return result.error ? explainIssues(result.error.issues, path, raw) : [];
}

const wordFor: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of settings',
  record: 'a map of names to values',
};

/** zod's own messages start like this; custom messages from dsl.ts are kept as they are. */
const zodDefault = /^(Invalid|Too small|Too big|Expected)/;

function plainMessage(issue: z.core.$ZodIssue, key: PropertyKey | undefined, value: unknown): string {
  const name = key === undefined ? 'The workflow file' : `"${String(key)}"`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = wordFor[issue.expected] ?? issue.expected;
      if (key === undefined)
        return 'A workflow file is a map with workflow, title, start and nodes; this one is not.';
      if (value === undefined) return `${name} is missing; add it (${expected}).`;
      if (value === null) return `${name} is empty; fill it in (${expected}).`;
      return `${name} should be ${expected}, not ${describe(value)}.`;
    }
    case 'invalid_value':
      return `${name} is ${describe(value)}; use ${listOf(issue.values.map(String))}.`;
    case 'invalid_key': {
      const reason = issue.issues.map((inner) => inner.message).join('; ');
      return `"${String(key)}" cannot be used as a name here: ${reason}.`;
    }
    case 'too_small':
      return zodDefault.test(issue.message) ? `${name} is empty; fill it in.` : issue.message;
    default:
      return zodDefault.test(issue.message) ? `${name}: ${issue.message}` : issue.message;
  }
}

function listOf(options: readonly string[]): string {
  if (options.length <= 1) return options.join('');
  return `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(raw: unknown, path: ShapePath): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined,
    raw,
  );
}
