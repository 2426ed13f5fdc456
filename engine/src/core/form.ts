/** Checks the values staff enter in a task's form against its typed fields. Pure. */
import type { FormField } from './types.js';

const describe = (value: unknown): string =>
  typeof value === 'string' ? `"${value}"` : value === null ? 'empty' : JSON.stringify(value);

/** One message per bad or missing value, naming the field and what it accepts; unknown names too. */
export function formProblems(fields: readonly FormField[], values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of fields) {
    const name = field.label ? `"${field.name}" (${field.label})` : `"${field.name}"`;
    const value = Object.hasOwn(values, field.name) ? values[field.name] : undefined;
    if (value === undefined || value === null || value === '') {
      if (field.required ?? true) problems.push(`fill in ${name}`);
      continue;
    }
    if (field.type === 'string' && typeof value !== 'string') {
      problems.push(`${name} must be text, not ${describe(value)}`);
    } else if (field.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
      problems.push(`${name} must be a number, not ${describe(value)}`);
    } else if (field.type === 'boolean' && typeof value !== 'boolean') {
      problems.push(`${name} must be true or false, not ${describe(value)}`);
    } else if (field.type === 'select' && !field.options.includes(String(value))) {
      problems.push(`${name} must be one of ${field.options.join(', ')}, not ${describe(value)}`);
    }
  }
  if (fields.length > 0) {
    const known = new Set(fields.map((field) => field.name));
    const unknown = Object.keys(values).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      problems.push(
        `the form has no field ${unknown.map((n) => `"${n}"`).join(', ')}; fields: ${[...known].join(', ')}`,
      );
    }
  }
  return problems;
}
