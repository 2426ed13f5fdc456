import { describe, expect, it } from 'vitest';
import { fieldSpecs } from './schema-fields.js';

describe('schema-driven fields', () => {
  it('reads wires, enums, numbers and maps from the DSL schema of any step kind', () => {
    const webhook = fieldSpecs({
      type: 'action',
      action: 'webhook',
      url: 'https://x.org',
      method: 'POST',
      timeout: 'PT10S',
      retries: 3,
      on_failure: 'a',
      next: 'b',
    });
    const byName = Object.fromEntries(webhook.map((f) => [f.name, f]));
    expect(byName.method).toMatchObject({ kind: 'choice', options: ['POST', 'PUT', 'PATCH', 'GET'] });
    expect(byName.retries).toMatchObject({ kind: 'number' });
    expect(byName.headers).toMatchObject({ kind: 'json', optional: true });
    expect(byName.on_failure).toMatchObject({ kind: 'wire', optional: false });
    expect(byName).not.toHaveProperty('action');
    expect(fieldSpecs({ type: 'parallel', branches: ['a', 'b'] })).toEqual([
      { name: 'title', kind: 'text', optional: true },
      { name: 'branches', kind: 'wires', optional: false },
    ]);
    expect(fieldSpecs({ type: 'wait', next: 'x' }).find((f) => f.name === 'for')).toMatchObject({
      kind: 'choice',
      options: ['resident_reply'],
    });
  });
});
