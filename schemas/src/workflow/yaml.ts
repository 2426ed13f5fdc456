/**
 * Reads and writes workflow YAML through the yaml package's Document API, so comments, key order and
 * keys the schema does not know survive a round trip through the designer.
 * @see ../../../../shared/DESIGN.md "Workflow DSL (YAML)"
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { WorkflowDefinition } from './dsl.js';
import { checkWorkflowShape, formatPath, type ShapePath } from './shape-errors.js';
import { sameData } from './same-data.js';
import { carryEditIntoSource } from './yaml-merge.js';
import { inferRenderStyle, renderInStyle, type RenderStyle } from './yaml-style.js';

/** A problem reading a workflow file: where (`nodes.inspect.sla`, line 12) and what to do about it. */
export type WorkflowYamlError = { path: string; message: string; line?: number; column?: number };

export type ParsedWorkflowYaml = {
  document: Document;
  definition?: WorkflowDefinition;
  errors: WorkflowYamlError[];
};

type Origin = { source: string; baseline: string; style: RenderStyle };
const origins = new WeakMap<Document, Origin>();

/** Parses workflow YAML: syntax errors with their line, then every DSL shape error with its line. */
export function parseWorkflowYaml(text: string): ParsedWorkflowYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  if (document.errors.length > 0) {
    const errors = document.errors.map((error) => ({
      path: '',
      message: error.message,
      ...(error.linePos ? { line: error.linePos[0].line, column: error.linePos[0].col } : {}),
    }));
    return { document, errors };
  }
  const style = inferRenderStyle(text);
  origins.set(document, { source: text, baseline: renderInStyle(document, style), style });
  const { definition, errors } = checkWorkflowShape(document.toJS());
  const located = errors.map((error) => ({
    path: formatPath(error.path),
    message: error.message,
    ...locate(document, error.path, lineCounter),
  }));
  return definition ? { document, definition, errors: located } : { document, errors: located };
}

/**
 * Writes a document back to text. For a document from `parseWorkflowYaml`, lines the caller did not
 * change keep their original bytes, so an unedited document stringifies to exactly its source.
 */
export function stringifyWorkflowYaml(document: Document): string {
  const origin = origins.get(document);
  if (!origin) return renderInStyle(document, inferRenderStyle(''));
  const rendered = renderInStyle(document, origin.style);
  const merged = carryEditIntoSource(origin.source, origin.baseline, rendered);
  if (merged === rendered) return rendered;
  const check = parseDocument(merged);
  return check.errors.length === 0 && sameData(check.toJS(), document.toJS()) ? merged : rendered;
}

/** Line and column of the deepest part of `path` in the file: the key that holds it, else its parent. */
function locate(
  document: Document,
  path: ShapePath,
  lineCounter: LineCounter,
): { line?: number; column?: number } {
  for (let length = path.length; length >= 0; length--) {
    const offset = startOf(document, path.slice(0, length));
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return {};
}

function startOf(document: Document, path: ShapePath): number | undefined {
  if (path.length === 0) return document.contents?.range?.[0];
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  const last = path.at(-1);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === last);
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last];
    return isScalar(item) || isMap(item) || isSeq(item) ? item.range?.[0] : undefined;
  }
  return undefined;
}
