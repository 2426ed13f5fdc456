import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { inferRenderStyle, renderInStyle } from './yaml-style.js';

const render = (text: string, style = inferRenderStyle(text)) => renderInStyle(parseDocument(text), style);

describe('inferRenderStyle and renderInStyle', () => {
  it('reads indent width, list indentation, padding and quotes from the file', () => {
    expect(inferRenderStyle('a:\n    b: [x]\nc:\n- {d: "e"}\n')).toEqual({
      options: {
        lineWidth: 0,
        indent: 4,
        indentSeq: false,
        flowCollectionPadding: false,
        singleQuote: false,
      },
      unpadSequences: false,
    });
    expect(inferRenderStyle("a:\n  - { b: [c] }\n  - 'd'\n")).toEqual({
      options: { lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: true, singleQuote: true },
      unpadSequences: true,
    });
  });

  it("uses Prettier's style for a file without flow collections: padded maps, tight lists", () => {
    const document = parseDocument('a: 1\n');
    document.set('b', document.createNode({ c: ['d', 'e'] }, { flow: true }));
    expect(renderInStyle(document, inferRenderStyle('a: 1\n'))).toBe('a: 1\nb: { c: [d, e] }\n');
  });

  it('removes list padding only outside quoted text and comments', () => {
    const text = `a: [ x, [ y ] ]   # keep [ this ]\nb: "[ quoted ]"\nc: plain [ text ]\nd: { e: [ 'it''s [ here ]', "q \\" [ x ]" ] }\n`;
    expect(render(text, { options: { lineWidth: 0 }, unpadSequences: true })).toBe(
      `a: [x, [y]] # keep [ this ]\nb: "[ quoted ]"\nc: plain [ text ]\nd: { e: ['it''s [ here ]', "q \\" [ x ]"] }\n`,
    );
  });

  it('keeps the padding when removing it would change the data', () => {
    const text = 'message: >-\n  [ a ]\n  b\n';
    expect(render(text, { options: { lineWidth: 0 }, unpadSequences: true })).toBe(
      'message: >-\n  [ a ] b\n',
    );
  });
});
