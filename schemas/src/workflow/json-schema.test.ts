import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workflowJsonSchema } from './json-schema.js';

const committed = JSON.parse(
  readFileSync(new URL('../../workflow.schema.json', import.meta.url), 'utf8'),
) as unknown;

describe('workflowJsonSchema', () => {
  it('matches the committed schemas/workflow.schema.json (run scripts/export-json-schema.ts if not)', () => {
    expect(committed).toEqual(workflowJsonSchema());
  });

  it('is draft-07 with the recursive condition as one named definition that every $ref resolves to', () => {
    const schema = workflowJsonSchema();
    const text = JSON.stringify(schema);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const refs = new Set([...text.matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]));
    expect([...refs]).toEqual(['#/definitions/condition']);
    expect(Object.keys(schema.definitions as object)).toEqual(['condition']);
  });

  it('asks for what a file must say and leaves defaulted fields optional', () => {
    const schema = workflowJsonSchema() as {
      required: string[];
      properties: {
        nodes: {
          additionalProperties: { anyOf: { properties: { type: { const?: string } }; required: string[] }[] };
        };
      };
    };
    expect(schema.required).toEqual(['workflow', 'title', 'start', 'nodes']);
    const task = schema.properties.nodes.additionalProperties.anyOf.find(
      (node) => node.properties.type.const === 'task',
    );
    expect(task?.required).toEqual(['type', 'title', 'assign', 'outcomes']);
  });
});
