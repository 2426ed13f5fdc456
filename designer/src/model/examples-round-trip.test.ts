/**
 * Every workflow YAML under examples/ imported into the designer's model, edited the way the canvas
 * edits (nodes laid out, every step rewritten) and exported again: the same workflow, every comment kept.
 */
import { parseWorkflowYaml, type WorkflowDefinition } from '@civicdesk/schemas';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toCanvasGraph } from './canvas-graph.js';
import { readDraft, withDefinition } from './draft.js';
import { moveNodes } from './edit.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

const yamlFiles = yamlFilesUnder(examples);
const isWorkflow = (text: string) => /^workflow:/m.test(text) && /^nodes:/m.test(text);
const workflowFiles = yamlFiles.filter((path) => isWorkflow(readFileSync(path, 'utf8')));

/** Comments as written (`# ...` to the end of the line), whole-line or trailing. */
function commentsOf(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const at = line.search(/(^|\s)#/);
    return at < 0 ? [] : [line.slice(at).trim()];
  });
}

/** What the engine runs: the definition without the designer-only layout. */
const meaning = ({ layout: _layout, ...rest }: WorkflowDefinition) => rest;

/** Import, lay every node out on the canvas, rewrite every step as the properties panel does, export. */
function throughTheDesigner(source: string): string {
  const { draft } = readDraft(source);
  if (!draft) throw new Error('does not import');
  const graph = toCanvasGraph(draft.definition);
  const placed = withDefinition(
    draft,
    moveNodes(draft.definition, Object.fromEntries(graph.nodes.map((n) => [n.id, n.position]))),
  );
  const rewritten = structuredClone(placed.definition);
  return withDefinition(placed, { ...rewritten, nodes: { ...rewritten.nodes } }).yaml;
}

describe('examples round trip through the designer', () => {
  it('finds every workflow the example packs name', () => {
    const named = yamlFiles.flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/^\s*-\s*file:\s*(\S+\.ya?ml)\s*$/gm)].map((m) =>
        resolve(dirname(path), m[1]!),
      ),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const path of named) expect(workflowFiles).toContain(path);
    expect(workflowFiles.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(workflowFiles.map((path) => [relative(examples, path), path]))('%s', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    const exported = throughTheDesigner(source);

    it('exports the same workflow', () => {
      const before = parseWorkflowYaml(source);
      const after = parseWorkflowYaml(exported);
      expect(before.errors).toEqual([]);
      expect(after.errors).toEqual([]);
      expect(meaning(after.definition!)).toEqual(meaning(before.definition!));
      // The canvas positions were written, so the export did go through the YAML writer.
      expect(Object.keys(after.definition!.layout ?? {})).toEqual(Object.keys(before.definition!.nodes));
    });

    it('keeps every comment', () => {
      const comments = commentsOf(source);
      expect(comments.length).toBeGreaterThan(0);
      for (const comment of comments) expect(exported).toContain(comment);
    });
  });
});
