/**
 * The draft being edited: its YAML text and the definition last read from it. Canvas edits rewrite
 * the YAML through `updateWorkflowYaml` so comments and key order survive; YAML edits re-parse.
 */
import {
  parseWorkflowYaml,
  updateWorkflowYaml,
  type WorkflowDefinition,
  type WorkflowYamlError,
} from '@civicdesk/schemas';
import { withoutFilledBlanks } from './filled-blanks.js';

export type Draft = { yaml: string; definition: WorkflowDefinition };

/** A draft from YAML text, or the errors that stop it being read (with their lines). */
export function readDraft(yaml: string): { draft?: Draft; errors: WorkflowYamlError[] } {
  const parsed = parseWorkflowYaml(yaml);
  if (!parsed.definition) return { errors: parsed.errors };
  return { draft: { yaml, definition: parsed.definition }, errors: parsed.errors };
}

/** The draft after a canvas edit: the YAML changes only where the definition did. */
export function withDefinition(draft: Draft, definition: WorkflowDefinition): Draft {
  if (definition === draft.definition) return draft;
  const cleared = withoutFilledBlanks(draft.definition, definition);
  const base = cleared ? updateWorkflowYaml(draft.yaml, cleared) : draft.yaml;
  return { yaml: updateWorkflowYaml(base, definition), definition };
}

/** A new, empty workflow ready to draw on. */
export function emptyDraft(slug = 'new-workflow', title = 'New workflow', services: string[] = []): Draft {
  const definition: WorkflowDefinition = { workflow: slug, title, services, start: '', nodes: {} };
  // start and nodes are left out until the first step exists, so they are added in block style.
  const yaml = `workflow: ${slug}\ntitle: ${title}\nservices: [${services.join(', ')}]\n`;
  return { yaml, definition };
}
