/**
 * Applies a new workflow definition onto the Document it came from, changing only what differs:
 * changed scalars are set in place (keeping their comments and quoting), new keys go at the end,
 * removed keys are deleted. Keys the schema does not know were stripped from the old definition, so
 * they are never seen as removed and survive.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { WorkflowDefinition } from './dsl.js';
import { sameData } from './same-data.js';
import { parseWorkflowYaml, stringifyWorkflowYaml } from './yaml.js';

type Data = Record<string, unknown>;

/** Rewrites workflow YAML to say `definition`, keeping comments, key order and unknown keys where possible. */
export function updateWorkflowYaml(text: string, definition: WorkflowDefinition): string {
  const { document, definition: previous, errors } = parseWorkflowYaml(text);
  if (document.errors.length > 0) {
    throw new Error(`Fix the YAML syntax first: ${errors.map((error) => error.message).join('; ')}`);
  }
  applyDefinition(document, previous ?? document.toJS(), definition);
  return stringifyWorkflowYaml(document);
}

/** Diff-applies `next` onto `document`, given `previous`, the data the document held before. */
export function applyDefinition(document: Document, previous: unknown, next: WorkflowDefinition): void {
  if (isMap(document.contents)) applyMap(document, document.contents, asData(previous), next);
  else document.contents = createNode(document, next);
}

function applyMap(document: Document, map: YAMLMap, previous: Data, next: Data): void {
  for (const key of Object.keys(previous)) {
    if (previous[key] !== undefined && next[key] === undefined) map.delete(key);
  }
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || sameData(previous[key], value)) continue;
    if (!map.has(key)) appendPair(document, map, key, value);
    else applyValue(document, map.get(key, true), previous[key], value, (node) => map.set(key, node));
  }
}

function applySeq(document: Document, seq: YAMLSeq, previous: unknown[], next: unknown[]): void {
  next.forEach((value, index) => {
    if (index >= seq.items.length) seq.add(createNode(document, value));
    else if (!sameData(previous[index], value)) {
      applyValue(document, seq.items[index] as Node, previous[index], value, (node) => seq.set(index, node));
    }
  });
  while (seq.items.length > next.length) seq.delete(seq.items.length - 1);
}

function applyValue(
  document: Document,
  node: unknown,
  previous: unknown,
  next: unknown,
  replace: (node: Node) => void,
): void {
  if (isScalar(node) && (next === null || typeof next !== 'object')) node.value = next;
  else if (isMap(node) && isData(next)) applyMap(document, node, asData(previous), next);
  else if (isSeq(node) && Array.isArray(next))
    applySeq(document, node, Array.isArray(previous) ? previous : [], next);
  else replace(createNode(document, next));
}

/** Adds a key at the end of a map, with a blank line before it when the map's last entry has one. */
function appendPair(document: Document, map: YAMLMap, key: string, value: unknown): void {
  const pair = document.createPair(key, value, { aliasDuplicateObjects: false });
  const last = map.items.at(-1)?.key;
  if (isScalar(last) && last.spaceBefore && isScalar(pair.key)) pair.key.spaceBefore = true;
  map.items.push(pair);
}

/** A new node; never with anchors, even when the designer reuses one object in two places. */
function createNode(document: Document, value: unknown): Node {
  return document.createNode(value, { aliasDuplicateObjects: false });
}

function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asData(value: unknown): Data {
  return isData(value) ? value : {};
}
