import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml, stringifyWorkflowYaml } from './yaml.js';
import { carryEditIntoSource } from './yaml-merge.js';

describe('carryEditIntoSource', () => {
  const source = 'a: [x]      # one\nb: 1\nc: {k: v}   # three\n';
  const baseline = 'a: [ x ] # one\nb: 1\nc: { k: v } # three\n';

  it('returns the source untouched when the edit changed nothing', () => {
    expect(carryEditIntoSource(source, baseline, baseline)).toBe(source);
  });

  it('takes only the edited lines from the new rendering', () => {
    expect(carryEditIntoSource(source, baseline, 'a: [ x ] # one\nb: 2\nc: { k: v } # three\n')).toBe(
      'a: [x]      # one\nb: 2\nc: {k: v}   # three\n',
    );
  });

  it('keeps the column of a trailing comment on an edited line', () => {
    expect(carryEditIntoSource(source, baseline, 'a: [ y ] # one\nb: 1\nc: { k: v } # three\n')).toBe(
      'a: [ y ]    # one\nb: 1\nc: {k: v}   # three\n',
    );
  });

  it('inserts and deletes whole lines', () => {
    expect(carryEditIntoSource(source, baseline, 'a: [ x ] # one\nc: { k: v } # three\nd: 4\n')).toBe(
      'a: [x]      # one\nc: {k: v}   # three\nd: 4\n',
    );
  });

  it('keeps Windows line ends', () => {
    const crlf = source.replaceAll('\n', '\r\n');
    expect(carryEditIntoSource(crlf, baseline, 'a: [ x ] # one\nb: 2\nc: { k: v } # three\n')).toBe(
      'a: [x]      # one\r\nb: 2\r\nc: {k: v}   # three\r\n',
    );
  });
});

describe('stringifyWorkflowYaml after an edit', () => {
  it('falls back to the canonical rendering when carrying the edit over would change data', () => {
    const text = 'workflow: a-b\ntitle: "abc  # b"\nstart: x\nnodes: {}\n';
    const { document } = parseWorkflowYaml(text);
    document.set('title', 'x  # b');
    const written = stringifyWorkflowYaml(document);
    expect(parseWorkflowYaml(written).document.get('title')).toBe('x  # b');
  });
});
