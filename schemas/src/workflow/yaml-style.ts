/**
 * Renders edited YAML in the file's own style. We guess the layout (indent width, `- ` items indented
 * under their key or not, padding inside `{ }` and `[ ]`) so lines written for an edit look like their
 * neighbours. Prettier, which this repository runs on YAML, pads maps but not lists (`{ a: [b] }`);
 * the yaml package has one switch for both, so list padding is removed afterwards, and kept only if
 * the result still reads as the same data.
 */
import { parseDocument, type Document, type ToStringOptions } from 'yaml';
import { sameData } from './same-data.js';

export type RenderStyle = { options: ToStringOptions; unpadSequences: boolean };

/** The style of `source`; for a file with no flow collections, Prettier's. Long lines are never folded. */
export function inferRenderStyle(source: string): RenderStyle {
  const lines = source
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const indents = lines.map((line) => line.length - line.trimStart().length).filter((width) => width > 0);
  const indent = Math.min(8, Math.max(2, indents.length > 0 ? Math.min(...indents) : 2));
  const padMaps = padded(source, '{', '}') ?? padded(source, '[', ']') ?? true;
  const padSequences = padded(source, '[', ']') ?? false;
  return {
    options: {
      lineWidth: 0,
      indent,
      indentSeq: !sequenceAtKeyIndent(lines),
      flowCollectionPadding: padMaps,
      singleQuote: count(source, /[:,[{-] '/g) > count(source, /[:,[{-] "/g),
    },
    unpadSequences: padMaps && !padSequences,
  };
}

/** The document as text in `style`. */
export function renderInStyle(document: Document, style: RenderStyle): string {
  const plain = document.toString(style.options);
  if (!style.unpadSequences) return plain;
  const restyled = plain.split('\n').map(unpadFlowSequences).join('\n');
  if (restyled === plain) return plain;
  const check = parseDocument(restyled);
  return check.errors.length === 0 && sameData(check.toJS(), document.toJS()) ? restyled : plain;
}

/** Whether the file writes `{ a` rather than `{a` (or `[ a` / `[a`); undefined when it has neither. */
function padded(source: string, open: string, close: string): boolean | undefined {
  const escapedOpen = `\\${open}`;
  const spaced = count(source, new RegExp(`${escapedOpen} [^\\s\\${close}]`, 'g'));
  const tight = count(source, new RegExp(`${escapedOpen}[^\\s\\${close}]`, 'g'));
  return spaced === 0 && tight === 0 ? undefined : spaced >= tight;
}

function count(source: string, pattern: RegExp): number {
  return source.match(pattern)?.length ?? 0;
}

/** True when a file writes `key:` and its `- item`s at the same indent (indentSeq: false). */
function sequenceAtKeyIndent(lines: string[]): boolean {
  return lines.some((line, index) => {
    const next = lines[index + 1];
    if (next === undefined || !/:\s*(#.*)?$/.test(line) || !next.trimStart().startsWith('- ')) return false;
    return next.length - next.trimStart().length === line.length - line.trimStart().length;
  });
}

/** `key: [ a, { b: [ c ] } ]` → `key: [a, { b: [c] }]`; quoted text and comments untouched. */
function unpadFlowSequences(line: string): string {
  let out = '';
  const open: string[] = [];
  let valueStart = true;
  for (let i = 0; i < line.length;) {
    const char = line[i]!;
    if (char === '#' && (i === 0 || line[i - 1] === ' ')) return out + line.slice(i);
    if (valueStart && (char === '"' || char === "'")) {
      const end = quotedEnd(line, i);
      out += line.slice(i, end);
      i = end;
      valueStart = false;
    } else if ((valueStart || open.length > 0) && (char === '[' || char === '{')) {
      open.push(char);
      out += char;
      i++;
      if (char === '[') while (line[i] === ' ') i++;
      valueStart = true;
    } else if (open.length > 0 && (char === ']' || char === '}')) {
      if (char === ']') out = out.trimEnd();
      open.pop();
      out += char;
      i++;
      valueStart = false;
    } else {
      const separator = char === ',' || (char === ':' && (line[i + 1] === ' ' || i + 1 === line.length));
      const listItem = char === '-' && line[i + 1] === ' ' && open.length === 0;
      if (char !== ' ') valueStart = separator || listItem;
      out += char;
      i++;
    }
  }
  return open.length === 0 ? out : line;
}

/** Index just past the quoted scalar starting at `start` ('' escapes in single quotes, \ in double). */
function quotedEnd(line: string, start: number): number {
  const quote = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return line.length;
}
